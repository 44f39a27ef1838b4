// What every report reads: a run's run.json and summary.json from the results store, and the
// order and naming its tables, plots and website share. Reports never look at the runner.
#pragma once

#include <string>
#include <vector>

#include "cell_summary.h"
#include "run_store.h"

namespace fhebench {

// The ids of the runs under a results folder (folders holding run.json), oldest first.
std::vector<std::string> run_ids(const fs::path& results_dir);
// A run id as the store makes them: YYYYMMDD_HHMMSS with an optional _N suffix.
bool valid_run_id(const std::string& id);

struct ReportRun {
  std::string id;
  fs::path dir;
  Json run;            // run.json
  RunSummary summary;  // summary.json (computed from the records when the file is missing)
};

// Throws std::runtime_error when run.json or summary.json is unreadable.
ReportRun load_report_run(const RunStore& store);

// The median of a phase ("total" too) in seconds; NaN when the cell has no figures.
double phase_median(const CellSummary& cell, const std::string& phase);
double phase_sd(const CellSummary& cell, const std::string& phase);
// The 95% interval of the median total (NaN, NaN without figures).
MedianInterval total_interval(const CellSummary& cell);

// One benchmark's cells: sizes in numeric order, within a size the fastest first and cells
// without figures last; benchmarks in summary.json's order.
struct BenchmarkCells {
  std::string benchmark;
  std::vector<std::vector<const CellSummary*>> sizes;
  size_t count() const;
};
std::vector<BenchmarkCells> cells_by_benchmark(const RunSummary& summary);

struct TimeUnit {
  std::string name;  // "s", "ms", "µs"
  double factor;     // seconds -> unit
};
// The largest unit that keeps `max_seconds` at 1 or more.
TimeUnit unit_for(double max_seconds);

// A member as text whatever its JSON type ("" when absent): tools report "fhe" freely.
std::string text_of(const Json& object, const std::string& key);

// nlohmann's dump, replacing invalid UTF-8 (tool output can hold anything) instead of throwing.
std::string dump_json(const Json& j, int indent = -1);

}  // namespace fhebench
