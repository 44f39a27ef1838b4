// Whole-file writes that are atomic against the writer's death: content goes to a
// temporary name in the same folder, then is renamed over the target. Readers see the old
// file or the new one, never a part.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fhebench {

// Throws std::runtime_error naming the file when it cannot be written.
void write_file_atomic(const std::filesystem::path& path, const std::string& content);

// nullopt when missing or unreadable; larger than max_bytes is an error for the caller
// to report, signalled by `too_large`.
std::optional<std::string> read_file(const std::filesystem::path& path, size_t max_bytes = SIZE_MAX,
                                     bool* too_large = nullptr);

}  // namespace fhebench
