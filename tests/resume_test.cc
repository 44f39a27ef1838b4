// kill -9 of the harness in the middle of a run, then --resume: a complete run in which
// every repetition appears exactly once.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <thread>

#include "test_util.h"

extern char** environ;

namespace fhebench::test {
namespace {

size_t count_records(const fs::path& run) {
  size_t n = 0;
  if (!fs::exists(run / "cells")) return 0;
  for (const auto& e : fs::recursive_directory_iterator(run / "cells")) {
    const auto f = e.path().filename().string();
    n += f.rfind("rep_", 0) == 0 && f.find(".output") == std::string::npos;
  }
  return n;
}

}  // namespace

TEST(Resume, KillNineThenResumeLosesAndDuplicatesNothing) {
  TempDir results;
  const std::string cache = std::getenv("FHEBENCH_CACHE") ? std::getenv("FHEBENCH_CACHE")
                                                          : (fs::temp_directory_path() / "fhebench-test-cache").string();
  const std::vector<std::string> common = {"--results", results.path().string()};
  // Build first, so the kill lands while repetitions run.
  ASSERT_EQ(run_fhebench({"build", "--tools-dir", std::string(FHEBENCH_TEST_DIR) + "/tools", "--tools", "Misbehave"}).exit_code, 0);

  std::vector<std::string> args = {FHEBENCH_BINARY, "run", "--tools-dir", std::string(FHEBENCH_TEST_DIR) + "/tools",
                                   "--tools", "Misbehave", "--variants", "slow,good", "--size", "patients=1,2",
                                   "--repetitions", "8", "--warmup", "1", "--results", results.path().string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::setenv("FHEBENCH_CACHE", cache.c_str(), 1);
  pid_t pid = 0;
  ASSERT_EQ(::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ), 0);

  // Wait until some, not all, repetitions are stored, then kill -9.
  fs::path run;
  for (int i = 0; i < 600 && (run.empty() || count_records(run) < 5); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (run.empty() && fs::exists(results.path()))
      for (const auto& e : fs::directory_iterator(results.path()))
        if (e.is_directory()) run = e.path();
  }
  ASSERT_FALSE(run.empty());
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  const size_t before = count_records(run);
  ASSERT_GE(before, 5u);
  ASSERT_LT(before, 32u) << "the run finished before the kill; make the program slower";
  EXPECT_EQ(read_json(run / "run.json")["status"], "running");

  const auto r = run_fhebench({"run", "--resume", run.filename().string(), "--results", results.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(read_json(run / "run.json")["status"], "complete");
  EXPECT_EQ(count_records(run), 32u);  // 4 cells x 8 repetitions
  const Json summary = read_json(run / "summary.json");
  for (const auto& c : summary["cells"]) {
    EXPECT_EQ(c["status"], "ok") << c.dump();
    EXPECT_EQ(c["counts"]["ok"], 8);
  }
  std::ifstream csv(run / "Misbehave/misbehave_cardio_slow.csv");
  std::set<std::pair<std::string, std::string>> seen;
  std::string line;
  std::getline(csv, line);
  size_t rows = 0;
  while (std::getline(csv, line)) {
    ++rows;
    std::vector<std::string> f;
    for (size_t a = 0, b; a <= line.size(); a = b + 1) {
      b = line.find(',', a);
      if (b == std::string::npos) b = line.size();
      f.push_back(line.substr(a, b - a));
    }
    EXPECT_TRUE(seen.insert({f[4], f[5]}).second) << "duplicate row " << line;
  }
  EXPECT_EQ(rows, 16u);
  for (const auto& e : fs::recursive_directory_iterator(run / "cells"))
    EXPECT_EQ(e.path().filename().string().rfind("work_", 0), std::string::npos) << e.path();
  (void)common;
}

}  // namespace fhebench::test
