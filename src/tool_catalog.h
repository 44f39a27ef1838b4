// The tools fhebench knows: every folder with a tool.toml under the tool folders. A broken
// manifest makes an entry with its error instead of stopping anything.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "manifest.h"

namespace fhebench {

struct CatalogEntry {
  fs::path dir;
  std::optional<Tool> tool;  // nullopt: `error` says what is wrong with the manifest
  std::string error;
  std::string name() const { return tool ? tool->name : dir.filename().string(); }
};

std::vector<CatalogEntry> discover_tools(const std::vector<fs::path>& tool_dirs);

}  // namespace fhebench
