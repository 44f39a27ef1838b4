// results/index.sqlite: an index over every run in a results folder (run metadata and one
// row per cell with its medians), for history and comparisons across runs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cell_summary.h"

namespace fhebench {

// Inserts or replaces the run and its cells. Throws std::runtime_error on database errors.
void index_run(const std::filesystem::path& results_dir, const Json& run, const RunSummary& summary);

struct IndexedCell {
  std::string run_id, tool, benchmark, variant, size_key, status;
  double total_median_s;
};

// Cells of earlier runs with the same tool, benchmark, variant and size, oldest first.
std::vector<IndexedCell> cell_history(const std::filesystem::path& results_dir, const std::string& tool,
                                      const std::string& benchmark, const std::string& variant,
                                      const std::string& size_key);

}  // namespace fhebench
