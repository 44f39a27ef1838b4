// Runs one program the way a repetition needs it: no shell, its own cwd and environment,
// optional CPU pinning and memory cap, a timeout that kills the whole process tree, and
// measurements taken from outside (wall, user and system CPU time, peak memory).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fhebench {

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is searched on PATH when it has no '/'
  std::filesystem::path cwd;
  std::map<std::string, std::string> env;  // added to (and overriding) the harness's own
  double timeout_s = 0;                     // 0: none
  std::vector<int> cpus;                    // pin to these CPUs; empty: no pinning
  uint64_t memory_limit_bytes = 0;          // 0: none
  std::filesystem::path stdout_file, stderr_file;  // empty: /dev/null
  uint64_t max_output_bytes = 64u << 20;  // each file beyond this keeps its last 64 KiB only
};

struct ProcessResult {
  bool started = false;       // false: could not be executed (see error)
  std::string error;          // why it did not start
  int exit_code = -1;         // when it exited normally
  int signal = 0;             // when killed by a signal
  bool timed_out = false;
  bool out_of_memory = false;  // the memory cap was hit
  bool left_cgroup = false;    // the program moved itself out of its measurement cgroup
  double wall_s = 0, user_s = 0, sys_s = 0;
  uint64_t peak_memory_bytes = 0;
  uint64_t max_rss_bytes = 0;  // rusage: the largest single process, shared pages included
  std::string memory_method;  // "cgroup-v1", "cgroup-v2" or "rusage" (largest single process)
};

ProcessResult run_process(const ProcessSpec& spec);

// Kills the process tree run_process is waiting for, if any. Async-signal-safe: for the
// harness's SIGINT/SIGTERM handler, so an interrupted run stops at once.
void kill_running_process();

// Runs a helper command (git, cmake, podman, sbatch): `ok` when it exited 0 within the
// timeout; `out` is its stdout with trailing blanks trimmed, `err` the tail of its stderr
// (where such tools say what is wrong) or why it did not run.
struct CommandOutput {
  bool ok = false;
  std::string out, err;
};
CommandOutput run_command(const std::vector<std::string>& argv, double timeout_s = 60);

// run_command's stdout, or nullopt when it failed.
std::optional<std::string> capture_output(const std::vector<std::string>& argv, double timeout_s = 60);

// "0-3,6" -> {0,1,2,3,6}; throws std::invalid_argument on malformed lists.
std::vector<int> parse_cpu_list(const std::string& list);

// The last `max_bytes` of a file, as one trimmed string (empty when missing): valid UTF-8,
// starting on a character boundary, without control characters but newline and tab.
std::string file_tail(const std::filesystem::path& file, size_t max_bytes);

}  // namespace fhebench
