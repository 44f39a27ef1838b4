// Makes a tool ready to run: finds its library (installed copy, local checkout or a clone
// of the pinned upstream), builds its programs into a content-addressed cache, finds its
// runtime (Node.js). A tool that cannot be made ready is unavailable, with the reason and
// the setting that fixes it; it never stops the other tools.
#pragma once

#include <functional>
#include <string>

#include "json.h"
#include "manifest.h"

namespace fhebench {

struct ToolSetup {
  bool available = false;
  std::string reason;  // why not available (one line)
  std::string fix;     // the setting or command that fixes it
  fs::path build_dir;  // {build_dir}
  std::string node;    // {node}
  std::string python;  // {python}: the tool's virtual environment
  std::string library_prefix;  // {library_prefix}: where the resolved [library] is installed
  std::string program_cache;   // {program_cache}: kept across runs, for programs a tool compiles
  std::string fhebench_dir;    // {fhebench_dir}: fhebench's own folder (include/, cmake/)
  Json info = Json::object();  // library, version, source, runtime versions: for run.json
};

struct SetupOptions {
  bool build = true;  // false: only check what is there (doctor)
  bool rebuild = false;
  int jobs = 2;
  std::function<void(const std::string&)> log;  // progress lines, e.g. "building SEAL"
};

ToolSetup setup_tool(const Tool& tool, const SetupOptions& options);

// The cache-entry part of setup shared by every build system: `build` makes `entry` (it
// returns "" or the error), unless options.build is false (doctor: only "built" is recorded).
void setup_build_entry(const Tool& tool, const SetupOptions& options, const fs::path& entry, const fs::path& build_dir,
                       const std::function<std::string()>& build, ToolSetup& s);

// The command of `impl` with placeholders replaced.
std::vector<std::string> expand_command(const Tool& tool, const Implementation& impl, const ToolSetup& setup);

}  // namespace fhebench
