// Google Benchmark JSON (--benchmark_format=json or --benchmark_out, as OpenFHE's and SEAL's
// own benchmark programs write it) as a run of microbenchmark cells (docs/history.md, "Import").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "json.h"

namespace fhebench {

// One measured repetition of a benchmark: real and CPU time per iteration, in seconds.
struct GbenchSample {
  double real_s = 0, cpu_s = 0;
  int64_t iterations = 0;
  std::string error;  // error_message when the benchmark reported error_occurred
};

// One Google Benchmark (its run_name), as a fhebench cell: benchmark "gbench", the family
// name as variant ("BM_Encrypt"), the integer arguments as the size (arg1=8 or n=8 when named).
struct GbenchBenchmark {
  std::string name, variant;
  Size size;
  std::vector<GbenchSample> samples;  // in repetition order
};

struct GbenchFile {
  Json context;  // the file's "context" object as written (date, host_name, num_cpus, ...)
  std::vector<GbenchBenchmark> benchmarks;
};

// Throws std::runtime_error with one line naming the file and what is wrong with it (not
// JSON, no "benchmarks" array, an entry without name or times, no iteration entries).
GbenchFile parse_gbench(const std::string& text, const std::string& file_name);

struct GbenchImport {
  std::filesystem::path results, file;
  std::string tool, library_version;  // library_version: "" when unknown
};

// Writes the run (records, summary, reports, index) and returns its id. Nothing is left behind
// when it fails: the run folder is removed and the error rethrown.
std::string import_gbench(const GbenchImport& o);

}  // namespace fhebench
