// The repetitions of one cell, as every process executor runs them (also what a Slurm
// task runs): the cell's input and expected outputs written once, warm-ups, then the
// measured repetitions still missing (a fixed count, or adaptive), each stored as soon as it is over.
#pragma once

#include "executor.h"
#include "run_options.h"
#include "run_store.h"

namespace fhebench {

// Returns false when interrupted (the repetition cut short is not recorded). With adaptive
// options (adaptive.h) the measured repetitions follow the stop rule, `budget_s` being the
// cell's share of --time-budget (0: none), and the reason is stored in stop.json.
bool run_cell(const RunStore& store, const Cell& cell, const RunOptions& o, const Limits& limits, const Launch& launch,
              ProcessExecutor& executor, Progress& progress, double budget_s = 0);

// Set by SIGINT/SIGTERM while a run is going on.
bool interrupted();
void set_interrupted(bool value);

}  // namespace fhebench
