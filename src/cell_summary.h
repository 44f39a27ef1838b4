// Statistics of a run: one summary per cell from its repetition records, and the run's
// summary.json (docs/results.md), which reports read.
#pragma once

#include <vector>

#include "benchmark.h"
#include "run_store.h"

namespace fhebench {

// `expected_reps`: how many measured repetitions the cell should have (for "partial").
Json summarize_cell(const Cell& cell, const std::vector<Json>& records, int expected_reps);

// Summaries of every cell in run.json's matrix, with each total as a multiple of the
// Plaintext tool's for the same benchmark and size.
Json summarize_run(const RunStore& store);

}  // namespace fhebench
