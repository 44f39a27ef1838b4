// What `fhebench run` was asked to do.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "json.h"
#include "executor_options.h"

namespace fhebench {

inline constexpr const char* kDefaultReference = "Plaintext";

struct RunOptions {
  std::vector<std::string> tools, benchmarks, variants;  // empty: all
  std::map<std::string, std::vector<int64_t>> sizes;      // --size key=v1,v2 (a sweep)
  std::string input_case = "generated";                   // or "sok"
  int repetitions = 10;
  int warmup = 1;
  double timeout_s = 900;
  uint64_t seed = 1;
  int threads = 1;
  std::string cpus;  // pinning, e.g. "0-1"
  uint64_t memory_limit_mib = 0;
  std::string results = "results";
  std::string resume;  // run id
  std::string executor = "local";
  ExecutorOptions exec;                 // container and Slurm settings
  std::vector<std::string> tools_dirs;  // extra folders of tools
  int jobs = 2;                          // build parallelism
  std::string reference = kDefaultReference;  // the tool totals are a multiple of ("× plain")
};

Json to_json(const RunOptions& o);
RunOptions options_from_json(const Json& j);  // as run.json keeps them
// The folders tools are discovered in: the project's tools/ and every --tools-dir.
std::vector<fs::path> tool_dirs(const RunOptions& o);
// Parses "patients=1,64,4096"; throws std::invalid_argument with a usage message.
std::pair<std::string, std::vector<int64_t>> parse_size_option(const std::string& text);

// A usage or configuration error: `fhebench` prints it and exits 2.
class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace fhebench
