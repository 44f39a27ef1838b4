#include "site_export_history.h"

#include <set>

#include "history.h"
#include "machine_fingerprint.h"

namespace fhebench {

namespace {

HistoryOptions options_for(const ReportRun& run) {
  HistoryOptions o;
  std::set<std::string> tools, benchmarks;
  for (const CellSummary& c : run.summary.cells) {
    tools.insert(c.cell.tool);
    benchmarks.insert(c.cell.benchmark);
  }
  o.filter.tools.assign(tools.begin(), tools.end());
  o.filter.benchmarks.assign(benchmarks.begin(), benchmarks.end());
  o.filter.machine = machine_fingerprint(run.run.value("machine", Json::object()));
  return o;
}

}  // namespace

Json site_history(const RunStore& store, const ReportRun& run) {
  try {
    index_run(store.results_dir(), run.run, run.summary);
    std::set<CellKey> mine;
    for (const CellSummary& c : run.summary.cells) mine.insert(c.cell.key());
    const HistoryOptions o = options_for(run);
    Json series = Json::array();
    std::string label;
    for (const CellHistory& h : cell_histories(store.results_dir(), o))
      if (mine.count(h.key)) {
        series.push_back(to_json(h));
        label = h.machine_label;
      }
    return {{"machine", o.filter.machine}, {"machine_label", label}, {"current", run.id}, {"series", series}};
  } catch (const std::exception& e) {
    return {{"error", e.what()}};
  }
}

}  // namespace fhebench
