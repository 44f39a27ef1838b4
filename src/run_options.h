// What `fhebench run` was asked to do.
#pragma once

#include <map>
#include <optional>
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
  // Adaptive repetitions (adaptive.h): on when max_repetitions > 0; --repetitions is then unused.
  int min_repetitions = 0, max_repetitions = 0;
  double target_ci_pct = 0;  // relative half-width of the median's 95% interval; 0: none
  double time_budget_s = 0;  // for the whole run; 0: none
  bool adaptive() const { return max_repetitions > 0; }
  // Measured repetitions a cell has when it is complete without an early stop.
  int planned_repetitions() const { return adaptive() ? max_repetitions : repetitions; }
};

// Defaults of adaptive runs: 6, the fewest repetitions with a 95% interval of the median.
inline constexpr int kDefaultMinRepetitions = 6, kDefaultMaxRepetitions = 30;

Json to_json(const RunOptions& o);
RunOptions options_from_json(const Json& j);  // as run.json keeps them
// The folders tools are discovered in: the project's tools/ and every --tools-dir.
std::vector<fs::path> tool_dirs(const RunOptions& o);
// Parses "patients=1,64,4096"; throws std::invalid_argument with a usage message.
std::pair<std::string, std::vector<int64_t>> parse_size_option(const std::string& text);

// "90s", "20m", "1h", "1h30m" or plain seconds; throws std::invalid_argument with a usage message.
double parse_duration(const std::string& text);

// "5", "2.5%": the number of percent, nullopt when `text` is not one (callers say the range).
std::optional<double> parse_percent(const std::string& text);

// A usage or configuration error: `fhebench` prints it and exits 2.
class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace fhebench
