// Where a tool's library comes from (docs/tools.md): an installed copy the user points to
// (or found in /usr/local, /usr), a local source checkout the user points to, or a clone of
// the pinned upstream tag, built and installed into the cache.
#pragma once

#include <functional>
#include <string>

#include "manifest.h"

namespace fhebench {

struct ResolvedLibrary {
  bool found = false;
  fs::path prefix;     // for CMAKE_PREFIX_PATH
  std::string source;  // how it was had, for people: "installed at /usr/local", ...
  std::string reason, fix;  // when not found
};

struct ResolveOptions {
  bool build = true;  // false: do not clone or build, only say what would happen
  int jobs = 2;
  std::function<void(const std::string&)> log;
};

ResolvedLibrary resolve_library(const Tool& tool, const ResolveOptions& options);

}  // namespace fhebench
