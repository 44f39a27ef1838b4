#include "site_data.h"

#include <algorithm>
#include <map>

#include "protocol.h"

namespace fhebench {
namespace {

Json rep_figures(const Json& r) {
  Json out = {{"repetition", r.value("repetition", 0)}, {"status", r.value("status", "error")},
              {"correct", r.value("correct", false)}};
  const Json& phases = r.value("phases", Json::object());
  if (phases.is_object() && !phases.empty()) {
    out["phases"] = phases;
    out["total"] = canonical_total(phases);
  }
  const Json& m = r.value("measure", Json::object());
  if (m.contains("wall_s")) out["wall_s"] = m["wall_s"];
  if (m.contains("peak_rss_bytes")) out["peak_rss_bytes"] = m["peak_rss_bytes"];
  if (out["status"] != "ok") out["reason"] = r.value("reason", "").substr(0, 300);
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
  Json summary = run.summary;
  std::map<std::string, Cell> matrix;  // impl|size_key -> cell
  for (const auto& m : run.run.value("matrix", Json::array())) {
    try {
      const Cell c = cell_from_json(m);
      matrix.emplace(c.impl + "|" + c.size_key, c);
    } catch (const Json::exception&) {
      // a malformed matrix entry has no records to show; the summary still lists the cell
    }
  }
  for (auto& cell : summary["cells"]) {
    const auto it = matrix.find(cell.value("impl", "") + "|" + cell.value("size_key", ""));
    if (it == matrix.end()) continue;
    Json reps = Json::array();
    for (const auto& r : store.records(it->second)) reps.push_back(rep_figures(r));
    cell["reps"] = reps;
    Json files = {{"dir", it->second.dir.generic_string()}, {"list", file_names(store.cell_dir(it->second))}};
    const std::string csv = it->second.tool + "/" + it->second.impl + ".csv";
    if (fs::exists(run.dir / csv)) files["csv"] = csv;
    cell["files"] = files;
  }
  return {{"format", 1}, {"base", base}, {"run", run.run}, {"summary", summary}};
}

}  // namespace fhebench
