// `fhebench run`: plans the matrix, makes the tools ready, runs every pending repetition of
// every cell through an executor, and stores, summarises and indexes the results.
#pragma once

#include <string>
#include <vector>

#include "executor.h"
#include "progress.h"
#include "run_options.h"
#include "run_store.h"

namespace fhebench {

// Returns the exit status (DESIGN.md section 6): 0 all cells ran and were correct, 1 some
// cell failed or was incorrect; throws UsageError for usage or configuration errors (2).
int run_benchmarks(const RunOptions& options);

// Runs the pending repetitions of one cell (also the unit a Slurm task executes). Returns
// false when interrupted.
bool run_cell(const RunStore& store, const Cell& cell, const RunOptions& o, const std::vector<std::string>& argv,
              Executor& executor, Progress& progress);

// Rewrites CSVs, summary.json and summary.md from the records, sets the run's status, and
// updates index.sqlite. Returns summary.json's content.
Json finalize_run(const RunStore& store, const std::string& status);

RunOptions options_from_json(const Json& j);
std::vector<fs::path> tool_dirs(const RunOptions& o);

// Set by SIGINT/SIGTERM while a run is going on.
bool interrupted();

}  // namespace fhebench
