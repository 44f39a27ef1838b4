#include "adaptive_estimate.h"

#include <fmt/format.h>

#include <algorithm>

#include "run_index.h"
#include "summary_table.h"

namespace fhebench {

namespace {

// A repetition's wall time (process start, imports and verification included), else its
// phase total, which leaves those out (indexes of runs before the wall time was kept).
std::optional<double> repetition_seconds(const IndexedCell& c) {
  if (c.wall_median_s > 0) return c.wall_median_s;
  if (c.total_median_s > 0) return c.total_median_s;
  return std::nullopt;
}

}  // namespace

std::vector<std::optional<double>> estimate_repetition_seconds(const fs::path& results_dir, const std::vector<Cell>& cells) {
  std::vector<std::optional<double>> out(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    try {
      const Cell& c = cells[i];
      const auto history = indexed_cells(results_dir, {.tools = {c.tool}, .benchmarks = {c.benchmark}, .size_key = c.size_key, .machine = {}});
      for (auto it = history.rbegin(); it != history.rend() && !out[i]; ++it)
        if (it->key.variant == c.variant && it->status == "ok") out[i] = repetition_seconds(*it);
    } catch (const std::exception&) {
      // no index or an unreadable one: the cell has no estimate
    }
  }
  return out;
}

std::string estimate_line(const std::vector<std::optional<double>>& per_rep, const RunOptions& o) {
  double low = 0, high = 0;
  size_t known = 0;
  for (const auto& s : per_rep)
    if (s) {
      ++known;
      low += *s * (o.warmup + o.min_repetitions);
      high += *s * (o.warmup + o.max_repetitions);
    }
  const size_t unknown = per_rep.size() - known;
  std::string line = fmt::format("time budget {}: ", format_seconds(o.time_budget_s));
  if (known == 0)
    return line + "no estimate (no earlier run of these cells in the results index); cells run in matrix order";
  line += fmt::format("estimated {} to {} ({} to {} repetitions + {} warm-up) for {} of {} cells, from earlier runs in the "
                      "results index",
                      format_seconds(low), format_seconds(high), o.min_repetitions, o.max_repetitions, o.warmup, known,
                      per_rep.size());
  if (unknown) line += fmt::format("; {} cell(s) never ran before and run last", unknown);
  return line + "; cheapest cells first";
}

void order_cheap_first(std::vector<CellJob>& jobs, const std::vector<std::optional<double>>& per_rep) {
  std::stable_sort(jobs.begin(), jobs.end(), [&](const CellJob& a, const CellJob& b) {
    const auto& x = per_rep[a.index];
    const auto& y = per_rep[b.index];
    if (x && y) return *x < *y;
    return x.has_value() && !y.has_value();
  });
}

}  // namespace fhebench
