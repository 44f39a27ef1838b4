#include "project.h"

#include <cctype>
#include <cstdlib>

#include "process.h"

namespace fhebench {

fs::path project_dir() {
  if (const char* home = std::getenv("FHEBENCH_HOME"); home && *home) return home;
  return FHEBENCH_SOURCE_DIR;
}

fs::path include_dir() { return project_dir() / "include"; }
fs::path default_tools_dir() { return project_dir() / "tools"; }

fs::path cache_dir() {
  if (const char* c = std::getenv("FHEBENCH_CACHE"); c && *c) return c;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "fhebench";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".cache" / "fhebench";
}

std::string version() { return FHEBENCH_VERSION; }

std::string git_commit() {
  static const std::string commit =
      capture_output({"git", "-C", project_dir().string(), "rev-parse", "--short", "HEAD"}, 10).value_or("");
  return commit;
}

std::string env_name(const std::string& tool) {
  std::string s;
  for (unsigned char c : tool) s += std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  return s;
}

}  // namespace fhebench
