#include "library_resolver.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cmake_build.h"
#include "content_hash.h"
#include "process.h"
#include "project.h"

namespace fhebench {
namespace {

std::string getenv_str(const std::string& name) {
  const char* v = std::getenv(name.c_str());
  return v ? v : "";
}

ResolvedLibrary from_prefix(const LibrarySpec& lib, const fs::path& prefix, const std::string& var) {
  ResolvedLibrary r;
  if (!lib.detect.empty() && !fs::exists(prefix / lib.detect)) {
    r.reason = fmt::format("{}={} holds no {}", var, prefix.string(), lib.detect);
    r.fix = fmt::format("point {} at the install prefix of {} {}", var, lib.name, lib.version);
    return r;
  }
  r.found = true;
  r.prefix = prefix;
  r.source = "installed at " + prefix.string();
  return r;
}

// A library without an install step (Cingulata) is used from its source tree: when the install
// prefix lacks `detect` and the tree has it, the tree is the prefix.
fs::path usable_prefix(const LibrarySpec& lib, const fs::path& install, const fs::path& src) {
  const bool tree = !lib.detect.empty() && !fs::exists(install / lib.detect) && fs::exists(src / lib.detect);
  return tree ? src : install;
}

ResolvedLibrary build_from_source(const Tool& tool, const fs::path& src, const std::string& how,
                                  const ResolveOptions& opt) {
  const LibrarySpec& lib = *tool.library;
  ResolvedLibrary r;
  // A checkout is keyed by its commit and local changes, not by hashing a whole library tree.
  const std::string commit = capture_output({"git", "-C", src.string(), "rev-parse", "HEAD"}, 30).value_or("no-git");
  const std::string dirty = capture_output({"git", "-C", src.string(), "status", "--porcelain"}, 60).value_or("");
  ContentHash h;
  h.add(src.string()).add(commit).add(dirty).add(fmt::format("{}", fmt::join(lib.cmake_args, " "))).add(FHEBENCH_COMPILER);
  const fs::path entry = cache_dir() / "lib" / (tool.name + "-" + h.hex());
  r.prefix = usable_prefix(lib, entry / "install", src);
  r.source = how;
  if (!opt.build) {
    r.found = cmake_build_complete(entry);
    if (!r.found) {
      r.found = true;  // buildable; `run` will build it
      r.source += " (not built yet)";
    }
    return r;
  }
  CMakeBuild b{src / lib.source_subdir, entry, lib.cmake_args, true, opt.jobs};
  const std::string err = cmake_build(b, opt.log);
  if (!err.empty()) {
    r.reason = fmt::format("building {} from {} failed: {}", lib.name, src.string(), err);
    r.fix = fmt::format("fix the checkout, or set FHEBENCH_{}_PREFIX to an installed copy", env_name(tool.name));
    return r;
  }
  r.found = true;
  r.prefix = usable_prefix(lib, entry / "install", src);
  return r;
}

bool is_commit_id(const std::string& ref) {
  return ref.size() == 40 && ref.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// "" when `git` can fetch the manifest's upstream, else git's own error line (or a timeout):
// doctor then says what it knows instead of promising a clone that cannot happen. A commit
// id cannot be listed, so for one only the repository is probed.
std::string probe_upstream(const LibrarySpec& lib) {
  const std::string ref = is_commit_id(lib.ref) ? "HEAD" : lib.ref;
  const auto o = run_command({"env", "GIT_TERMINAL_PROMPT=0", "git", "ls-remote", "--exit-code", lib.git, ref}, 15);
  if (o.ok) return "";
  if (o.err.empty()) return fmt::format("{} has no {}", lib.git, ref);
  // git's first "fatal:" line says what went wrong; the lines after it are advice.
  std::istringstream lines(o.err);
  std::string first, line;
  while (std::getline(lines, line)) {
    if (line.rfind("fatal:", 0) == 0) return line;
    if (first.empty()) first = line;
  }
  return first;
}

ResolvedLibrary from_clone(const Tool& tool, const ResolveOptions& opt) {
  const LibrarySpec& lib = *tool.library;
  const std::string var = "FHEBENCH_" + env_name(tool.name);
  ResolvedLibrary r;
  r.fix = fmt::format("install {} {} and set {}_PREFIX, or set {}_SOURCE to a source checkout", lib.name,
                      lib.version, var, var);
  if (lib.git.empty() || lib.ref.empty()) {
    r.reason = fmt::format("{} is not installed and the manifest names no upstream to clone", lib.name);
    return r;
  }
  const fs::path src = cache_dir() / "src" / (tool.name + "-" + lib.ref);
  if (!fs::exists(src / ".fhebench-complete")) {
    if (!opt.build) {
      if (const std::string why = probe_upstream(lib); !why.empty()) {
        r.reason = fmt::format("{} is not installed, and {} at {} is not fetchable: {}", lib.name, lib.git, lib.ref, why);
        return r;
      }
      r.found = true;
      r.source = fmt::format("fetchable from {} at {} (cloned and built by `fhebench build`)", lib.git, lib.ref);
      return r;
    }
    if (opt.log) opt.log(fmt::format("cloning {} {} from {}", lib.name, lib.ref, lib.git));
    std::error_code ec;
    fs::remove_all(src, ec);
    fs::create_directories(src.parent_path(), ec);
    // init + fetch of the ref works for tags, branches and commit ids alike.
    const std::string dir = src.string();
    const bool cloned = capture_output({"git", "init", "-q", dir}) &&
                        capture_output({"git", "-C", dir, "fetch", "-q", "--depth", "1", lib.git, lib.ref}, 600) &&
                        capture_output({"git", "-C", dir, "checkout", "-q", "FETCH_HEAD"}) &&
                        capture_output({"git", "-C", dir, "submodule", "update", "-q", "--init", "--recursive", "--depth", "1"}, 600);
    if (!cloned) {
      fs::remove_all(src, ec);
      r.reason = fmt::format("{} is not installed and fetching {} at {} failed: {}", lib.name, lib.git, lib.ref,
                             probe_upstream(lib));
      return r;
    }
    std::ofstream(src / ".fhebench-complete") << lib.ref << "\n";
  }
  return build_from_source(tool, src, fmt::format("cloned from {} at {}", lib.git, lib.ref), opt);
}

}  // namespace

ResolvedLibrary resolve_library(const Tool& tool, const ResolveOptions& opt) {
  const LibrarySpec& lib = *tool.library;
  const std::string var = "FHEBENCH_" + env_name(tool.name);
  if (const std::string prefix = getenv_str(var + "_PREFIX"); !prefix.empty())
    return from_prefix(lib, prefix, var + "_PREFIX");
  if (const std::string src = getenv_str(var + "_SOURCE"); !src.empty()) {
    if (!fs::exists(fs::path(src) / lib.source_subdir / "CMakeLists.txt")) {
      ResolvedLibrary r;
      r.reason = fmt::format("{}_SOURCE={} has no {}", var, src, (fs::path(lib.source_subdir) / "CMakeLists.txt").string());
      r.fix = fmt::format("point {}_SOURCE at a checkout of {} {}", var, lib.git, lib.ref);
      return r;
    }
    return build_from_source(tool, src, "built from " + src, opt);
  }
  if (!lib.detect.empty())
    for (const char* prefix : {"/usr/local", "/usr"})
      if (fs::exists(fs::path(prefix) / lib.detect)) return from_prefix(lib, prefix, "prefix");
  return from_clone(tool, opt);
}

}  // namespace fhebench
