#include "report_data.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <regex>
#include <stdexcept>

#include "atomic_file.h"
#include "cell_summary.h"

namespace fhebench {

bool valid_run_id(const std::string& id) {
  static const std::regex pattern(R"(\d{8}_\d{6}(_\d{1,6})?)");
  return std::regex_match(id, pattern);
}

std::vector<std::string> run_ids(const fs::path& results_dir) {
  std::vector<std::pair<std::string, int>> found;  // (second, suffix): "_10" after "_9"
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(results_dir, ec)) {
    const std::string id = e.path().filename().string();
    if (!valid_run_id(id) || !e.is_directory(ec) || !is_run_folder(e.path())) continue;
    found.emplace_back(id.substr(0, 15), id.size() > 15 ? std::stoi(id.substr(16)) : 1);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> ids;
  for (const auto& [base, n] : found) ids.push_back(n == 1 ? base : base + "_" + std::to_string(n));
  return ids;
}

ReportRun load_report_run(const RunStore& store) {
  return {store.id(), store.dir(), store.read_run(), read_run_summary(store)};
}

static double stat_of(const CellSummary& cell, const std::string& phase, double Stats::*what) {
  const auto it = cell.phases.find(phase);
  if (!cell.has_figures() || it == cell.phases.end() || it->second.n == 0) return std::numeric_limits<double>::quiet_NaN();
  return it->second.*what;
}

double phase_median(const CellSummary& cell, const std::string& phase) { return stat_of(cell, phase, &Stats::median); }
double phase_sd(const CellSummary& cell, const std::string& phase) { return stat_of(cell, phase, &Stats::sd); }

MedianInterval total_interval(const CellSummary& cell) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (!cell.has_figures()) return {nan, nan, 0};
  return cell.phases.at("total").ci;
}

size_t BenchmarkCells::count() const {
  size_t n = 0;
  for (const auto& s : sizes) n += s.size();
  return n;
}

std::vector<BenchmarkCells> cells_by_benchmark(const RunSummary& summary) {
  std::vector<BenchmarkCells> out;
  std::map<std::string, std::map<std::string, std::vector<const CellSummary*>>> groups;
  for (const auto& c : summary.cells) {
    const std::string& b = c.cell.benchmark;
    if (std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.benchmark == b; })) out.push_back({b, {}});
    groups[b][c.cell.size_key].push_back(&c);
  }
  auto size_less = [](const CellSummary* a, const CellSummary* b) {  // numeric, key by key (keys are sorted)
    for (const auto& [k, x] : a->cell.size) {
      const auto it = b->cell.size.find(k);
      const int64_t y = it == b->cell.size.end() ? 0 : it->second;
      if (x != y) return x < y;
    }
    return false;
  };
  auto faster = [](const CellSummary* a, const CellSummary* b) {
    const double ta = phase_median(*a, "total"), tb = phase_median(*b, "total");
    if (std::isnan(ta) != std::isnan(tb)) return std::isnan(tb);
    if (!std::isnan(ta) && ta != tb) return ta < tb;
    return a->label() < b->label();
  };
  for (auto& bc : out) {
    for (auto& [_, cells] : groups[bc.benchmark]) {
      std::sort(cells.begin(), cells.end(), faster);
      bc.sizes.push_back(cells);
    }
    std::sort(bc.sizes.begin(), bc.sizes.end(), [&](const auto& a, const auto& b) { return size_less(a[0], b[0]); });
  }
  return out;
}

TimeUnit unit_for(double max_seconds) {
  if (max_seconds >= 1) return {"s", 1};
  if (max_seconds >= 1e-3) return {"ms", 1e3};
  return {"µs", 1e6};
}

std::string text_of(const Json& object, const std::string& key) {
  if (!object.is_object() || !object.contains(key) || object[key].is_null()) return "";
  return object[key].is_string() ? object[key].get<std::string>() : dump_json(object[key]);
}

std::string dump_json(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace fhebench
