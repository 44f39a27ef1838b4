#include "python_runtime.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "atomic_file.h"
#include "cmake_build.h"
#include "content_hash.h"
#include "process.h"
#include "project.h"

namespace fhebench {
namespace {

fs::path helper_dir() { return project_dir() / "python"; }

// The interpreter's "3.11.7", or "" when it does not run.
std::string interpreter_version(const std::string& python) {
  return capture_output({python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"}, 30).value_or("");
}

// What pip said before it gave up: from its last "ERROR:" line (else the last lines), `n`
// non-empty lines joined by " | ", each cut to 200 characters.
std::string last_lines(const std::string& output, size_t n) {
  std::istringstream in(output);
  std::vector<std::string> lines;
  size_t error = std::string::npos;
  for (std::string l; std::getline(in, l);) {
    const size_t start = l.find_first_not_of(" \t\r");
    if (start == std::string::npos) continue;
    if (l.compare(start, 6, "ERROR:") == 0) error = lines.size();
    lines.push_back(l.substr(start, 200));
  }
  const size_t from = error != std::string::npos ? error : lines.size() > n ? lines.size() - n : 0;
  lines = std::vector<std::string>(lines.begin() + from, lines.begin() + std::min(lines.size(), from + n));
  return fmt::format("{}", fmt::join(lines, " | "));
}

// Runs one install step, output appended to `log`; "" on success, else pip's last lines.
std::string step(const std::vector<std::string>& argv, const fs::path& log) {
  const auto [r, tail] = run_logged_step({argv, {{"PIP_DISABLE_PIP_VERSION_CHECK", "1"}, {"PYTHONNOUSERSITE", "1"}}},
                                         log.parent_path(), log, 8000);
  if (!r.started) return r.error;
  if (r.exit_code != 0) return fmt::format("`{}` failed: {} (full log: {})", argv.back(), last_lines(tail, 3), log.string());
  return "";
}

// venv, the pinned requirements with their hashes, and a .pth that puts the fhebench_program
// helper (python/ in the project) on the path.
std::string install(const fs::path& entry, const fs::path& requirements, const std::string& base, const std::string& version) {
  const fs::path log = entry.string() + ".log";
  std::error_code ec;
  fs::remove(log, ec);
  const std::string py = (entry / "bin/python").string();
  std::string err = step({base, "-m", "venv", entry.string()}, log);
  if (err.empty())
    err = step({py, "-m", "pip", "install", "--no-input", "--require-hashes", "-r", requirements.string()}, log);
  if (!err.empty()) return err;
  const std::string minor = version.substr(0, version.rfind('.'));
  std::ofstream(entry / "lib" / ("python" + minor) / "site-packages" / "fhebench_program.pth") << helper_dir().string() << "\n";
  std::ofstream(entry / ".complete") << "ok\n";
  return "";
}

// An exclusive lock for the lifetime of the object: two runs never install one entry at once.
struct Lock {
  int fd;
  explicit Lock(const fs::path& p) : fd(::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd >= 0) ::flock(fd, LOCK_EX);
  }
  ~Lock() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string base_python() {
  const char* env = std::getenv("FHEBENCH_PYTHON");
  return env && *env ? env : "python3";
}

std::string pinned_versions(const std::string& requirements, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    std::smatch m;
    const std::regex pin("(^|\\n)" + name + "(\\[[^\\]]*\\])?==([^ \\\\\\n;]+)", std::regex::icase);
    const std::string v = std::regex_search(requirements, m, pin) ? m[3].str() : "not pinned";
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, v);
  }
  return out;
}

PythonRuntime python_runtime(const Tool& tool, const PythonOptions& opt) {
  PythonRuntime rt;
  const fs::path requirements = tool.dir / tool.runtime->python_requirements;
  const std::string base = base_python();
  const std::string version = interpreter_version(base);
  const std::string rebuild = "`fhebench build --tools " + tool.name + "`";
  if (version.empty()) {
    rt.reason = "needs Python 3 (" + base + " does not run)";
    rt.fix = "install python3 and python3-venv (scripts/install-deps), or set FHEBENCH_PYTHON";
    return rt;
  }
  const auto pins = read_file(requirements);
  if (!pins) {
    rt.reason = "cannot read its requirements " + requirements.string();
    rt.fix = "write it with `pip-compile --generate-hashes` (docs/tools.md)";
    return rt;
  }
  rt.version = "Python " + version;
  rt.packages = pinned_versions(*pins, tool.runtime->packages);
  ContentHash h;
  h.add(*pins).add(version).add(helper_dir().string());
  const fs::path entry = cache_dir() / "python" / (tool.name + "-" + h.hex());
  rt.python = (entry / "bin/python").string();
  rt.installed = fs::exists(entry / ".complete");
  if (rt.installed || !opt.install) {
    rt.ok = true;
    return rt;
  }
  std::error_code ec;
  fs::create_directories(entry.parent_path(), ec);
  Lock lock(entry.string() + ".lock");
  if (!fs::exists(entry / ".complete")) {
    fs::remove_all(entry, ec);  // what an interrupted install left
    if (opt.log) opt.log(fmt::format("installing the Python packages of {} (log: {}.log)", tool.name, entry.string()));
    const std::string err = install(entry, requirements, base, version);
    if (!err.empty()) {
      fs::remove_all(entry, ec);
      rt.reason = "installing its Python packages failed: " + err;
      rt.fix = "check the network and " + requirements.string() + " (every pin with --hash), then " + rebuild;
      return rt;
    }
  }
  rt.installed = rt.ok = true;
  return rt;
}

}  // namespace fhebench
