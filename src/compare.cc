#include "compare.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "atomic_file.h"
#include "protocol.h"
#include "stats.h"

namespace fhebench {
namespace {

struct CellData {
  std::string status;
  std::vector<double> totals;  // of ok repetitions
  double median = 0;
};

std::map<std::string, CellData> load(const RunStore& store) {
  std::map<std::string, CellData> cells;
  const auto text = read_file(store.dir() / "summary.json");
  const Json summary = text ? Json::parse(*text, nullptr, false) : Json::object();
  const Json run = store.read_run();
  for (const auto& c : run["matrix"]) {
    const Cell cell = cell_from_json(c);
    CellData d;
    for (const auto& r : store.records(cell)) {
      if (r.value("status", "") != "ok") continue;
      d.totals.push_back(canonical_total(r.value("phases", Json::object())));
    }
    for (const auto& s : summary.value("cells", Json::array()))
      if (s["impl"] == cell.impl && s["size_key"] == cell.size_key) d.status = s["status"];
    d.median = compute_stats(d.totals).median;
    cells[cell.tool + "|" + cell.benchmark + "|" + cell.variant + "|" + cell.size_key] = d;
  }
  return cells;
}

Json key_json(const std::string& key) {
  std::vector<std::string> parts;
  for (size_t a = 0, b; a <= key.size(); a = b + 1) {
    b = key.find('|', a);
    if (b == std::string::npos) b = key.size();
    parts.push_back(key.substr(a, b - a));
  }
  return {{"tool", parts[0]}, {"benchmark", parts[1]}, {"variant", parts[2]}, {"size_key", parts[3]}};
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
    Json c = key_json(key);
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
    const bool ok_a = da.status == "ok", ok_b = db.status == "ok";
    if (ok_a != ok_b) {
      c["verdict"] = ok_a ? "broken" : "fixed";
    } else if (!ok_a) {
      c["verdict"] = "same";
    } else {
      const double ratio = db.median / da.median, p = mann_whitney_p(da.totals, db.totals);
      c["ratio"] = ratio;
      c["p"] = p;
      c["verdict"] = p < o.alpha && ratio > o.threshold ? "slower" : p < o.alpha && ratio < 1 / o.threshold ? "faster" : "same";
    }
    cells.push_back(c);
  }
  for (const auto& [key, db] : cb)
    if (!ca.count(key)) {
      Json c = key_json(key);
      c["status_b"] = db.status;
      c["b"] = db.median;
      c["verdict"] = "only-b";
      cells.push_back(c);
    }
  return {{"a", a.id()}, {"b", b.id()}, {"threshold", o.threshold}, {"alpha", o.alpha}, {"cells", cells}};
}

}  // namespace fhebench
