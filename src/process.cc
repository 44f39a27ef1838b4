#include "process.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <functional>
#include <stdexcept>

#include "cgroup.h"
#include "utf8.h"

namespace fhebench {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<pid_t> g_running{0};

double seconds(const timeval& tv) { return tv.tv_sec + tv.tv_usec / 1e6; }

std::vector<std::string> child_environment(const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    const auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : extra) env[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : env) out.push_back(k + "=" + v);
  return out;
}

// O_APPEND: once the harness cuts a file that grew too large, the program's next write
// lands at the new end instead of leaving a hole as large as what was cut.
int open_or_null(const std::filesystem::path& p) {
  return p.empty() ? ::open("/dev/null", O_WRONLY | O_CLOEXEC)
                   : ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
}

constexpr size_t kKeptWhenCut = 64u << 10;

// A captured stdout/stderr larger than `max` keeps only its last bytes after a marker, so a
// program that prints without end fills neither the disk nor the record.
void cap_file(const std::filesystem::path& p, uint64_t max) {
  if (p.empty() || max == 0) return;
  const int fd = ::open(p.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st{};
  if (::fstat(fd, &st) == 0 && static_cast<uint64_t>(st.st_size) > max) {
    std::string tail(kKeptWhenCut, '\0');
    const ssize_t n = ::pread(fd, tail.data(), tail.size(), st.st_size - static_cast<off_t>(tail.size()));
    tail.resize(n > 0 ? static_cast<size_t>(n) : 0);
    const std::string marker = "[fhebench: output over " + std::to_string(max >> 20) + " MiB, earlier bytes dropped]\n";
    if (::ftruncate(fd, 0) == 0) {
      (void)!::pwrite(fd, marker.data(), marker.size(), 0);
      (void)!::pwrite(fd, tail.data(), tail.size(), static_cast<off_t>(marker.size()));
    }
  }
  ::close(fd);
}

// In the child, between fork and exec: only async-signal-safe calls. Reports errno through
// `err_fd` (close-on-exec, so a successful exec closes it with nothing written).
[[noreturn]] void exec_child(const ProcessSpec& spec, char* const* argv, char* const* envp,
                             const char* cgroup_procs, int out_fd, int err_fd_log, int report_fd, pid_t harness) {
  auto die = [&](int stage) {
    int msg[2] = {stage, errno};
    (void)!::write(report_fd, msg, sizeof msg);
    _exit(127);
  };
  // The program dies with the harness, even of kill -9 (its descendants: the next sweep).
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != harness) _exit(127);  // the harness died before the line above
  ::setpgid(0, 0);
  if (cgroup_procs) {
    int fd = ::open(cgroup_procs, O_WRONLY);
    if (fd < 0 || ::write(fd, "0", 1) != 1) die(1);
    ::close(fd);
  }
  if (::chdir(spec.cwd.c_str()) != 0) die(2);
  if (!spec.cpus.empty()) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int c : spec.cpus) CPU_SET(c, &set);
    if (::sched_setaffinity(0, sizeof set, &set) != 0) die(3);
  }
  if (spec.memory_limit_bytes && !cgroup_procs) {
    rlimit lim{spec.memory_limit_bytes, spec.memory_limit_bytes};
    ::setrlimit(RLIMIT_AS, &lim);
  }
  int devnull = ::open("/dev/null", O_RDONLY);
  ::dup2(devnull, 0);
  ::dup2(out_fd, 1);
  ::dup2(err_fd_log, 2);
  ::signal(SIGPIPE, SIG_DFL);
  ::execvpe(argv[0], argv, envp);
  die(4);
  _exit(127);  // not reached: die exits
}

const char* stage_text(int stage) {
  switch (stage) {
    case 1: return "cannot join the measurement cgroup";
    case 2: return "cannot enter the work directory";
    case 3: return "cannot pin to the requested CPUs";
    default: return "cannot execute";
  }
}

// Waits for `pid` up to `deadline`, calling `tick` about every 250 ms meanwhile; true when it
// exited (then it is still to be reaped).
bool wait_exit(pid_t pid, std::optional<Clock::time_point> deadline, const std::function<void()>& tick) {
  constexpr int kTickMs = 250;
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    pollfd pfd{pidfd, POLLIN, 0};
    int r;
    for (;;) {
      int ms = kTickMs;
      if (deadline) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
        ms = static_cast<int>(std::min<long long>(kTickMs, std::max<long long>(0, left) + 1));
      }
      r = ::poll(&pfd, 1, ms);
      if (r < 0 && errno == EINTR) continue;
      if (r != 0 || (deadline && Clock::now() >= *deadline)) break;
      tick();
    }
    ::close(pidfd);
    return r > 0;
  }
  // No pidfd (old kernel): poll with a short sleep.
  for (auto next_tick = Clock::now();;) {
    siginfo_t info{};
    if (::waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) return true;
    if (deadline && Clock::now() >= *deadline) return false;
    if (Clock::now() >= next_tick) {
      tick();
      next_tick = Clock::now() + std::chrono::milliseconds(kTickMs);
    }
    ::usleep(500);
  }
}

