// Why an adaptive cell stopped, kept beside its records (stop.json), so that the summary, a
// resumed run and reports know the cell is complete with fewer than the maximum repetitions.
#pragma once

#include <optional>

#include "adaptive.h"
#include "run_store.h"

namespace fhebench {

// Throws StorageError when the file cannot be written.
void write_stop(const RunStore& store, const Cell& cell, StopReason reason, size_t repetitions);
// nullopt when the cell has not stopped yet (or its stop.json is unreadable: it then runs on).
std::optional<StopReason> read_stop(const RunStore& store, const Cell& cell);

}  // namespace fhebench
