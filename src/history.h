// A cell's history: its medians across the indexed runs of one machine, with the steps the
// detector finds (docs/history.md). What `fhebench history` prints and the site's history view shows.
#pragma once

#include <filesystem>
#include <vector>

#include "run_index.h"
#include "step_detector.h"

namespace fhebench {

struct HistoryOptions {
  IndexFilter filter;     // filter.machine: one fingerprint; "" with all_machines false: each machine apart
  bool all_machines = false;  // one series per cell across machines (labelled as mixed)
  size_t last = 0;        // keep the last N runs of each series; 0: all
  StepOptions steps;
};

// A step found in a series, with the runs on either side of it.
struct HistoryStep {
  Step step;
  size_t before = 0, after = 0;  // indices into CellHistory::points
};

struct CellHistory {
  CellKey key;
  std::string machine, machine_label;  // "all" / "all machines" when mixed on request
  std::vector<IndexedCell> points;     // oldest first
  std::vector<HistoryStep> steps;
};

// Series of the index's cells (runs folders not indexed yet are indexed first).
std::vector<CellHistory> cell_histories(const std::filesystem::path& results_dir, const HistoryOptions& o);

// The standard error of a point's median: from its 95% interval when the run has one, else
// from sd/sqrt(n) (× 1.2533, the median's efficiency under a normal distribution).
std::optional<double> median_se(const IndexedCell& c);

Json to_json(const CellHistory& h);

}  // namespace fhebench
