// The one gate between a request path and the file system for `fhebench serve`: a relative
// path is resolved below a root folder only when nothing in it can lead outside (no "..",
// no absolute path, no NUL or control character, no symlink that points out, no regular
// file with a second hard link).
#pragma once

#include <filesystem>
#include <string>

namespace fhebench {

enum class PathCheck { ok, malformed, outside, missing };

struct ResolvedPath {
  PathCheck check;
  std::filesystem::path file;  // canonical, a regular file under the root when check == ok
};

// `root` must exist; `relative` is the decoded remainder of the URL path ("site/index.html").
ResolvedPath resolve_below(const std::filesystem::path& root, const std::string& relative);

// True when `path` is `root` or lies below it, comparing whole components.
bool is_within(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace fhebench
