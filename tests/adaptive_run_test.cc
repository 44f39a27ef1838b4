// End to end: adaptive repetitions on the Paced test tool, whose speed the environment sets.
// A quiet cell stops at the target before the maximum, a noisy one runs to the maximum, a
// time budget stops a slow one, each record says why, and a resumed adaptive cell keeps its
// repetitions and continues to its rule.
#include <gtest/gtest.h>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

CommandResult run_paced(const fs::path& results, const std::vector<std::string>& extra, const Env& env) {
  std::vector<std::string> args = {"run", "--tools-dir", std::string(FHEBENCH_TEST_DIR) + "/tools", "--tools", "Paced",
                                   "--warmup", "1", "--results", results.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_fhebench(args, 600, env);
}

const Json& only_cell(const Json& summary) { return summary["cells"].at(0); }

fs::path cell_dir(const fs::path& run) { return run / "cells/Paced/paced_cardio_default/patients=1"; }

// 100 ms: a preempted repetition overshoots its pace by a few ms, well inside the 5% target.
TEST(AdaptiveRun, QuietCellStopsAtTheTargetBeforeTheMaximum) {
  TempDir results;
  const auto r = run_paced(results.path(), {"--min-repetitions", "3", "--max-repetitions", "20", "--target-ci", "5"},
                           {{"FHEBENCH_TEST_PACE_MS", "100"}, {"FHEBENCH_TEST_NOISE_PCT", "0"}});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path run = only_run(results.path());
  const Json cell = only_cell(read_json(run / "summary.json"));
  EXPECT_EQ(cell["stop"], "target-ci");
  EXPECT_EQ(cell["status"], "ok");
  EXPECT_GE(cell["n_used"].get<int>(), 6) << "a 95% interval needs 6 repetitions";
  EXPECT_LT(cell["n_used"].get<int>(), 20);
  EXPECT_EQ(read_json(cell_dir(run) / "stop.json")["stop"], "target-ci");
  EXPECT_NE(r.out.find("(target-ci)"), std::string::npos) << "the summary table says why\n" << r.out;
  EXPECT_NE(r.err.find("adaptive, target ±5%"), std::string::npos) << r.err;
}

TEST(AdaptiveRun, NoisyCellRunsToTheMaximum) {
  TempDir results;
  const auto r = run_paced(results.path(), {"--min-repetitions", "3", "--max-repetitions", "8", "--target-ci", "0.5"},
                           {{"FHEBENCH_TEST_PACE_MS", "20"}, {"FHEBENCH_TEST_NOISE_PCT", "40"}});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const Json cell = only_cell(read_json(only_run(results.path()) / "summary.json"));
  EXPECT_EQ(cell["stop"], "max-repetitions");
  EXPECT_EQ(cell["n_used"], 8);
}

TEST(AdaptiveRun, TimeBudgetStopsASlowCell) {
  TempDir results;
  const auto r = run_paced(results.path(), {"--min-repetitions", "2", "--max-repetitions", "50", "--time-budget", "2s"},
                           {{"FHEBENCH_TEST_PACE_MS", "200"}, {"FHEBENCH_TEST_NOISE_PCT", "30"}});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const Json cell = only_cell(read_json(only_run(results.path()) / "summary.json"));
  EXPECT_EQ(cell["stop"], "time-budget");
  EXPECT_GE(cell["n_used"].get<int>(), 2);
  EXPECT_LE(cell["n_used"].get<int>(), 9) << "2 s hold at most 9 repetitions of 200 ms after the warm-up";
  EXPECT_NE(r.err.find("time budget 2"), std::string::npos) << "the estimate line\n" << r.err;
}

TEST(AdaptiveRun, ResumedCellKeepsItsRepetitionsAndContinuesToItsRule) {
  TempDir results;
  const Env env = {{"FHEBENCH_TEST_PACE_MS", "10"}, {"FHEBENCH_TEST_NOISE_PCT", "40"}};
  ASSERT_EQ(run_paced(results.path(), {"--min-repetitions", "3", "--max-repetitions", "7", "--target-ci", "0.1"}, env).exit_code, 0);
  const fs::path run = only_run(results.path());
  // As if interrupted after 4 repetitions: no stop.json, repetitions 5-7 missing.
  fs::remove(cell_dir(run) / "stop.json");
  for (const char* r : {"rep_005.json", "rep_006.json", "rep_007.json"}) fs::remove(cell_dir(run) / r);
  const std::string first = read_file(cell_dir(run) / "rep_001.json").value_or("");
  Json status = read_json(run / "run.json");
  status["status"] = "interrupted";
  write_file_atomic(run / "run.json", status.dump(1));
  const auto r = run_fhebench({"run", "--resume", run.filename().string(), "--results", results.path().string()}, 600, env);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(read_file(cell_dir(run) / "rep_001.json").value_or(""), first) << "a finished repetition is kept";
  const Json cell = only_cell(read_json(run / "summary.json"));
  EXPECT_EQ(cell["stop"], "max-repetitions");
  EXPECT_EQ(cell["n_used"], 7);
}

TEST(AdaptiveRun, BadValuesAndSlurmAreRefusedWithOneLine) {
  TempDir results;
  for (const std::vector<std::string>& bad : {std::vector<std::string>{"--time-budget", "10x"},
                                              {"--target-ci", "0"},
                                              {"--min-repetitions", "9", "--max-repetitions", "4"},
                                              {"--target-ci", "5", "--executor", "slurm"}}) {
    const auto r = run_paced(results.path(), bad, {});
    EXPECT_EQ(r.exit_code, 2) << bad[0] << "\n" << r.out << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

}  // namespace
}  // namespace fhebench::test
