#include "tool_setup.h"

#include <fmt/format.h>

#include "atomic_file.h"
#include "cmake_build.h"
#include "content_hash.h"
#include "library_resolver.h"
#include "node_runtime.h"
#include "project.h"
#include "python_runtime.h"

namespace fhebench {
namespace {

// The cache key covers everything that goes into the build.
std::string build_hash(const Tool& tool, const std::vector<std::string>& args) {
  ContentHash h;
  h.add_tree(tool.dir / tool.build->source).add(read_file(tool.manifest).value_or(""));
  h.add(fmt::format("{}", fmt::join(args, " "))).add(FHEBENCH_COMPILER).add(version());
  h.add_tree(include_dir());
  return h.hex();
}

void build_programs(const Tool& tool, const SetupOptions& opt, const std::string& prefix, ToolSetup& s) {
  std::vector<std::string> args = {"-DFHEBENCH_INCLUDE_DIR=" + include_dir().string()};
  if (!prefix.empty()) args.push_back("-DCMAKE_PREFIX_PATH=" + prefix);
  args.insert(args.end(), tool.build->cmake_args.begin(), tool.build->cmake_args.end());
  const fs::path entry = cache_dir() / "build" / (tool.name + "-" + build_hash(tool, args));
  s.build_dir = entry / "build";
  s.info["build_dir"] = s.build_dir.string();
  if (!opt.build) {
    s.info["built"] = cmake_build_complete(entry);
    s.available = true;
    return;
  }
  if (opt.rebuild) fs::remove_all(entry);
  const std::string err = cmake_build({tool.dir / tool.build->source, entry, args, false, opt.jobs}, opt.log);
  if (!err.empty()) {
    s.reason = "building its programs failed: " + err;
    s.fix = "fix the build error above, then run `fhebench build --tools " + tool.name + "`";
    return;
  }
  s.available = true;
}

}  // namespace

ToolSetup setup_tool(const Tool& tool, const SetupOptions& opt) {
  ToolSetup s;
  s.info["language"] = tool.language;
  std::string prefix;
  if (tool.library) {
    s.info["library"] = tool.library->name;
    s.info["version"] = tool.library->version;
  }
  // A library is resolved only for tools whose programs are built against it; for others
  // (e.g. an npm package) [library] just describes what the programs use.
  if (tool.library && tool.build) {
    const auto lib = resolve_library(tool, {opt.build, opt.jobs, opt.log});
    if (!lib.found) {
      s.reason = lib.reason;
      s.fix = lib.fix;
      return s;
    }
    prefix = lib.prefix.string();
    s.info["source"] = lib.source;
  }
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
    build_programs(tool, opt, prefix, s);
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
                                     {"{python}", setup.python}}) {
      for (size_t at; (at = arg.find(key)) != std::string::npos;) arg.replace(at, key.size(), value);
    }
    argv.push_back(arg);
  }
  return argv;
}

}  // namespace fhebench
