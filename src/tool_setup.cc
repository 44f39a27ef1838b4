#include "tool_setup.h"

#include <fmt/format.h>

#include "atomic_file.h"
#include "cmake_build.h"
#include "content_hash.h"
#include "library_resolver.h"
#include "node_runtime.h"
#include "process.h"
#include "project.h"
#include "python_runtime.h"
#include "toolchain_build.h"

namespace fhebench {
namespace {

fs::path cmake_package_dir() { return project_dir() / "cmake"; }

// The cache key covers everything that goes into the build.
std::string build_hash(const Tool& tool, const std::vector<std::string>& args) {
  ContentHash h;
  h.add_tree(tool.dir / tool.build->source).add(read_file(tool.manifest).value_or(""));
  h.add(fmt::format("{}", fmt::join(args, " "))).add(FHEBENCH_COMPILER).add(version());
  h.add_tree(include_dir()).add_tree(cmake_package_dir());
  return h.hex();
}

// The prefix's library folders, as the programs' RPATH: a library installed without one
// (OpenFHE 1.5.1) and linked by name is otherwise not found when the program starts. It is
// written as DT_RPATH (--disable-new-dtags), not DT_RUNPATH, because the loader applies only
// DT_RPATH to the libraries' own dependencies (libOPENFHEpke needs libOPENFHEbinfhe).
std::string runpath(const std::string& prefix) {
  std::vector<std::string> dirs;
  for (const char* sub : {"lib", "lib64", "lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu"})
    if (fs::is_directory(fs::path(prefix) / sub)) dirs.push_back((fs::path(prefix) / sub).string());
  return fmt::format("{}", fmt::join(dirs, ";"));
}

std::vector<std::string> cmake_args(const Tool& tool, const std::string& prefix) {
  std::vector<std::string> args = {"-DFHEBENCH_INCLUDE_DIR=" + include_dir().string(),
                                   "-Dfhebench_DIR=" + cmake_package_dir().string()};
  if (!prefix.empty()) {
    args.push_back("-DCMAKE_PREFIX_PATH=" + prefix);
    if (const std::string rp = runpath(prefix); !rp.empty() && prefix != "/usr") {
      args.push_back("-DCMAKE_BUILD_RPATH=" + rp);
      args.push_back("-DCMAKE_EXE_LINKER_FLAGS=-Wl,--disable-new-dtags");
    }
  }
  args.insert(args.end(), tool.build->cmake_args.begin(), tool.build->cmake_args.end());
  return args;
}

// "" when the tool's first program starts, else why not. `--version` is answered by
// fhebench::guarded_main; a program without it may exit with any status of its own, which
// still proves it started: only a failed exec, the loader's 127, a signal or a hang count.
std::string smoke_check(const Tool& tool, const ToolSetup& s) {
  if (tool.implementations.empty()) return "";
  std::vector<std::string> argv = expand_command(tool, tool.implementations.front(), s);
  argv.push_back("--version");
  const fs::path log = s.build_dir.parent_path() / "smoke.log";
  ProcessSpec spec;
  spec.argv = argv;
  spec.cwd = s.build_dir;
  spec.timeout_s = 30;
  spec.stdout_file = spec.stderr_file = log;
  const ProcessResult r = run_process(spec);
  const std::string tail = r.started ? file_tail(log, 300) : r.error;
  std::error_code ec;
  fs::remove(log, ec);
  if (r.started && !r.timed_out && r.signal == 0 && r.exit_code != 126 && r.exit_code != 127) return "";
  std::string why = r.timed_out ? "gave no answer within 30 s" : r.signal ? fmt::format("was killed by signal {}", r.signal)
                                                                          : fmt::format("exited with status {}", r.exit_code);
  return fmt::format("its program {} cannot start ({}): {}", argv.front(), why, tail);
}

void build_programs(const Tool& tool, const SetupOptions& opt, ToolSetup& s) {
  const std::vector<std::string> args = cmake_args(tool, s.library_prefix);
  const fs::path entry = cache_dir() / "build" / (tool.name + "-" + build_hash(tool, args));
  setup_build_entry(tool, opt, entry, entry / "build", [&] {
    return cmake_build({tool.dir / tool.build->source, entry, args, false, opt.jobs}, opt.log);
  }, s);
}

}  // namespace

void setup_build_entry(const Tool& tool, const SetupOptions& opt, const fs::path& entry, const fs::path& build_dir,
                       const std::function<std::string()>& build, ToolSetup& s) {
  s.build_dir = build_dir;
  s.info["build_dir"] = s.build_dir.string();
  if (!opt.build && !cmake_build_complete(entry)) {
    s.info["built"] = false;
    s.available = true;
    return;
  }
  if (opt.rebuild) fs::remove_all(entry);
  const std::string err = build();
  if (!err.empty()) {
    s.reason = "building its programs failed: " + err;
    s.fix = "fix the build error above, then run `fhebench build --tools " + tool.name + "`";
    return;
  }
  if (!opt.build) s.info["built"] = true;
  if (const std::string why = smoke_check(tool, s); !why.empty()) {
    s.reason = why;
    s.fix = fmt::format("make the library's shared objects findable (reinstall it, or fix FHEBENCH_{}_PREFIX), then "
                        "`fhebench build --rebuild --tools {}`", env_name(tool.name), tool.name);
    return;
  }
  s.available = true;
}

ToolSetup setup_tool(const Tool& tool, const SetupOptions& opt) {
  ToolSetup s;
  s.info["language"] = tool.language;
  if (tool.library) {
    s.info["library"] = tool.library->name;
    s.info["version"] = tool.library->version;
  }
  // A library is resolved for tools whose programs are built against it: at build time (cmake)
  // or at run time by a compiler the tool drives ([library] git, e.g. HEIR's generated C++);
  // for others (e.g. an npm package) [library] just describes what the programs use.
  const bool cmake = tool.build && tool.build->system == "cmake";
  if (tool.library && (cmake || !tool.library->git.empty())) {
    const auto lib = resolve_library(tool, {opt.build, opt.jobs, opt.log});
    if (!lib.found) {
      s.reason = lib.reason;
      s.fix = lib.fix;
      return s;
    }
    s.library_prefix = lib.prefix.string();
    s.info["source"] = lib.source;
  }
  s.program_cache = (cache_dir() / "programs" / tool.name).string();
  s.fhebench_dir = project_dir().string();
  if (tool.runtime && tool.runtime->node_major > 0) {
    const NodeRuntime node = find_node(tool);
    if (!node.ok) {
      s.reason = node.reason;
      s.fix = node.fix;
      return s;
    }
    s.node = node.binary;
    s.info["node"] = node.version;
    if (!node.packages.empty()) s.info["packages"] = node.packages;
  }
  if (tool.runtime && !tool.runtime->python_requirements.empty()) {
    const PythonRuntime py = python_runtime(tool, {opt.build, opt.log});
    if (!py.ok) {
      s.reason = py.reason;
      s.fix = py.fix;
      return s;
    }
    s.python = py.python;
    s.info["python"] = py.version + (py.installed ? "" : " (packages not installed yet: fhebench build)");
    if (!py.packages.empty()) s.info["packages"] = py.packages;
  }
  if (tool.build) {
    if (tool.build->system == "cmake") build_programs(tool, opt, s);
    else setup_toolchain_build(tool, opt, s);  // cargo, go
    return s;
  }
  s.available = true;
  return s;
}

std::vector<std::string> expand_command(const Tool& tool, const Implementation& impl, const ToolSetup& setup) {
  std::vector<std::string> argv;
  for (std::string arg : impl.command) {
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{tool_dir}", tool.dir.string()},
                                     {"{build_dir}", setup.build_dir.string()},
                                     {"{node}", setup.node},
                                     {"{python}", setup.python},
                                     {"{library_prefix}", setup.library_prefix},
                                     {"{program_cache}", setup.program_cache},
                                     {"{fhebench_dir}", setup.fhebench_dir}}) {
      for (size_t at; (at = arg.find(key)) != std::string::npos;) arg.replace(at, key.size(), value);
    }
    argv.push_back(arg);
  }
  return argv;
}

}  // namespace fhebench
