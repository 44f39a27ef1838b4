#include "tool_catalog.h"

#include <algorithm>
#include <map>

namespace fhebench {

std::vector<CatalogEntry> discover_tools(const std::vector<fs::path>& tool_dirs) {
  std::vector<CatalogEntry> entries;
  std::map<std::string, fs::path> seen;
  for (const auto& root : tool_dirs) {
    std::vector<fs::path> dirs;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root, ec))
      if (e.is_directory() && e.path().filename().string()[0] != '.') dirs.push_back(e.path());
    if (ec) {
      entries.push_back({root, std::nullopt, "cannot read tool folder " + root.string() + ": " + ec.message()});
      continue;
    }
    std::sort(dirs.begin(), dirs.end());
    for (const auto& dir : dirs) {
      CatalogEntry entry{dir, std::nullopt, ""};
      try {
        entry.tool = load_manifest(dir);
      } catch (const ManifestError& e) {
        entry.error = e.what();
      }
      const std::string name = entry.name();
      if (auto it = seen.find(name); it != seen.end()) {
        entry.tool.reset();
        entry.error = "a tool named " + name + " is already in " + it->second.string() + ": rename one folder";
      } else {
        seen[name] = dir;
      }
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

}  // namespace fhebench
