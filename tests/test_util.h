// Shared helpers of the integration tests: temporary folders and running the real binary.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "benchmark.h"

namespace fhebench::test {

namespace fs = std::filesystem;

// A fresh folder removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& p) const { return path_ / p; }

 private:
  fs::path path_;
};

struct CommandResult {
  int exit_code;
  std::string out, err;
};

// Runs the fhebench binary with `args` (no shell), with a shared build cache so tool
// builds happen once per test session.
CommandResult run_fhebench(const std::vector<std::string>& args, double timeout_s = 600,
                           const std::vector<std::pair<std::string, std::string>>& env = {},
                           const fs::path& cwd = {});  // default: a temporary folder

// The single run folder under `results`, and its summary.json.
fs::path only_run(const fs::path& results);
Json read_json(const fs::path& file);

}  // namespace fhebench::test
