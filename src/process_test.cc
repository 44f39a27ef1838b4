#include "process.h"

#include <signal.h>

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench {
namespace {

using test::TempDir;
namespace fs = std::filesystem;

ProcessResult sh(const TempDir& dir, const std::string& script, double timeout = 30) {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  spec.cwd = dir.path();
  spec.timeout_s = timeout;
  spec.stdout_file = dir / "stdout";
  spec.stderr_file = dir / "stderr";
  return run_process(spec);
}

// Running, not a zombie waiting to be reaped.
bool alive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

// A killed process may take a moment to die on a loaded machine; an orphan would live 100 s.
bool alive_after_grace(pid_t pid) {
  for (int i = 0; i < 100 && alive(pid); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return alive(pid);
}

pid_t read_pid(const fs::path& f) {
  pid_t pid = 0;
  std::ifstream(f) >> pid;
  return pid;
}

}  // namespace

TEST(Process, ExitStatusAndOutputFiles) {
  TempDir dir;
  const auto r = sh(dir, "echo hello; echo oops >&2; exit 3");
  EXPECT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(file_tail(dir / "stdout", 100), "hello");
  EXPECT_EQ(file_tail(dir / "stderr", 100), "oops");
}

TEST(Process, KilledBySignal) {
  TempDir dir;
  const auto r = sh(dir, "kill -SEGV $$");
  EXPECT_EQ(r.signal, SIGSEGV);
}

TEST(Process, MissingProgramIsReportedNotCrashed) {
  TempDir dir;
  ProcessSpec spec;
  spec.argv = {"/nonexistent/program"};
  spec.cwd = dir.path();
  const auto r = run_process(spec);
  EXPECT_FALSE(r.started);
  EXPECT_NE(r.error.find("cannot execute /nonexistent/program"), std::string::npos) << r.error;
}

TEST(Process, WorkDirectoryAndEnvironment) {
  TempDir dir;
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", "pwd; echo \"$FHEBENCH_THREADS\""};
  spec.cwd = dir.path();
  spec.env = {{"FHEBENCH_THREADS", "3"}};
  spec.stdout_file = dir / "out";
  run_process(spec);
  EXPECT_EQ(file_tail(dir / "out", 1000), fs::canonical(dir.path()).string() + "\n3");
}

TEST(Process, TimeoutKillsTheWholeTree) {
  TempDir dir;
  const auto r = sh(dir, "sleep 100 & echo $! > child; wait", 0.5);
  EXPECT_TRUE(r.timed_out);
  EXPECT_LT(r.wall_s, 5);
  const pid_t child = read_pid(dir / "child");
  ASSERT_GT(child, 0);
  EXPECT_FALSE(alive_after_grace(child)) << "the background child survived the timeout";
}

TEST(Process, NoOrphanOutlivesAProgramThatExited) {
  TempDir dir;
  // setsid leaves the process group, so only the cgroup or the subreaper finds it.
  const auto r = sh(dir, "setsid sleep 100 & echo $! > child; sleep 0.1; exit 0");
  EXPECT_EQ(r.exit_code, 0);
  const pid_t child = read_pid(dir / "child");
  ASSERT_GT(child, 0);
  EXPECT_FALSE(alive_after_grace(child)) << "a detached grandchild outlived the repetition";
}

TEST(Process, MeasuresCpuTimeAndPeakMemory) {
  TempDir dir;
  // dd reads 100 MiB into one buffer, then spins a little for measurable CPU time.
  const auto r = sh(dir, "dd if=/dev/zero of=/dev/null bs=100M count=1 2>/dev/null; i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_GE(r.peak_memory_bytes, 95u << 20);
  EXPECT_LT(r.peak_memory_bytes, 1u << 30);
  EXPECT_GT(r.user_s + r.sys_s, 0.0);
  EXPECT_GE(r.wall_s, r.user_s * 0.5);
  EXPECT_FALSE(r.memory_method.empty());
}

TEST(Process, MemoryLimitStopsTheProgram) {
  TempDir dir;
  ProcessSpec spec;
  spec.argv = {"dd", "if=/dev/zero", "of=/dev/null", "bs=400M", "count=1"};
  spec.cwd = dir.path();
  spec.memory_limit_bytes = 64u << 20;
  spec.timeout_s = 30;
  const auto r = run_process(spec);
  EXPECT_TRUE(r.exit_code != 0 || r.signal != 0);
  EXPECT_FALSE(r.timed_out);
  if (r.memory_method.rfind("cgroup", 0) == 0) {
    EXPECT_TRUE(r.out_of_memory) << "the cgroup saw the OOM kill";
  }
}

TEST(Process, PinsToTheRequestedCpus) {
  TempDir dir;
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", "grep Cpus_allowed_list /proc/self/status"};
  spec.cwd = dir.path();
  spec.cpus = {0};
  spec.stdout_file = dir / "out";
  run_process(spec);
  EXPECT_NE(file_tail(dir / "out", 200).find("\t0"), std::string::npos) << file_tail(dir / "out", 200);
}

TEST(Process, CpuLists) {
  EXPECT_EQ(parse_cpu_list("0-3,6"), (std::vector<int>{0, 1, 2, 3, 6}));
  EXPECT_EQ(parse_cpu_list("1"), (std::vector<int>{1}));
  for (const char* bad : {"", "a", "3-1", "1,,2", "-1", "1-"}) EXPECT_THROW(parse_cpu_list(bad), std::invalid_argument) << bad;
}

TEST(Process, TailIsPrintableAndBounded) {
  TempDir dir;
  write_file_atomic(dir / "f", std::string(5000, 'a') + "\x01\x1b[31mend\n\n");
  const std::string t = file_tail(dir / "f", 10);
  EXPECT_EQ(t.size(), 8u);
  EXPECT_EQ(t.find('\x1b'), std::string::npos);
  EXPECT_EQ(file_tail(dir / "missing", 10), "");
}

TEST(Process, CaptureOutput) {
  EXPECT_EQ(capture_output({"/bin/echo", "hi"}), "hi");
  EXPECT_FALSE(capture_output({"/bin/false"}));
}

}  // namespace fhebench
