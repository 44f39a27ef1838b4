// Before a run with --time-budget: each cell's expected seconds per repetition from the
// results index (the latest earlier run of the same cell that was ok: its median wall time), the run's estimated
// time from them, and the cells ordered so that the cheap ones finish first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "executor.h"
#include "run_options.h"

namespace fhebench {

// Seconds per repetition for each cell (nullopt: no earlier ok run in the index).
std::vector<std::optional<double>> estimate_repetition_seconds(const fs::path& results_dir, const std::vector<Cell>& cells);

// One line: the run's estimated time against the budget and where the figures come from.
std::string estimate_line(const std::vector<std::optional<double>>& per_rep, const RunOptions& o);

// Cheapest known cells first, then those without an estimate in matrix order.
void order_cheap_first(std::vector<CellJob>& jobs, const std::vector<std::optional<double>>& per_rep);

}  // namespace fhebench
