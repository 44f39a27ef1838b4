#include "serve_paths.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace fhebench {
namespace {

bool segment_ok(const std::string& s) {
  if (s.empty() || s == "." || s == "..") return false;
  return std::none_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == 0x7f || ch == '\\' || ch == ':';
  });
}

}  // namespace

bool is_within(const fs::path& root, const fs::path& path) {
  auto r = root.begin(), p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

ResolvedPath resolve_below(const fs::path& root, const std::string& relative) {
  if (relative.empty() || relative.size() > 1024) return {PathCheck::malformed, {}};
  size_t start = 0;
  while (start <= relative.size()) {
    const size_t end = std::min(relative.find('/', start), relative.size());
    if (!segment_ok(relative.substr(start, end - start))) return {PathCheck::malformed, {}};
    start = end + 1;
  }
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return {PathCheck::missing, {}};
  const fs::path candidate = base / fs::path(relative);
  if (!fs::exists(fs::symlink_status(candidate, ec))) return {PathCheck::missing, {}};
  // canonical() follows every symlink: what it names must still be below the root.
  const fs::path real = fs::canonical(candidate, ec);
  if (ec) return {PathCheck::missing, {}};
  if (!is_within(base, real)) return {PathCheck::outside, {}};
  if (!fs::is_regular_file(real, ec)) return {PathCheck::missing, {}};
  // A hard link placed in the folder can name any file on the disk: fhebench makes none.
  if (fs::hard_link_count(real, ec) != 1 || ec) return {PathCheck::outside, {}};
  return {PathCheck::ok, real};
}

}  // namespace fhebench
