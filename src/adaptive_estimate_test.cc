#include "adaptive_estimate.h"

#include <gtest/gtest.h>

#include "run_index.h"
#include "test_util.h"

namespace fhebench {
namespace {

Cell cell(const std::string& tool) {
  return {tool, "cardio", "default", "none", tool + "_cardio_default", {{"patients", 1}}, "patients=1", {}};
}

// An earlier run in the index whose `tool` cell took `total_s` per repetition.
// `wall_s` > 0: its repetitions' wall time too (the process, beyond the phases).
void index_earlier(const fs::path& results, const std::string& id, const std::string& tool, double total_s,
                   double wall_s = 0) {
  CellSummary c;
  c.cell = cell(tool);
  c.status = Status::ok;
  c.phases["total"].n = 10;
  c.phases["total"].median = total_s;
  if (wall_s > 0) c.wall.n = 10, c.wall.median = wall_s;
  const Json run = {{"id", id}, {"status", "complete"}, {"fhebench", {{"commit", "x"}}}, {"machine", Json::object()}};
  index_run(results, run, RunSummary{id, "Plaintext", {c}});
}

TEST(AdaptiveEstimate, FromTheIndexCheapestFirstUnknownLast) {
  test::TempDir results;
  index_earlier(results.path(), "20261201_000000", "Slow", 2.0);
  index_earlier(results.path(), "20261201_000001", "Fast", 0.1);
  const std::vector<Cell> cells = {cell("Slow"), cell("New"), cell("Fast")};
  const auto per_rep = estimate_repetition_seconds(results.path(), cells);
  ASSERT_EQ(per_rep.size(), 3u);
  EXPECT_DOUBLE_EQ(per_rep[0].value_or(-1), 2.0);
  EXPECT_FALSE(per_rep[1]);
  EXPECT_DOUBLE_EQ(per_rep[2].value_or(-1), 0.1);
  std::vector<CellJob> jobs = {{0, {}}, {1, {}}, {2, {}}};
  order_cheap_first(jobs, per_rep);
  EXPECT_EQ(jobs[0].index, 2u);
  EXPECT_EQ(jobs[1].index, 0u);
  EXPECT_EQ(jobs[2].index, 1u);
  RunOptions o;
  o.min_repetitions = 3, o.max_repetitions = 10, o.warmup = 1, o.time_budget_s = 60;
  const std::string line = estimate_line(per_rep, o);
  EXPECT_NE(line.find("estimated 8.4 s to 23.1 s"), std::string::npos) << line;  // 2.1 x 4 and 2.1 x 11
  EXPECT_NE(line.find("1 cell(s) never ran before"), std::string::npos) << line;
}

TEST(AdaptiveEstimate, UsesTheWallTimeOverThePhaseTotal) {
  test::TempDir results;
  index_earlier(results.path(), "20261201_000000", "Python", 0.05, 3.5);  // e.g. imports outside the phases
  const auto per_rep = estimate_repetition_seconds(results.path(), {cell("Python")});
  EXPECT_DOUBLE_EQ(per_rep.at(0).value_or(-1), 3.5);
  RunOptions o;
  o.min_repetitions = 6, o.max_repetitions = 30, o.warmup = 1, o.time_budget_s = 2400;
  const std::string line = estimate_line(per_rep, o);
  EXPECT_NE(line.find("time budget 2400 s: estimated 24.5 s to 108 s"), std::string::npos) << line;
}

}  // namespace
}  // namespace fhebench
