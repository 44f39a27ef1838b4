#include "cmake_build.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "process.h"

namespace fhebench {
namespace fs = std::filesystem;
namespace {

// What a failed step said: its first line that mentions an error (a compiler's diagnosis),
// then its last line (the summary).
std::string error_summary(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t at = 0, end; at < text.size(); at = end + 1) {
    end = std::min(text.find('\n', at), text.size());
    if (end > at) lines.push_back(text.substr(at, end - at));
  }
  if (lines.empty()) return "";
  auto first = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("error") != std::string::npos; });
  if (first == lines.end() || *first == lines.back()) return lines.back();
  return *first + " | " + lines.back();
}

// Runs one build step with its output appended to `log_file`; "" when it succeeded.
std::string step(const BuildStep& st, const fs::path& log_file, const fs::path& cwd) {
  const auto [r, tail] = run_logged_step(st, cwd, log_file, 4000);
  if (!r.started) return r.error;
  if (r.exit_code != 0) {
    const std::string last = error_summary(tail);
    const auto& argv = st.argv;
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

LoggedStep run_logged_step(const BuildStep& st, const fs::path& cwd, const fs::path& log, size_t tail_bytes) {
  ProcessSpec spec;
  spec.argv = st.argv;
  spec.env = st.env;
  spec.cwd = cwd;
  spec.stdout_file = log.string() + ".step";
  spec.stderr_file = spec.stdout_file;
  LoggedStep out{run_process(spec), ""};
  {
    std::ofstream all(log, std::ios::app);
    std::ifstream part(spec.stdout_file);
    all << "$ " << fmt::format("{}", fmt::join(st.argv, " ")) << "\n" << part.rdbuf() << "\n";
  }
  out.tail = file_tail(spec.stdout_file, tail_bytes);
  fs::remove(spec.stdout_file);
  return out;
}

bool cmake_build_complete(const fs::path& entry) { return fs::exists(entry / ".complete"); }

std::string build_entry(const fs::path& entry, const fs::path& cwd, const fs::path& source,
                        const std::vector<BuildStep>& steps, const std::function<void(const std::string&)>& log) {
  if (cmake_build_complete(entry)) return "";
  std::error_code ec;
  fs::create_directories(entry.parent_path(), ec);
  FileLock lock(entry.string() + ".lock");
  if (cmake_build_complete(entry)) return "";  // built by another process meanwhile
  fs::remove_all(entry, ec);                   // what an interrupted build left
  fs::create_directories(entry, ec);
  if (ec) return "cannot create " + entry.string() + ": " + ec.message();
  const fs::path log_file = entry.string() + ".log";
  fs::remove(log_file, ec);
  if (log) log(fmt::format("building {} (log: {})", source.string(), log_file.string()));
  std::string err;
  for (const auto& st : steps)
    if (err.empty()) err = step(st, log_file, cwd);
  if (err.empty()) {
    std::ofstream(entry / ".complete") << "ok\n";
    return "";
  }
  fs::remove_all(entry, ec);
  return err;
}

std::string cmake_build(const CMakeBuild& b, const std::function<void(const std::string&)>& log) {
  const fs::path build = b.entry / "build";
  std::vector<std::string> configure = {"cmake", "-S", b.source.string(), "-B", build.string(),
                                        "-DCMAKE_BUILD_TYPE=Release"};
  if (b.install) configure.push_back("-DCMAKE_INSTALL_PREFIX=" + (b.entry / "install").string());
  configure.insert(configure.end(), b.args.begin(), b.args.end());
  std::vector<BuildStep> steps = {{configure, {}}, {{"cmake", "--build", build.string(), "-j", std::to_string(b.jobs)}, {}}};
  if (b.install) steps.push_back({{"cmake", "--install", build.string()}, {}});
  return build_entry(b.entry, b.entry, b.source, steps, log);
}

}  // namespace fhebench
