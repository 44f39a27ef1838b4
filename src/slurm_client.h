// Slurm through its client commands (sbatch, squeue, scancel, sinfo), which find the
// cluster the usual way (SLURM_CONF, /etc/slurm/slurm.conf, configless DNS records).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fhebench {

struct SbatchRequest {
  std::string job_name;
  int tasks = 1;                          // --array=0-(tasks-1)
  int minutes = 60;                       // --time, per array task
  int cpus_per_task = 1;
  std::filesystem::path script, output;   // output: a pattern such as dir/%A_%a.out
  std::filesystem::path chdir;
  std::string partition, account;
  bool exclusive = false;
  std::vector<std::string> extra;         // passed as they are, last, so they can override
};

std::vector<std::string> sbatch_argv(const SbatchRequest& request);

// Submits and returns the job id; throws std::runtime_error with sbatch's message.
std::string sbatch(const SbatchRequest& request);

struct TaskState {
  int task = -1;      // array index
  std::string state;  // PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
  std::string node;   // "" while pending
  std::string reason;
};

// The array tasks of `job` the controller still knows, in every state (squeue -t all).
// Empty when the controller no longer knows the job (finished longer than MinJobAge ago);
// nullopt when the controller cannot be asked.
std::optional<std::vector<TaskState>> job_tasks(const std::string& job);

// Parses `squeue -h -r -o %i|%T|%N|%r` lines.
std::vector<TaskState> parse_squeue(const std::string& text);

// A state a task does not leave (it is over).
bool is_terminal(const std::string& state);

// Cancels every task of the job; false when scancel failed.
bool scancel(const std::string& job);

// "" when a controller answers sinfo, else why not.
std::string slurm_unreachable();

// The --time of a task: every run of each of its cells may take the whole timeout, plus
// a margin for starting and for checking the tool's build. In minutes, at least 1.
int time_limit_minutes(double timeout_s, int runs_per_cell, size_t cells_per_task);

}  // namespace fhebench
