#include "cmake_build.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>

#include <fmt/format.h>

#include "process.h"

namespace fhebench {
namespace fs = std::filesystem;
namespace {

// Runs one build step with its output appended to `log_file`; "" when it succeeded.
std::string step(const std::vector<std::string>& argv, const fs::path& log_file, const fs::path& cwd) {
  ProcessSpec spec;
  spec.argv = argv;
  spec.cwd = cwd;
  spec.stdout_file = log_file.string() + ".step";
  spec.stderr_file = spec.stdout_file;
  const auto r = run_process(spec);
  // Append this step's output to the whole log.
  {
    std::ofstream all(log_file, std::ios::app);
    std::ifstream part(spec.stdout_file);
    all << "$ " << fmt::format("{}", fmt::join(argv, " ")) << "\n" << part.rdbuf() << "\n";
  }
  const std::string tail = file_tail(spec.stdout_file, 300);
  fs::remove(spec.stdout_file);
  if (!r.started) return r.error;
  if (r.exit_code != 0) {
    auto last = tail.substr(tail.find_last_of('\n') == std::string::npos ? 0 : tail.find_last_of('\n') + 1);
    return fmt::format("`{} {}` failed: {} (full log: {})", argv[0], argv.size() > 1 ? argv[1] : "", last, log_file.string());
  }
  return "";
}

// Holds an exclusive lock on a file for its lifetime.
class FileLock {
 public:
  explicit FileLock(const fs::path& p) : fd_(::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

}  // namespace

bool cmake_build_complete(const fs::path& entry) { return fs::exists(entry / ".complete"); }

std::string cmake_build(const CMakeBuild& b, const std::function<void(const std::string&)>& log) {
  if (cmake_build_complete(b.entry)) return "";
  std::error_code ec;
  fs::create_directories(b.entry.parent_path(), ec);
  FileLock lock(b.entry.string() + ".lock");
  if (cmake_build_complete(b.entry)) return "";  // built by another process meanwhile
  fs::remove_all(b.entry, ec);                   // what an interrupted build left
  fs::create_directories(b.entry, ec);
  if (ec) return "cannot create " + b.entry.string() + ": " + ec.message();
  const fs::path log_file = b.entry.string() + ".log";
  fs::remove(log_file, ec);
  if (log) log(fmt::format("building {} (log: {})", b.source.string(), log_file.string()));

  const fs::path build = b.entry / "build";
  std::vector<std::string> configure = {"cmake", "-S", b.source.string(), "-B", build.string(),
                                        "-DCMAKE_BUILD_TYPE=Release"};
  if (b.install) configure.push_back("-DCMAKE_INSTALL_PREFIX=" + (b.entry / "install").string());
  configure.insert(configure.end(), b.args.begin(), b.args.end());
  std::string err = step(configure, log_file, b.entry);
  if (err.empty()) err = step({"cmake", "--build", build.string(), "-j", std::to_string(b.jobs)}, log_file, b.entry);
  if (err.empty() && b.install) err = step({"cmake", "--install", build.string()}, log_file, b.entry);
  if (err.empty()) {
    std::ofstream(b.entry / ".complete") << "ok\n";
    return "";
  }
  fs::remove_all(b.entry, ec);
  return err;
}

}  // namespace fhebench
