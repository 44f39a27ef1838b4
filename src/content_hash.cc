#include "content_hash.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "atomic_file.h"

namespace fhebench {

ContentHash& ContentHash::add(std::string_view bytes) {
  for (unsigned char c : bytes) h_ = (h_ ^ c) * 0x100000001b3ULL;
  h_ = (h_ ^ 0xff) * 0x100000001b3ULL;  // separator, so ("ab","c") != ("a","bc")
  return *this;
}

ContentHash& ContentHash::add_tree(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::end(it); it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory() && (name == "node_modules" || name == ".git")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    add(std::filesystem::relative(f, dir).string());
    add(read_file(f).value_or(""));
  }
  return *this;
}

std::string ContentHash::hex() const { return fmt::format("{:016x}", h_); }

}  // namespace fhebench
