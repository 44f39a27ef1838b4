#include "slurm_client.h"

#include <unistd.h>

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "atomic_file.h"
#include "process.h"

namespace fhebench {
namespace fs = std::filesystem;
namespace {

constexpr double kMarginS = 600;

using Output = CommandOutput;

Output slurm_command(const std::vector<std::string>& argv, double timeout_s = 60) { return run_command(argv, timeout_s); }

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t a = 0;
  while (a < s.size() && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  return s.substr(a);
}

}  // namespace

std::vector<std::string> sbatch_argv(const SbatchRequest& r) {
  std::vector<std::string> argv = {"sbatch", "--parsable", "--job-name=" + r.job_name,
                                   fmt::format("--array=0-{}", r.tasks - 1), fmt::format("--time={}", r.minutes),
                                   fmt::format("--cpus-per-task={}", r.cpus_per_task), "--output=" + r.output.string(),
                                   "--chdir=" + r.chdir.string()};
  if (!r.partition.empty()) argv.push_back("--partition=" + r.partition);
  if (!r.account.empty()) argv.push_back("--account=" + r.account);
  if (r.exclusive) argv.push_back("--exclusive");
  argv.insert(argv.end(), r.extra.begin(), r.extra.end());
  argv.push_back(r.script.string());
  return argv;
}

std::string sbatch(const SbatchRequest& r) {
  const Output o = slurm_command(sbatch_argv(r), 120);
  // --parsable prints "<job id>" or "<job id>;<cluster>".
  const std::string id = trim(o.out.substr(0, o.out.find(';')));
  if (!o.ok || id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
    throw std::runtime_error("sbatch failed: " + trim(o.err.empty() ? o.out : o.err));
  return id;
}

std::vector<TaskState> parse_squeue(const std::string& text) {
  std::vector<TaskState> tasks;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string part; std::getline(fields, part, '|');) f.push_back(trim(part));
    if (f.size() < 2) continue;
    const auto us = f[0].find('_');
    TaskState t;
    try {
      t.task = us == std::string::npos ? 0 : std::stoi(f[0].substr(us + 1));
    } catch (const std::exception&) {
      continue;  // "12_[3-5]": not split into tasks (without -r)
    }
    t.state = f[1];
    if (f.size() > 2) t.node = f[2] == "(null)" ? "" : f[2];
    if (f.size() > 3) t.reason = f[3] == "None" ? "" : f[3];
    tasks.push_back(t);
  }
  return tasks;
}

std::optional<std::vector<TaskState>> job_tasks(const std::string& job) {
  const Output o = slurm_command({"squeue", "-h", "-r", "-t", "all", "-j", job, "-o", "%i|%T|%N|%r"}, 60);
  if (o.ok) return parse_squeue(o.out);
  if (o.err.find("Invalid job id") != std::string::npos) return std::vector<TaskState>{};
  return std::nullopt;
}

bool is_terminal(const std::string& s) {
  for (const char* t : {"COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED",
                        "BOOT_FAIL", "DEADLINE", "SPECIAL_EXIT", "REVOKED"})
    if (s.rfind(t, 0) == 0) return true;  // "CANCELLED by 0" carries a suffix
  return false;
}

bool scancel(const std::string& job) { return slurm_command({"scancel", job}, 60).ok; }

std::string slurm_unreachable() {
  // Slurm's clients retry a missing configuration file for a minute; say so at once.
  if (const char* conf = std::getenv("SLURM_CONF"); conf && *conf && !fs::exists(conf))
    return fmt::format("SLURM_CONF={} does not exist", conf);
  const Output o = slurm_command({"sinfo", "-h", "-o", "%P"}, 30);
  if (o.ok) return "";
  const std::string why = trim(o.err);
  return why.empty() ? "sinfo failed" : why.substr(why.rfind('\n') == std::string::npos ? 0 : why.rfind('\n') + 1);
}

int time_limit_minutes(double timeout_s, int runs_per_cell, size_t cells_per_task) {
  const double seconds = timeout_s * runs_per_cell * static_cast<double>(cells_per_task) + kMarginS;
  return std::max(1, static_cast<int>(std::ceil(seconds / 60)));
}

}  // namespace fhebench
