// results/index.sqlite: an index over every run in a results folder (run metadata and one
// row per cell with its medians), for history and comparisons across runs (docs/history.md).
// Its rows are derived from run.json and summary.json only, so an index can always be rebuilt
// from the run folders; an index of an older schema gets the new columns filled in place.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cell_summary.h"

namespace fhebench {

// Inserts or replaces the run and its cells. Throws std::runtime_error on database errors.
void index_run(const std::filesystem::path& results_dir, const Json& run, const RunSummary& summary);

// Indexes every run folder of `results_dir` the index does not have yet (runs made before
// the index existed, copied in, or whose indexing failed); returns how many. Rows whose
// folder is gone are kept. A folder that cannot be read is skipped and named in `skipped`.
size_t index_missing_runs(const std::filesystem::path& results_dir, std::vector<std::string>* skipped = nullptr);

// One cell of one indexed run, with what history shows about it.
struct IndexedCell {
  std::string run_id, started, fhebench_commit, machine, machine_label;
  CellKey key;
  std::string status, versions;  // versions: "Microsoft SEAL 4.4.3", as the run recorded it
  std::optional<double> total_median_s, ci_low, ci_high, sd;
  int n_ok = 0;
  std::optional<double> wall_median_s;  // a repetition's wall time, process start to exit
};

struct IndexFilter {
  std::vector<std::string> tools, benchmarks;  // empty: all
  std::string size_key;                        // "": all
  std::string machine;                         // fingerprint; "": all
};

// The matching cells, ordered by cell and then by the run's start (oldest first).
std::vector<IndexedCell> indexed_cells(const std::filesystem::path& results_dir, const IndexFilter& f);

}  // namespace fhebench
