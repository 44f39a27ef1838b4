// One repetition of a cell: write input.json into a fresh work directory, run the program
// through an executor, read and verify output.json, and make the record stored as
// rep_NNN.json. Whatever the program does ends as a status with a one-line reason.
#pragma once

#include <string>
#include <vector>

#include "benchmark.h"
#include "executor.h"

namespace fhebench {

struct RepetitionRequest {
  std::vector<std::string> argv;
  std::filesystem::path cell_dir;  // the cell's folder in the run
  std::string name;       // "rep_001" or "warmup_1"
  const Benchmark* benchmark;
  Size size;
  std::string input_text;  // the cell's input.json
  Json expected;           // reference outputs
  int threads = 1;
  double timeout_s = 0;
  std::vector<int> cpus;
  uint64_t memory_limit_bytes = 0;
};

// Statuses, in the order a summary reports them.
inline constexpr const char* kStatuses[] = {"ok", "incorrect", "error", "timeout", "unsupported"};

// Runs the repetition and returns its record (docs/results.md). The program's output.json
// is kept beside the record as <name>.output.json; the work directory is removed.
Json run_repetition(const RepetitionRequest& req, Executor& executor);

}  // namespace fhebench
