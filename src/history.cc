#include "history.h"

#include <cmath>
#include <map>

namespace fhebench {
namespace {

bool usable(const IndexedCell& c) {
  return (c.status == "ok" || c.status == "partial") && c.total_median_s && *c.total_median_s > 0;
}

// The detector runs over the usable points only; steps come back in `points` indices.
void find_steps(CellHistory& h, const StepOptions& o) {
  std::vector<SeriesPoint> series;
  std::vector<size_t> at;
  for (size_t i = 0; i < h.points.size(); ++i)
    if (usable(h.points[i])) {
      series.push_back({*h.points[i].total_median_s, median_se(h.points[i])});
      at.push_back(i);
    }
  for (const Step& s : detect_steps(series, o)) h.steps.push_back({s, at[s.index - 1], at[s.index]});
}

// Drops all but the last `n` points, and the steps whose earlier side is dropped with them.
void keep_last(CellHistory& h, size_t n) {
  if (n == 0 || h.points.size() <= n) return;
  const size_t cut = h.points.size() - n;
  h.points.erase(h.points.begin(), h.points.begin() + static_cast<long>(cut));
  std::vector<HistoryStep> kept;
  for (HistoryStep s : h.steps)
    if (s.before >= cut) {
      s.before -= cut;
      s.after -= cut;
      kept.push_back(s);
    }
  h.steps = kept;
}

}  // namespace

std::optional<double> median_se(const IndexedCell& c) {
  if (c.ci_low && c.ci_high && *c.ci_high >= *c.ci_low) return (*c.ci_high - *c.ci_low) / (2 * 1.96);
  if (c.sd && c.n_ok >= 2) return 1.2533 * *c.sd / std::sqrt(static_cast<double>(c.n_ok));
  return std::nullopt;
}

std::vector<CellHistory> cell_histories(const std::filesystem::path& results_dir, const HistoryOptions& o) {
  index_missing_runs(results_dir);
  std::map<std::pair<CellKey, std::string>, CellHistory> by;
  for (IndexedCell& c : indexed_cells(results_dir, o.filter)) {
    const std::string machine = o.all_machines ? "all" : c.machine;
    CellHistory& h = by[{c.key, machine}];
    h.key = c.key;
    h.machine = machine;
    h.machine_label = o.all_machines ? "all machines" : c.machine_label;
    h.points.push_back(std::move(c));
  }
  std::vector<CellHistory> out;
  for (auto& [_, h] : by) {
    find_steps(h, o.steps);
    keep_last(h, o.last);
    out.push_back(std::move(h));
  }
  return out;
}

Json to_json(const CellHistory& h) {
  auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(); };
  Json points = Json::array(), steps = Json::array();
  for (const IndexedCell& c : h.points)
    points.push_back({{"run", c.run_id}, {"started", c.started}, {"commit", c.fhebench_commit}, {"machine", c.machine},
                      {"status", c.status}, {"versions", c.versions}, {"median_s", opt(c.total_median_s)},
                      {"ci_low_s", opt(c.ci_low)}, {"ci_high_s", opt(c.ci_high)}});
  for (const HistoryStep& s : h.steps)
    steps.push_back({{"before", s.before}, {"after", s.after}, {"ratio", s.step.ratio}, {"z", s.step.z},
                     {"kind", s.step.regression() ? "regression" : "improvement"}});
  return {{"cell", to_json(h.key)}, {"machine", h.machine}, {"machine_label", h.machine_label},
          {"points", points}, {"steps", steps}};
}

}  // namespace fhebench