// Reaps orphans re-parented to us (we are a child subreaper) so that none stays a zombie.
void reap_orphans() {
  while (::waitpid(-1, nullptr, WNOHANG) > 0) {
  }
}

// The processes of group `pgid` (the program and what it started without setsid). readdir,
// not std::filesystem: this runs at least once per repetition, and building a path per /proc
// entry was most of the harness's own instructions (callgrind, bench/harness_overhead).
std::vector<pid_t> group_members(pid_t pgid) {
  std::vector<pid_t> pids;
  DIR* proc = ::opendir("/proc");
  if (!proc) return pids;
  while (const dirent* e = ::readdir(proc)) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;  // not a process
    const pid_t p = std::atoi(e->d_name);
    if (p > 0 && ::getpgid(p) == pgid) pids.push_back(p);
  }
  ::closedir(proc);
  return pids;
}

// A zombie, or a process already tearing itself down (PF_EXITING): the kernel moves such a
// process to the root cgroup before it becomes a zombie, and a program that frees gigabytes
// stays in that state long enough to be seen (HElib did).
bool exiting(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  const auto close = line.rfind(')');
  if (close == std::string::npos || close + 2 >= line.size()) return true;  // gone
  std::istringstream fields(line.substr(close + 2));
  std::string state, skip;
  unsigned long flags = 0;
  fields >> state >> skip >> skip >> skip >> skip >> skip >> flags;  // state ppid pgrp session tty tpgid flags
  constexpr unsigned long kPfExiting = 0x4;
  return state == "Z" || state == "X" || (flags & kPfExiting);
}

// True when the program, or a process of its group, moved itself out of its cgroup: its
// memory was not measured and the cgroup's kill would miss it. Zombies are skipped (the
// kernel shows them in the root cgroup), and so are processes on their way out.
bool left_cgroup(pid_t pid, const MemoryCgroup& cg) {
  std::vector<pid_t> pids = group_members(pid);
  pids.push_back(pid);
  for (pid_t p : pids)
    if (cg.holds(p) == false && !exiting(p)) return true;
  return false;
}

void become_subreaper() {
  static std::atomic<bool> done{false};
  if (!done.exchange(true)) ::prctl(PR_SET_CHILD_SUBREAPER, 1);
}

}  // namespace

ProcessResult run_process(const ProcessSpec& spec) {
  ProcessResult res;
  if (spec.argv.empty()) {
    res.error = "empty command";
    return res;
  }
  become_subreaper();
  static std::atomic<int> counter{0};
  std::string cg_why;
  auto cgroup = MemoryCgroup::create("fhebench-" + std::to_string(::getpid()) + "-" + std::to_string(counter++), &cg_why);
  if (cgroup && spec.memory_limit_bytes) cgroup->set_limit(spec.memory_limit_bytes);

  std::vector<std::string> env_strings = child_environment(spec.env);
  std::vector<char*> argv, envp;
  for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  int out_fd = open_or_null(spec.stdout_file), err_fd = open_or_null(spec.stderr_file);
  int report[2];
  if (out_fd < 0 || err_fd < 0 || ::pipe2(report, O_CLOEXEC) != 0) {
    res.error = std::string("cannot set up output files: ") + std::strerror(errno);
    return res;
  }
  const auto start = Clock::now();
  const pid_t harness = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0)
    exec_child(spec, argv.data(), envp.data(), cgroup ? cgroup->procs_file().c_str() : nullptr, out_fd, err_fd, report[1], harness);
  ::close(report[1]);
  ::close(out_fd);
  ::close(err_fd);
  if (pid < 0) {
    ::close(report[0]);
    res.error = std::string("fork failed: ") + std::strerror(errno);
    return res;
  }
  int msg[2] = {0, 0};
  const bool exec_failed = ::read(report[0], msg, sizeof msg) == sizeof msg;
  ::close(report[0]);
  g_running = pid;

  std::optional<Clock::time_point> deadline;
  if (spec.timeout_s > 0) deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(spec.timeout_s));
  const auto watch = [&] {
    cap_file(spec.stdout_file, spec.max_output_bytes);
    cap_file(spec.stderr_file, spec.max_output_bytes);
    if (cgroup && !res.left_cgroup) res.left_cgroup = left_cgroup(pid, *cgroup);
  };
  if (!exec_failed && !wait_exit(pid, deadline, watch)) {
    res.timed_out = true;
    ::kill(-pid, SIGKILL);
    if (cgroup) cgroup->kill_all();
  }
  // Once more while its group still holds what it started (the program itself is a zombie).
  if (!exec_failed) watch();
  int status = 0;
  rusage ru{};
  while (::wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
  }
  res.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  g_running = 0;
  // Whatever the program left running in its group or cgroup does not outlive it.
  ::kill(-pid, SIGKILL);
  if (cgroup) cgroup->kill_all();
  reap_orphans();
  cap_file(spec.stdout_file, spec.max_output_bytes);
  cap_file(spec.stderr_file, spec.max_output_bytes);

  if (exec_failed) {
    res.error = std::string(stage_text(msg[0])) + " " + spec.argv[0] + ": " + std::strerror(msg[1]);
    return res;
  }
  res.started = true;
  res.user_s = seconds(ru.ru_utime);
  res.sys_s = seconds(ru.ru_stime);
  if (WIFEXITED(status)) res.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) res.signal = WTERMSIG(status);
  std::optional<uint64_t> peak = cgroup ? cgroup->peak_bytes() : std::nullopt;
  res.memory_method = peak ? cgroup->method() : "rusage";
  res.peak_memory_bytes = peak ? *peak : static_cast<uint64_t>(ru.ru_maxrss) * 1024;
  res.max_rss_bytes = static_cast<uint64_t>(ru.ru_maxrss) * 1024;
  res.out_of_memory = cgroup && cgroup->oom_killed();
  return res;
}

