#include "compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "cell_summary.h"
#include "compare_interval.h"
#include "protocol.h"
#include "stats.h"

namespace fhebench {
namespace {

struct CellData {
  Status status = Status::missing;
  std::vector<double> totals;  // of ok repetitions
  double median = 0;
};

// The cells of a run by key, with the statuses its summary gives them.
std::map<CellKey, CellData> load(const RunStore& store) {
  std::map<CellKey, Status> status;
  for (const CellSummary& c : read_run_summary(store).cells) status[c.cell.key()] = c.status;
  std::map<CellKey, CellData> cells;
  for (const Cell& cell : store.matrix()) {
    CellData d;
    for (const Record& r : store.records(cell))
      if (r.status == Status::ok) d.totals.push_back(canonical_total(r.phases));
    if (const auto it = status.find(cell.key()); it != status.end()) d.status = it->second;
    d.median = compute_stats(d.totals).median;
    cells[cell.key()] = d;
  }
  return cells;
}

// Why two cells' times cannot be compared ("" when they can): a ratio needs ok repetitions
// on both sides and a baseline above zero.
std::string no_times(const CellData& a, const CellData& b) {
  if (a.totals.empty() || b.totals.empty())
    return fmt::format("no ok repetitions in the {}", a.totals.empty() && b.totals.empty() ? "baseline and the contender"
                                                      : a.totals.empty() ? "baseline" : "contender");
  return a.median > 0 ? "" : "the baseline's median is 0";
}

}  // namespace

double mann_whitney_p(const std::vector<double>& a, const std::vector<double>& b) {
  const double n1 = static_cast<double>(a.size()), n2 = static_cast<double>(b.size());
  if (a.empty() || b.empty()) return 1;
  std::vector<std::pair<double, int>> all;
  for (double x : a) all.push_back({x, 0});
  for (double x : b) all.push_back({x, 1});
  std::sort(all.begin(), all.end());
  // Ranks with ties averaged; tie correction term for the variance.
  double rank_a = 0, ties = 0;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const double t = static_cast<double>(j - i), avg = (static_cast<double>(i + j) + 1) / 2;
    for (size_t k = i; k < j; ++k)
      if (all[k].second == 0) rank_a += avg;
    ties += t * t * t - t;
    i = j;
  }
  const double u = rank_a - n1 * (n1 + 1) / 2, n = n1 + n2;
  const double mean = n1 * n2 / 2;
  const double var = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
  if (var <= 0) return 1;
  const double z = (std::fabs(u - mean) - 0.5) / std::sqrt(var);  // continuity correction
  return std::min(1.0, std::erfc(std::max(0.0, z) / std::sqrt(2.0)));
}

Json compare_runs(const RunStore& a, const RunStore& b, const CompareOptions& o) {
  const auto ca = load(a), cb = load(b);
  Json cells = Json::array();
  for (const auto& [key, da] : ca) {
    Json c = to_json(key);
    c["status_a"] = da.status;
    c["a"] = da.median;
    const auto it = cb.find(key);
    if (it == cb.end()) {
      c["verdict"] = "only-a";
      cells.push_back(c);
      continue;
    }
    const CellData& db = it->second;
    c["status_b"] = db.status;
    c["b"] = db.median;
    const bool ok_a = da.status == Status::ok, ok_b = db.status == Status::ok;
    if (ok_a != ok_b) {
      c["verdict"] = ok_a ? "broken" : "fixed";
    } else if (!ok_a) {
      c["verdict"] = "same";
    } else if (const std::string none = no_times(da, db); !none.empty()) {
      // A summary that says ok over records that are gone or unreadable: nothing to divide.
      c["verdict"] = "same";
      c["note"] = none;
    } else {
      const double ratio = db.median / da.median, p = mann_whitney_p(da.totals, db.totals);
      c["ratio"] = ratio;
      c["p"] = p;
      if (const auto ci = ratio_interval(da.totals, db.totals)) {
        c["ratio_low"] = ci->lo;
        c["ratio_high"] = ci->hi;
        c["ratio_interval_reaches_95"] = ci->reaches;
      }
      c["verdict"] = p < o.alpha && ratio > o.threshold ? "slower" : p < o.alpha && ratio < 1 / o.threshold ? "faster" : "same";
    }
    cells.push_back(c);
  }
  for (const auto& [key, db] : cb)
    if (!ca.count(key)) {
      Json c = to_json(key);
      c["status_b"] = db.status;
      c["b"] = db.median;
      c["verdict"] = "only-b";
      cells.push_back(c);
    }
  return {{"a", a.id()}, {"b", b.id()}, {"threshold", o.threshold}, {"alpha", o.alpha}, {"cells", cells}};
}

}  // namespace fhebench
