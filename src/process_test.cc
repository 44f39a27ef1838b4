#include "process.h"

#include <signal.h>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
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

// The process whose pid the script wrote into `pid_file` is gone once the grace period is over.
void expect_gone(const fs::path& pid_file, const char* what) {
  const pid_t child = read_pid(pid_file);
  ASSERT_GT(child, 0);
  EXPECT_FALSE(alive_after_grace(child)) << what;
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
  expect_gone(dir / "child", "the background child survived the timeout");
}

TEST(Process, NoOrphanOutlivesAProgramThatExited) {
  TempDir dir;
  // setsid leaves the process group, so only the cgroup or the subreaper finds it.
  const auto r = sh(dir, "setsid sleep 100 & echo $! > child; sleep 0.1; exit 0");
  EXPECT_EQ(r.exit_code, 0);
  expect_gone(dir / "child", "a detached grandchild outlived the repetition");
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

TEST(Process, TailIsValidUtf8) {
  TempDir dir;
  const auto r = sh(dir, "printf 'Param\\350tres: 128 bits de s\\351curit\\351' >&2");
  ASSERT_EQ(r.exit_code, 0);
  const std::string latin1 = file_tail(dir / "stderr", 2000);
  EXPECT_EQ(latin1, "Param\xEF\xBF\xBDtres: 128 bits de s\xEF\xBF\xBD" "curit\xEF\xBF\xBD");
  std::string text = "x";
  for (int i = 0; i < 1500; ++i) text += "\xC3\xA9";
  write_file_atomic(dir / "long", text + "\n");  // 3002 bytes: the 2000-byte cut lands inside an "é"
  const std::string tail = file_tail(dir / "long", 2000);
  EXPECT_LE(tail.size(), 2000u);
  EXPECT_EQ(tail.substr(0, 2), "\xC3\xA9");
  EXPECT_NO_THROW((void)nlohmann::json({{"stderr_tail", latin1}, {"t", tail}}).dump());
}

// The measurement cgroup this process makes for a program, and the one it is in itself.
std::optional<fs::path> own_memory_cgroup() {
  std::ifstream f("/proc/self/cgroup");
  for (std::string line; std::getline(f, line);) {
    const auto a = line.find(':'), b = line.find(':', a + 1);
    if (line.substr(a + 1, b - a - 1) == "memory") return fs::path("/sys/fs/cgroup/memory") / line.substr(b + 2);
  }
  return std::nullopt;
}

TEST(Process, AProgramThatLeavesItsCgroupIsCaught) {
  const auto own = own_memory_cgroup();
  if (!own || ::access((*own / "cgroup.procs").c_str(), W_OK) != 0) GTEST_SKIP() << "no writable cgroup-v1 memory controller";
  TempDir dir;
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", "echo $$ > \"$ESCAPE_TO\"; sleep 1"};
  spec.env = {{"ESCAPE_TO", (*own / "cgroup.procs").string()}};
  spec.cwd = dir.path();
  spec.timeout_s = 30;
  const auto r = run_process(spec);
  ASSERT_TRUE(r.started) << r.error;
  if (r.memory_method.rfind("cgroup", 0) != 0) GTEST_SKIP() << "programs run without a cgroup here";
  EXPECT_TRUE(r.left_cgroup);
  EXPECT_FALSE(sh(dir, "sleep 0.1").left_cgroup);
}

TEST(Process, TheProgramDiesWithTheHarness) {
  TempDir dir;
  const pid_t harness = ::fork();
  if (harness == 0) {  // a harness that is killed with kill -9 mid-repetition
    sh(dir, "echo $$ > pid.tmp && mv pid.tmp pid; exec sleep 100", 200);
    _exit(0);
  }
  pid_t program = 0;
  for (int i = 0; i < 500 && !program; ++i) {
    std::ifstream f(dir / "pid");
    if (!(f >> program)) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_GT(program, 0);
  ::kill(harness, SIGKILL);
  ::waitpid(harness, nullptr, 0);
  EXPECT_FALSE(alive_after_grace(program));
  ::waitpid(program, nullptr, WNOHANG);  // re-parented to this (sub-reaper) test process
}

TEST(Process, EndlessOutputIsCapped) {
  TempDir dir;
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", "yes 0123456789 | head -c 100000000; echo; echo THE-END"};
  spec.cwd = dir.path();
  spec.timeout_s = 120;
  spec.stdout_file = dir / "stdout";
  spec.max_output_bytes = 4u << 20;
  const auto r = run_process(spec);
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_LT(fs::file_size(dir / "stdout"), 1u << 20);
  const std::string tail = file_tail(dir / "stdout", 200);
  EXPECT_EQ(tail.substr(tail.size() - 7), "THE-END");
}

TEST(Process, CaptureOutput) {
  EXPECT_EQ(capture_output({"/bin/echo", "hi"}), "hi");
  EXPECT_FALSE(capture_output({"/bin/false"}));
}

}  // namespace fhebench
