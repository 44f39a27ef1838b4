// Builds a CMake project into a cache entry that appears only when the build succeeded.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "process.h"

namespace fhebench {

struct CMakeBuild {
  std::filesystem::path source;       // the folder holding CMakeLists.txt
  std::filesystem::path entry;        // final cache folder, e.g. <cache>/build/SEAL-<hash>
  std::vector<std::string> args;      // -D options
  bool install = false;               // also `cmake --install` into <entry>/install
  int jobs = 2;
};

// Returns "" on success (or when `entry` is already complete), else a one-line reason that
// names the log file. The entry counts only once its marker file `.complete` is written, the
// last step; a failed build is removed and an interrupted one is redone, so no partial entry
// is ever used. Concurrent builds of one entry wait on a lock file.
bool cmake_build_complete(const std::filesystem::path& entry);
std::string cmake_build(const CMakeBuild& b, const std::function<void(const std::string&)>& log);

// The same entry discipline for any build: runs `steps` in order (cwd `cwd`, output to
// <entry>.log) and marks `entry` complete only when all succeeded.
struct BuildStep {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
};
// `source` is what the progress line names ("building <source>").

// Runs one step in `cwd` and appends its output to `log` under a "$ <argv>" line: what every
// build and install step does. Returns how it ended and the last `tail_bytes` of its output.
struct LoggedStep {
  ProcessResult process;
  std::string tail;
};
LoggedStep run_logged_step(const BuildStep& st, const std::filesystem::path& cwd, const std::filesystem::path& log,
                           size_t tail_bytes);

std::string build_entry(const std::filesystem::path& entry, const std::filesystem::path& cwd,
                        const std::filesystem::path& source, const std::vector<BuildStep>& steps,
                        const std::function<void(const std::string&)>& log);

}  // namespace fhebench
