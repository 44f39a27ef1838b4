#include "cgroup.h"

#include "atomic_file.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <utility>
#include <sstream>
#include <string_view>
#include <thread>

namespace fhebench {
namespace fs = std::filesystem;
namespace {

bool write_file(const fs::path& p, const std::string& value) {
  std::ofstream f(p);
  f << value;
  f.flush();
  return static_cast<bool>(f);
}

// The cgroup process `proc` ("self" or a pid) is in for `controller` ("" for the v2
// unified line "0::").
std::optional<std::string> own_cgroup(const std::string& controller, const std::string& proc = "self") {
  const auto text = read_file("/proc/" + proc + "/cgroup");
  if (!text) return std::nullopt;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const auto a = line.find(':'), b = line.find(':', a + 1);
    if (a == std::string_view::npos || b == std::string_view::npos) continue;
    const std::string_view list = line.substr(a + 1, b - a - 1);
    if (controller.empty() && list.empty()) return std::string(line.substr(b + 1));
    for (std::string_view l = list; !l.empty();) {  // the comma-separated controllers
      const auto comma = l.find(',');
      if (!controller.empty() && l.substr(0, comma) == controller) return std::string(line.substr(b + 1));
      l = comma == std::string_view::npos ? std::string_view() : l.substr(comma + 1);
    }
  }
  return std::nullopt;
}

// Cgroups left by a harness that was killed (named fhebench-<pid>-<n>, pid gone): their
// processes are killed and the folders removed, so nothing accumulates.
void remove_stale(const fs::path& base) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(base, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("fhebench-", 0) != 0) continue;
    const pid_t owner = std::atoi(name.c_str() + 9);
    if (owner <= 0 || owner == ::getpid() || ::kill(owner, 0) == 0 || errno != ESRCH) continue;
    std::ifstream procs(e.path() / "cgroup.procs");
    for (pid_t p; procs >> p;) ::kill(p, SIGKILL);
    fs::remove(e.path(), ec);
  }
}

}  // namespace

MemoryCgroup::MemoryCgroup(fs::path dir, bool v2, std::string path)
    : dir_(std::move(dir)), path_(std::move(path)), v2_(v2), procs_file_((dir_ / "cgroup.procs").string()) {}

std::unique_ptr<MemoryCgroup> MemoryCgroup::create(const std::string& name, std::string* why) {
  struct Candidate {
    fs::path base;
    bool v2;
    std::string own;
  };
  std::vector<Candidate> candidates;
  if (auto own = own_cgroup("memory")) candidates.push_back({fs::path("/sys/fs/cgroup/memory") / own->substr(1), false, *own});
  if (auto own = own_cgroup("")) {
    for (const char* root : {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"}) {
      const fs::path base = fs::path(root) / own->substr(1);
      auto controllers = read_file(base / "cgroup.controllers");
      if (controllers && controllers->find("memory") != std::string::npos) candidates.push_back({base, true, *own});
    }
  }
  std::string reason = "no memory cgroup controller is mounted";
  for (const auto& [base, v2, own] : candidates) {
    std::error_code ec;
    static bool swept = false;  // once per process: it lists the folder
    if (!std::exchange(swept, true)) remove_stale(base);
    const fs::path dir = base / name;
    fs::create_directory(dir, ec);
    if (ec) {
      reason = "cannot create " + dir.string() + ": " + ec.message();
      continue;
    }
    if (!fs::exists(dir / (v2 ? "memory.peak" : "memory.max_usage_in_bytes"))) {
      fs::remove(dir, ec);
      reason = dir.string() + " has no peak-memory file";
      continue;
    }
    const std::string path = (own == "/" ? "" : own) + "/" + name;
    return std::unique_ptr<MemoryCgroup>(new MemoryCgroup(dir, v2, path));
  }
  if (why) *why = reason;
  return nullptr;
}

MemoryCgroup::~MemoryCgroup() {
  kill_all();
  std::error_code ec;
  // A cgroup can be removed only once its last member is reaped; that takes a moment.
  for (int i = 0; i < 200 && !fs::remove(dir_, ec); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

bool MemoryCgroup::set_limit(uint64_t bytes) {
  return write_file(dir_ / (v2_ ? "memory.max" : "memory.limit_in_bytes"), std::to_string(bytes));
}

std::optional<uint64_t> MemoryCgroup::peak_bytes() const {
  auto text = read_file(dir_ / (v2_ ? "memory.peak" : "memory.max_usage_in_bytes"));
  if (!text) return std::nullopt;
  try {
    return std::stoull(*text);
  } catch (...) {
    return std::nullopt;
  }
}

bool MemoryCgroup::oom_killed() const {
  auto text = read_file(dir_ / (v2_ ? "memory.events" : "memory.oom_control"));
  if (!text) return false;
  const auto at = text->find("oom_kill ");
  return at != std::string::npos && std::stoull(text->substr(at + 9)) > 0;
}

std::vector<pid_t> MemoryCgroup::members() const {
  std::vector<pid_t> pids;
  const auto text = read_file(procs_file_);
  if (!text) return pids;
  for (const char* p = text->c_str(); *p;) {  // one pid per line
    char* end = nullptr;
    const long pid = std::strtol(p, &end, 10);
    if (end == p) break;
    pids.push_back(static_cast<pid_t>(pid));
    p = end;
  }
  return pids;
}

std::optional<bool> MemoryCgroup::holds(pid_t pid) const {
  const auto in = own_cgroup(v2_ ? "" : "memory", std::to_string(pid));
  if (!in) return std::nullopt;
  return *in == path_;
}

void MemoryCgroup::kill_all() {
  for (int round = 0; round < 100; ++round) {
    auto pids = members();
    if (pids.empty()) return;
    for (pid_t p : pids) ::kill(p, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace fhebench
