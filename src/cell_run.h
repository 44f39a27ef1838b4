// The repetitions of one cell, as every process executor runs them (also what a Slurm
// task runs): the cell's input and expected outputs written once, warm-ups, then the
// measured repetitions still missing, each stored as soon as it is over.
#pragma once

#include "executor.h"
#include "run_options.h"
#include "run_store.h"

namespace fhebench {

// Returns false when interrupted (the repetition cut short is not recorded).
bool run_cell(const RunStore& store, const Cell& cell, const RunOptions& o, const Limits& limits, const Launch& launch,
              ProcessExecutor& executor, Progress& progress);

// Set by SIGINT/SIGTERM while a run is going on.
bool interrupted();
void set_interrupted(bool value);

}  // namespace fhebench
