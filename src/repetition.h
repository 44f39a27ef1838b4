// One repetition of a cell: write input.json into a fresh work directory, run the program
// through an executor, read and verify output.json, and make the record stored as
// rep_NNN.json. Whatever the program does ends as a status with a one-line reason.
#pragma once

#include <string>
#include <vector>

#include "executor.h"
#include "json.h"
#include "record.h"
#include "run_store.h"

namespace fhebench {

class Benchmark;

struct RepetitionRequest {
  Launch launch;
  RepId id;
  WorkDir work;            // from the store: removed and made afresh
  fs::path output_copy;    // where output.json is kept beside the record
  const Benchmark* benchmark;
  Size size;
  std::string input_text;  // the cell's input.json
  Json expected;           // reference outputs
  Limits limits;
};

// Runs the repetition and returns its record (docs/results.md). The program's output.json
// is kept at req.output_copy; the work directory is removed.
Record run_repetition(const RepetitionRequest& req, ProcessExecutor& executor);

}  // namespace fhebench
