#include "site_data.h"

#include <algorithm>
#include <map>

#include "cell_summary.h"
#include "protocol.h"

namespace fhebench {
namespace {

Json rep_figures(const Record& r) {
  Json out = {{"repetition", r.id.number}, {"status", r.status}, {"correct", r.correct}};
  if (!r.phases.empty()) {
    out["phases"] = r.phases;
    out["total"] = canonical_total(r.phases);
  }
  if (r.measure) {
    out["wall_s"] = r.measure->wall_s;
    out["peak_rss_bytes"] = r.measure->peak_rss_bytes;
  }
  if (r.status != Status::ok) out["reason"] = r.reason.substr(0, 300);
  return out;
}

Json file_names(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && e.path().filename().string()[0] != '.') names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

Json site_data(const RunStore& store, const ReportRun& run, const std::string& base) {
  Json summary = to_json(run.summary);
  std::map<CellKey, Cell> matrix;
  try {
    for (const Cell& c : store.matrix()) matrix.emplace(c.key(), c);
  } catch (const std::runtime_error&) {
    // a malformed matrix has no records to show; the summary still lists the cells
  }
  for (size_t i = 0; i < run.summary.cells.size(); ++i) {
    Json& cell = summary["cells"][i];  // with label, fine, parameters and log_q: the page never recomputes them
    const auto it = matrix.find(run.summary.cells[i].cell.key());
    if (it == matrix.end()) continue;
    Json reps = Json::array();
    for (const Record& r : store.records(it->second)) reps.push_back(rep_figures(r));
    cell["reps"] = reps;
    Json files = {{"dir", it->second.dir.generic_string()}, {"list", file_names(store.cell_dir(it->second))}};
    const std::string csv = RunStore::csv_path(it->second);
    if (fs::exists(store.dir() / csv)) files["csv"] = csv;
    cell["files"] = files;
  }
  return {{"format", 1}, {"base", base}, {"run", run.run}, {"summary", summary}};
}

}  // namespace fhebench