void kill_running_process() {
  if (const pid_t pid = g_running.load(); pid > 0) ::kill(-pid, SIGKILL);
}

CommandOutput run_command(const std::vector<std::string>& argv, double timeout_s) {
  static std::atomic<int> counter{0};
  const auto base = std::filesystem::temp_directory_path() /
                    ("fhebench-cmd-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  ProcessSpec spec;
  spec.argv = argv;
  spec.cwd = std::filesystem::temp_directory_path();
  spec.stdout_file = base.string() + ".out";
  spec.stderr_file = base.string() + ".err";
  spec.timeout_s = timeout_s;
  const auto r = run_process(spec);
  CommandOutput o;
  o.ok = r.started && !r.timed_out && r.exit_code == 0;
  std::ifstream f(spec.stdout_file);
  o.out.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  while (!o.out.empty() && (o.out.back() == '\n' || o.out.back() == ' ')) o.out.pop_back();
  o.err = r.started ? file_tail(spec.stderr_file, 1000) : r.error;
  if (r.timed_out) o.err = argv[0] + " gave no answer within " + std::to_string(static_cast<int>(timeout_s)) + " s";
  std::filesystem::remove(spec.stdout_file);
  std::filesystem::remove(spec.stderr_file);
  return o;
}

std::optional<std::string> capture_output(const std::vector<std::string>& argv, double timeout_s) {
  CommandOutput o = run_command(argv, timeout_s);
  if (!o.ok) return std::nullopt;
  return std::move(o.out);
}

std::vector<int> parse_cpu_list(const std::string& list) {
  std::vector<int> cpus;
  size_t pos = 0;
  while (pos < list.size()) {
    size_t end = list.find(',', pos);
    if (end == std::string::npos) end = list.size();
    const std::string part = list.substr(pos, end - pos);
    const auto dash = part.find('-');
    try {
      size_t used = 0;
      const int lo = std::stoi(part.substr(0, dash), &used);
      if (used != (dash == std::string::npos ? part.size() : dash) || lo < 0) throw std::invalid_argument("");
      int hi = lo;
      if (dash != std::string::npos) {
        hi = std::stoi(part.substr(dash + 1), &used);
        if (used != part.size() - dash - 1 || hi < lo) throw std::invalid_argument("");
      }
      for (int c = lo; c <= hi; ++c) cpus.push_back(c);
    } catch (const std::exception&) {
      throw std::invalid_argument("'" + list + "' is not a CPU list such as 0-3,6");
    }
    pos = end + 1;
  }
  if (cpus.empty()) throw std::invalid_argument("the CPU list is empty");
  return cpus;
}

std::string file_tail(const std::filesystem::path& file, size_t max_bytes) {
  std::ifstream f(file, std::ios::binary | std::ios::ate);
  if (!f) return "";
  const auto size = static_cast<size_t>(f.tellg());
  const size_t n = std::min(size, max_bytes);
  f.seekg(static_cast<std::streamoff>(size - n));
  std::string s(n, '\0');
  f.read(s.data(), static_cast<std::streamsize>(n));
  // A program's bytes go into JSON, CSV, reports and terminals: valid UTF-8 cut on a
  // character boundary, no control characters (printable() never lengthens valid text).
  s = printable(utf8_tail(s, max_bytes));
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace fhebench
