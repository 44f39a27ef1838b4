// fhebench history on real runs of the Paced test tool (tests/tools/Paced), whose compute
// phase takes FHEBENCH_TEST_PACE_MS: a 30% slowdown is flagged, 1% noise is not, and runs of
// different machines are never mixed unless asked.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <sqlite3.h>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

void paced_run(const fs::path& results, int pace_ms, int noise_pct) {
  const auto r = run_fhebench({"run", "--tools-dir", std::string(FHEBENCH_TEST_DIR) + "/tools", "--tools", "Paced",
                               "--benchmarks", "cardio", "--repetitions", "5", "--warmup", "1", "--results", results.string()},
                              600, {{"FHEBENCH_TEST_PACE_MS", std::to_string(pace_ms)}, {"FHEBENCH_TEST_NOISE_PCT", std::to_string(noise_pct)}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

Json history_json(const fs::path& results, const std::vector<std::string>& more = {}) {
  std::vector<std::string> args = {"history", "--results", results.string(), "--tools", "Paced", "--json"};
  args.insert(args.end(), more.begin(), more.end());
  const auto r = run_fhebench(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return Json::parse(r.out, nullptr, false);
}

class PacedHistory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    paced_run(results(), 100, 1);
    paced_run(results(), 101, 1);  // 1% slower and 1% noise: not a step
    paced_run(results(), 130, 1);  // 30% slower: a regression
  }
  static void TearDownTestSuite() { delete tmp_; }
  static fs::path results() { return *tmp_ / "results"; }
  static TempDir* tmp_;
};
TempDir* PacedHistory::tmp_ = nullptr;

TEST_F(PacedHistory, ThirtyPercentSlowdownIsFlaggedOnePercentIsNot) {
  const Json h = history_json(results());
  ASSERT_EQ(h.size(), 1u) << h.dump();
  const Json& s = h[0];
  ASSERT_EQ(s["points"].size(), 3u);
  for (const auto& pt : s["points"]) {  // the summary's interval of the median reaches the index
    ASSERT_TRUE(pt["ci_low_s"].is_number() && pt["ci_high_s"].is_number()) << pt.dump();
    EXPECT_LE(pt["ci_low_s"].get<double>(), pt["ci_high_s"].get<double>());
  }
  ASSERT_EQ(s["steps"].size(), 1u) << s.dump(1);
  EXPECT_EQ(s["steps"][0]["before"], 1);
  EXPECT_EQ(s["steps"][0]["after"], 2);
  EXPECT_EQ(s["steps"][0]["kind"], "regression");
  // 1.3 on a quiet machine; a loaded one stretches the paced runs by some percent (a repetition
  // preempted at its deadline ends late), so only the direction and rough size are fixed.
  EXPECT_GT(s["steps"][0]["ratio"].get<double>(), 1.2);
  EXPECT_LT(s["steps"][0]["ratio"].get<double>(), 1.6);

  const auto text = run_fhebench({"history", "--results", results().string()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("machine " + s["machine"].get<std::string>() + ": "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Paced cardio/default patients="), std::string::npos) << text.out;
  const std::string marker = "▲ step: +";
  const auto step = text.out.find(marker);
  ASSERT_NE(step, std::string::npos) << text.out;
  EXPECT_NE(text.out.find("slower (regression", step), std::string::npos);
  EXPECT_NE(text.out.find(s["points"][1]["run"].get<std::string>(), step), std::string::npos) << "names the run before the step";
  EXPECT_EQ(text.out.find("step:", step + marker.size()), std::string::npos) << "one step only:\n" << text.out;

  const Json last2 = history_json(results(), {"--last", "2"});
  EXPECT_EQ(last2[0]["points"].size(), 2u);
  EXPECT_EQ(last2[0]["steps"].size(), 1u);
  EXPECT_EQ(run_fhebench({"history", "--results", results().string(), "--tools", "NoSuchTool"}).exit_code, 2);
  EXPECT_EQ(run_fhebench({"history", "--results", results().string(), "--fail-on-regression"}).exit_code, 1)
      << "the newest run is the regression";
  EXPECT_EQ(run_fhebench({"history", "--results", results().string(), "--fail-on-regression", "--min-change", "0.5"}).exit_code, 0)
      << "a 30% step is below a 50% threshold";
}

// Another machine's run (run.json edited), an index rebuilt from the run folders, and an index
// of the first schema upgraded in place: all give the same runs, never mixing the machines.
TEST_F(PacedHistory, MachinesAreKeptApartAndTheIndexRebuilds) {
  TempDir copy;
  const fs::path r = copy / "results";
  fs::copy(results(), r, fs::copy_options::recursive);
  fs::path first;
  for (const auto& e : fs::directory_iterator(r))
    if (fs::is_directory(e.path()) && (first.empty() || e.path() < first)) first = e.path();
  Json run = read_json(first / "run.json");
  run["machine"]["cpu_model"] = "Another CPU";
  write_file_atomic(first / "run.json", run.dump());
  fs::remove(r / "index.sqlite");  // rebuilt from the folders by history
  const Json h = history_json(r);
  ASSERT_EQ(h.size(), 2u) << "one series per machine";
  EXPECT_NE(h[0]["machine"], h[1]["machine"]);
  EXPECT_EQ(h[0]["points"].size() + h[1]["points"].size(), 3u);
  const Json all = history_json(r, {"--machine", "all"});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["machine_label"], "all machines");
  EXPECT_EQ(all[0]["points"].size(), 3u);
  const Json one = history_json(r, {"--machine", h[0]["machine"].get<std::string>()});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0]["machine"], h[0]["machine"]);
}

TEST_F(PacedHistory, AnIndexOfTheFirstSchemaIsUpgradedInPlace) {
  TempDir copy;
  const fs::path r = copy / "results";
  fs::copy(results(), r, fs::copy_options::recursive);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((r / "index.sqlite").c_str(), &db), SQLITE_OK);
  // Back to version 1: the added columns emptied, user_version 0 (what fhebench before history wrote).
  for (const char* sql : {"UPDATE runs SET machine_fingerprint = NULL, machine_label = NULL", "UPDATE cells SET versions = NULL",
                          "PRAGMA user_version = 0"})
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  sqlite3_close(db);
  for (const auto& e : fs::directory_iterator(r))
    if (fs::is_directory(e.path())) fs::remove_all(e.path());  // only the index is left: no run may be lost
  const Json h = history_json(r);
  ASSERT_EQ(h.size(), 1u) << h.dump();
  EXPECT_EQ(h[0]["points"].size(), 3u);
  EXPECT_EQ(h[0]["steps"].size(), 1u);
  EXPECT_EQ(h[0]["machine"], history_json(results())[0]["machine"]);
}

}  // namespace
}  // namespace fhebench::test
