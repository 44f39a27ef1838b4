// Programs that hang, crash, exceed memory, print garbage or lie: each ends as a recorded,
// explained cell while the rest of the run completes.
#include <signal.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

bool running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto close = line.rfind(')');
  return close + 2 < line.size() && line[close + 2] != 'Z';
}

struct Expect {
  std::string status, reason;
};

// Runs the Misbehave tool's `variants` into `results` and returns the run folder.
fs::path run_misbehave(const TempDir& results, const TempDir& pids, const std::string& variants, const std::string& timeout) {
  const auto r = run_fhebench({"run", "--tools-dir", std::string(FHEBENCH_TEST_DIR) + "/tools", "--tools", "Misbehave",
                               "--variants", variants, "--repetitions", "2", "--warmup", "0", "--timeout", timeout,
                               "--memory-limit", "200", "--threads", "3", "--results", results.path().string()},
                              900, {{"MISBEHAVE_PID_DIR", pids.path().string()}});
  EXPECT_EQ(r.exit_code, 1) << "some cells failed: exit 1\n" << r.out << r.err;
  const fs::path run = only_run(results.path());
  EXPECT_EQ(read_json(run / "run.json")["status"], "complete");
  return run;
}

}  // namespace

TEST(Misbehave, EveryFailureIsRecordedAndTheRunCompletes) {
  TempDir results, oom_results, pids;
  // The 2 s timeout is what `hang` tests; `oom` runs apart with a timeout no machine load
  // reaches, so that only the memory limit can end it (under load it became `timeout`).
  const fs::path run = run_misbehave(results, pids,
                                     "good,slow,orphan,hang,crash,garbage,wrong,truncated,unsupported,exit-status,"
                                     "no-output,negative-time,missing-phase,wrong-length,not-executable", "2");
  const fs::path oom_run = run_misbehave(oom_results, pids, "oom", "600");

  const std::map<std::string, Expect> expected = {
      {"good", {"ok", ""}},
      {"slow", {"ok", ""}},
      {"orphan", {"ok", ""}},
      {"hang", {"timeout", "killed after the 2 s timeout"}},
      {"crash", {"error", "killed by signal 11 (SEGV)"}},
      {"oom", {"error", "exceeded the memory limit of 200 MiB"}},
      {"garbage", {"error", "output.json is not valid JSON"}},
      {"wrong", {"incorrect", "risk[0] ="}},
      {"truncated", {"error", "output.json is not valid JSON"}},
      {"unsupported", {"unsupported", "needs at least 2 patients"}},
      {"exit-status", {"error", "exited with status 3"}},
      {"no-output", {"error", "wrote no output.json"}},
      {"negative-time", {"error", "invalid time"}},
      {"missing-phase", {"error", "phase 'encrypt' is missing"}},
      {"wrong-length", {"error", "output 'risk' has 2 values, expected 1"}},
      {"not-executable", {"error", "cannot execute"}},
  };
  Json cells = read_json(run / "summary.json")["cells"];
  const Json oom_summary = read_json(oom_run / "summary.json");
  for (const auto& c : oom_summary["cells"]) cells.push_back(c);
  ASSERT_EQ(cells.size(), expected.size());
  for (const auto& c : cells) {
    const auto& want = expected.at(c["variant"].get<std::string>());
    EXPECT_EQ(c["status"], want.status) << c["variant"] << ": " << c["reason"];
    EXPECT_NE(c["reason"].get<std::string>().find(want.reason), std::string::npos) << c["variant"] << ": " << c["reason"];
    EXPECT_EQ(c["counts"][want.status], 2) << c["variant"] << " has both repetitions recorded";
  }
  // The hanging program's second repetition is not run again after a timeout.
  const Json hang2 = read_json(run / "cells/Misbehave/misbehave_cardio_hang/patients=1/rep_002.json");
  EXPECT_NE(hang2["reason"].get<std::string>().find("not run: rep_001 was timeout"), std::string::npos);
  const Json exit3 = read_json(run / "cells/Misbehave/misbehave_cardio_exit-status/patients=1/rep_001.json");
  EXPECT_NE(exit3["stderr_tail"].get<std::string>().find("parameter set rejected"), std::string::npos);
  const Json good = read_json(run / "cells/Misbehave/misbehave_cardio_good/patients=1/rep_001.output.json");
  EXPECT_EQ(good["fhe"]["threads"], 3);
  EXPECT_EQ(good["fhe"]["omp_threads"], "3");
  EXPECT_NE(read_json(run / "cells/Misbehave/misbehave_cardio_garbage/patients=1/rep_001.json")["stdout_tail"]
                .get<std::string>().find("garbage on stdout"), std::string::npos);

  // Nothing the programs started is left running.
  int children = 0;
  for (const auto& e : fs::directory_iterator(pids.path())) {
    ++children;
    EXPECT_FALSE(running(std::stoi(e.path().filename().string()))) << "process " << e.path().filename() << " survived";
  }
  EXPECT_GE(children, 3) << "the hang and orphan programs each left a child to check";
  EXPECT_NE(read_file(run / "summary.md").value_or("").find("INCORRECT"), std::string::npos);
}

}  // namespace fhebench::test
