#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "cgroup.h"

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

int open_or_null(const std::filesystem::path& p) {
  return p.empty() ? ::open("/dev/null", O_WRONLY | O_CLOEXEC)
                   : ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
}

// In the child, between fork and exec: only async-signal-safe calls. Reports errno through
// `err_fd` (close-on-exec, so a successful exec closes it with nothing written).
[[noreturn]] void exec_child(const ProcessSpec& spec, char* const* argv, char* const* envp,
                             const char* cgroup_procs, int out_fd, int err_fd_log, int report_fd) {
  auto die = [&](int stage) {
    int msg[2] = {stage, errno};
    (void)!::write(report_fd, msg, sizeof msg);
    _exit(127);
  };
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

// Waits for `pid` up to `deadline`; true when it exited (then it is still to be reaped).
bool wait_exit(pid_t pid, std::optional<Clock::time_point> deadline) {
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    pollfd pfd{pidfd, POLLIN, 0};
    int r;
    do {
      int ms = -1;
      if (deadline) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
        ms = static_cast<int>(std::max<long long>(0, left) + 1);
      }
      r = ::poll(&pfd, 1, ms);
    } while (r < 0 && errno == EINTR);
    ::close(pidfd);
    return r > 0;
  }
  // No pidfd (old kernel): poll with a short sleep.
  for (;;) {
    siginfo_t info{};
    if (::waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) return true;
    if (deadline && Clock::now() >= *deadline) return false;
    ::usleep(500);
  }
}

// Reaps orphans re-parented to us (we are a child subreaper) so that none stays a zombie.
void reap_orphans() {
  while (::waitpid(-1, nullptr, WNOHANG) > 0) {
  }
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
  const pid_t pid = ::fork();
  if (pid == 0)
    exec_child(spec, argv.data(), envp.data(), cgroup ? cgroup->procs_file().c_str() : nullptr, out_fd, err_fd, report[1]);
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
  if (!exec_failed && !wait_exit(pid, deadline)) {
    res.timed_out = true;
    ::kill(-pid, SIGKILL);
    if (cgroup) cgroup->kill_all();
  }
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
  // Keep it printable: replace control bytes other than newline and tab.
  for (char& c : s)
    if ((static_cast<unsigned char>(c) < 32 && c != '\n' && c != '\t') || c == 127) c = '?';
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace fhebench
