#include "storage_error.h"

#include <exception>
#include <filesystem>
#include <stdexcept>

namespace fhebench {

std::string storage_error_text(const std::string& what) {
  const std::string prefix = "filesystem error: ";
  if (what.rfind(prefix, 0) != 0) return what;
  std::string rest = what.substr(prefix.size());  // "cannot create directories: Read-only file system [/r/x]"
  std::string path;
  if (const auto open = rest.find(" ["); open != std::string::npos && rest.back() == ']') {
    path = rest.substr(open + 2, rest.size() - open - 3);
    rest.erase(open);
  }
  const auto colon = rest.find(": ");
  if (colon == std::string::npos || path.empty()) return rest + (path.empty() ? "" : " " + path);
  return rest.substr(0, colon) + " " + path + rest.substr(colon);
}

void rethrow_storage_error(const std::string& doing) {
  try {
    throw;
  } catch (const std::exception& e) {
    throw std::runtime_error(doing + ": " + storage_error_text(e.what()));
  }
}

}  // namespace fhebench
