// `fhebench run`: plans the matrix, makes the tools ready, runs every pending cell through
// an executor, and stores, summarises and indexes the results.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "executor.h"
#include "exit_status.h"
#include "run_options.h"
#include "run_store.h"

namespace fhebench {

using ExecutorFactory = std::function<std::unique_ptr<Executor>(const RunOptions&)>;

// Runs (or with o.resume, continues) a run on the executor `make` gives for the run's
// options. Returns ok when every cell ran and was correct, cell_failed when some cell
// failed or was incorrect, interrupted after SIGINT/SIGTERM; throws UsageError for usage
// or configuration errors.
ExitStatus run_benchmarks(const RunOptions& options, const ExecutorFactory& make = make_executor);

// Rewrites CSVs, summary.json and summary.md from the records, makes the report, updates
// index.sqlite, and only then writes the run's final status. Returns summary.json's content.
Json finalize_run(const RunStore& store, const std::string& status);

}  // namespace fhebench
