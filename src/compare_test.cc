#include "compare.h"

#include <gtest/gtest.h>

#include <tuple>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench {
namespace {

using test::TempDir;

// A run with one cell whose repetitions took `totals` seconds (all in compute).
RunStore make_run(const fs::path& results, const std::vector<double>& totals, const std::string& status = "ok") {
  RunStore store = RunStore::create(results);
  Cell cell{"SEAL", "cardio", "batched", "BFV", "seal_cardio_batched", {{"patients", 1}}, "patients=1",
            "cells/SEAL/seal_cardio_batched/patients=1"};
  store.write_run({{"id", store.id()}, {"matrix", {to_json(cell)}}, {"options", {{"repetitions", totals.size()}}}});
  fs::create_directories(store.cell_dir(cell));
  for (size_t i = 0; i < totals.size(); ++i)
    store.write_record(cell, record_from_json({{"repetition", i + 1}, {"status", status},
                                              {"phases", {{"keygen", 0.0}, {"encrypt", 0.0}, {"compute", totals[i]}, {"decrypt", 0.0}}}}));
  write_file_atomic(store.dir() / "summary.json",
                    Json({{"cells", {{{"tool", "SEAL"}, {"benchmark", "cardio"}, {"variant", "batched"},
                                      {"impl", "seal_cardio_batched"}, {"size_key", "patients=1"}, {"status", status}}}}}).dump());
  return store;
}

}  // namespace

TEST(MannWhitney, SeparatedSamplesAreSignificantEqualOnesAreNot) {
  const std::vector<double> a = {1.0, 1.1, 1.05, 0.98, 1.02, 1.01, 0.99, 1.03, 1.04, 1.0};
  std::vector<double> b;
  for (double x : a) b.push_back(x * 1.5);
  EXPECT_LT(mann_whitney_p(a, b), 0.001);
  EXPECT_GT(mann_whitney_p(a, a), 0.9);
  EXPECT_DOUBLE_EQ(mann_whitney_p(a, {}), 1.0);
}

TEST(Compare, FindsASlowdownAndIgnoresNoise) {
  TempDir results;
  const auto base = make_run(results.path(), {1.0, 1.02, 0.99, 1.01, 1.0, 0.98, 1.03, 1.0, 1.01, 0.99});
  const auto slow = make_run(results.path(), {1.3, 1.31, 1.29, 1.32, 1.3, 1.28, 1.33, 1.3, 1.31, 1.29});
  const auto same = make_run(results.path(), {1.01, 0.99, 1.0, 1.02, 0.98, 1.0, 1.01, 0.99, 1.0, 1.02});
  Json c = compare_runs(base, slow, {});
  ASSERT_EQ(c["cells"].size(), 1u);
  EXPECT_EQ(c["cells"][0]["verdict"], "slower");
  EXPECT_NEAR(c["cells"][0]["ratio"].get<double>(), 1.3, 0.01);
  EXPECT_EQ(compare_runs(slow, base, {})["cells"][0]["verdict"], "faster");
  EXPECT_EQ(compare_runs(base, same, {})["cells"][0]["verdict"], "same");
}

// A summary that says ok over no ok records (removed or unreadable since) gave a NaN ratio,
// printed as -nan: now there is no ratio, a note says why, and it is not a regression.
TEST(Compare, ACellWithoutOkRepetitionsHasNoRatio) {
  TempDir results;
  const auto base = make_run(results.path(), {1.0, 1.0, 1.0});
  const auto empty = make_run(results.path(), {});
  for (const auto& [a, b, who] : {std::tuple{&base, &empty, "contender"}, std::tuple{&empty, &base, "baseline"},
                                  std::tuple{&empty, &empty, "baseline and the contender"}}) {
    const Json c = compare_runs(*a, *b, {})["cells"][0];
    EXPECT_FALSE(c.contains("ratio")) << c.dump();
    EXPECT_FALSE(c.contains("p")) << c.dump();
    EXPECT_EQ(c["verdict"], "same");
    EXPECT_EQ(c["note"], std::string("no ok repetitions in the ") + who);
  }
}

TEST(Compare, ABrokenCellIsARegression) {
  TempDir results;
  const auto base = make_run(results.path(), {1.0, 1.0, 1.0});
  const auto broken = make_run(results.path(), {1.0, 1.0, 1.0}, "incorrect");
  EXPECT_EQ(compare_runs(base, broken, {})["cells"][0]["verdict"], "broken");
  EXPECT_EQ(compare_runs(broken, base, {})["cells"][0]["verdict"], "fixed");
}

}  // namespace fhebench
