// Reading the output.json a program left in its work directory, which the program controls:
// only a regular file with one link, never through a symlink (O_NOFOLLOW on the folder and
// the file), never blocking (a FIFO is refused, not opened for a read that would wait for a
// writer), within a size cap and a deadline.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace fhebench {

struct OutputFile {
  enum class Status { ok, missing, refused, too_large, unreadable } status = Status::missing;
  std::string text;    // when ok
  std::string reason;  // one line, when not ok
};

OutputFile read_output_file(const std::filesystem::path& work_dir, const std::string& name, size_t max_bytes,
                            std::chrono::milliseconds deadline = std::chrono::seconds(10));

}  // namespace fhebench

namespace fhebench {

// Removes a repetition's work directory, whatever modes the program left on it. Never throws:
// returns "" when removed, else one line saying what is left where (a directory that cannot be
// removed is renamed aside when it can be, so the next repetition still starts clean).
std::string clear_work_dir(const std::filesystem::path& dir);

}  // namespace fhebench
