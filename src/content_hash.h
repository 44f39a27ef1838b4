// A stable 64-bit content hash (FNV-1a) for build-cache keys.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace fhebench {

class ContentHash {
 public:
  ContentHash& add(std::string_view bytes);
  // Every regular file below `dir`, in path order, by relative path and content.
  ContentHash& add_tree(const std::filesystem::path& dir);
  std::string hex() const;  // 16 hex digits

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace fhebench
