#include "container_cgroup.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

namespace fhebench {
namespace fs = std::filesystem;
namespace {

const fs::path kCgroupRoot = "/sys/fs/cgroup";

bool pure_v2() { return fs::exists(kCgroupRoot / "cgroup.controllers"); }

// The mount points of the v1 hierarchies (cpu, pids, name=systemd, the hybrid unified...).
std::vector<fs::path> v1_hierarchies() {
  std::vector<fs::path> out;
  std::error_code ec;
  if (pure_v2()) return out;
  for (const auto& e : fs::directory_iterator(kCgroupRoot, ec))
    if (e.is_directory(ec) && fs::exists(e.path() / "cgroup.procs", ec)) out.push_back(e.path());
  return out;
}

std::optional<uint64_t> read_number(const fs::path& file) {
  std::ifstream f(file);
  uint64_t v;
  if (f >> v) return v;
  return std::nullopt;
}

// "key value" lines such as cpu.stat and cpuacct.stat.
std::optional<uint64_t> read_key(const fs::path& file, const std::string& key) {
  std::ifstream f(file);
  std::string k;
  uint64_t v;
  while (f >> k >> v)
    if (k == key) return v;
  return std::nullopt;
}

// Removes the empty cgroups the engine left below `dir` (conmon's), then `dir` itself;
// waits a little for members that are still exiting.
void remove_tree(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return;
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::vector<fs::path> children;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_directory(ec)) children.push_back(e.path());
    for (const auto& c : children) remove_tree(c);
    if (fs::remove(dir, ec) || !fs::exists(dir)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Folders of the registry that fhebench processes saw missing before an engine made them.
class AncestorRegistry {
 public:
  AncestorRegistry() : file_(fs::temp_directory_path() / "fhebench-cgroup-parents") {
    fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~AncestorRegistry() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  std::set<fs::path> read() const {
    std::set<fs::path> out;
    std::ifstream f(file_);
    for (std::string line; std::getline(f, line);)
      if (!line.empty()) out.insert(line);
    return out;
  }
  void add(const std::vector<fs::path>& dirs) {
    auto all = read();
    const size_t before = all.size();
    all.insert(dirs.begin(), dirs.end());
    if (all.size() != before) write(all);
  }
  // Removes every listed folder that is empty, deepest first; forgets those that can never
  // come back (below a fhebench-<pid>-<n> cgroup whose process is gone).
  void remove_empty() {
    auto all = read();
    std::error_code ec;
    for (auto it = all.rbegin(); it != all.rend(); ++it) fs::remove(*it, ec);
    const size_t before = all.size();
    std::erase_if(all, [](const fs::path& d) { return !fs::exists(d) && below_dead_harness(d); });
    if (all.size() != before) write(all);
  }

 private:
  static bool below_dead_harness(const fs::path& dir) {
    for (const auto& part : dir) {
      const std::string s = part.string();
      if (s.rfind("fhebench-", 0) != 0) continue;
      const pid_t pid = std::atoi(s.c_str() + 9);
      if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) return true;
    }
    return false;
  }
  void write(const std::set<fs::path>& all) const {
    std::ofstream f(file_, std::ios::trunc);
    for (const auto& d : all) f << d.string() << "\n";
  }

  fs::path file_;
  int fd_ = -1;
};

}  // namespace

ContainerCgroup::ContainerCgroup(std::unique_ptr<MemoryCgroup> memory, fs::path memory_root, std::string relative)
    : memory_(std::move(memory)), memory_root_(std::move(memory_root)), relative_(std::move(relative)) {}

std::unique_ptr<ContainerCgroup> ContainerCgroup::create(const std::string& name, std::string* why) {
  auto memory = MemoryCgroup::create(name, why);
  if (!memory) return nullptr;
  const fs::path dir = fs::path(memory->procs_file()).parent_path();
  fs::path root = memory->method() == "cgroup-v1" ? kCgroupRoot / "memory" : kCgroupRoot;
  if (memory->method() == "cgroup-v2" && !pure_v2()) {
    if (why) *why = "the memory controller is only on the hybrid unified hierarchy, which container engines do not use";
    return nullptr;
  }
  const std::string relative = "/" + dir.lexically_relative(root).string();
  std::unique_ptr<ContainerCgroup> cg(new ContainerCgroup(std::move(memory), root, relative));
  // Remember which folders of the path the engine is going to create in the other hierarchies.
  std::vector<fs::path> ancestors;
  for (const auto& h : v1_hierarchies()) {
    if (h == root) continue;
    fs::path p = h;
    for (const auto& part : fs::path(relative).relative_path()) {
      p /= part;
      if (p.filename() == name) cg->leaves_.push_back(p);
      else if (!fs::exists(p)) ancestors.push_back(p);
    }
  }
  if (!ancestors.empty()) AncestorRegistry().add(ancestors);
  return cg;
}

ContainerCgroup::~ContainerCgroup() {
  std::error_code ec;
  const fs::path memory_dir = memory_root_ / fs::path(relative_).relative_path();
  for (const auto& e : fs::directory_iterator(memory_dir, ec))
    if (e.is_directory(ec)) remove_tree(e.path());
  for (const auto& leaf : leaves_) remove_tree(leaf);
  // Shared parents: removed when empty (another run's cgroups keep them).
  if (!leaves_.empty()) AncestorRegistry().remove_empty();
  memory_.reset();  // removes the memory cgroup itself
}

std::optional<std::pair<double, double>> ContainerCgroup::cpu_seconds() const {
  const fs::path rel = fs::path(relative_).relative_path();
  if (pure_v2()) {
    const fs::path stat = kCgroupRoot / rel / "cpu.stat";
    const auto user = read_key(stat, "user_usec"), sys = read_key(stat, "system_usec");
    if (user && sys) return std::pair{*user / 1e6, *sys / 1e6};
    return std::nullopt;
  }
  for (const char* h : {"cpuacct", "cpu,cpuacct", "cpuacct,cpu"}) {
    const fs::path dir = kCgroupRoot / h / rel;
    const auto user = read_number(dir / "cpuacct.usage_user"), sys = read_number(dir / "cpuacct.usage_sys");
    if (user && sys) return std::pair{*user / 1e9, *sys / 1e9};
    const auto ut = read_key(dir / "cpuacct.stat", "user"), st = read_key(dir / "cpuacct.stat", "system");
    const double hz = static_cast<double>(::sysconf(_SC_CLK_TCK));
    if (ut && st) return std::pair{*ut / hz, *st / hz};
  }
  return std::nullopt;
}

}  // namespace fhebench
