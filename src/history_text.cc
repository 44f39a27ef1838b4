#include "history_text.h"

#include <fmt/format.h>

#include <set>

#include "summary_table.h"

namespace fhebench {
namespace {

std::string where(const IndexedCell& c) {
  return fmt::format("run {} (fhebench {}{}{})", c.run_id, c.fhebench_commit.empty() ? "?" : c.fhebench_commit,
                     c.versions.empty() ? "" : ", ", c.versions);
}

std::string figure(const IndexedCell& c) {
  if (!c.total_median_s) return "-";
  std::string s = format_seconds(*c.total_median_s);
  if (c.ci_low && c.ci_high) s += fmt::format(" [{}, {}]", format_seconds(*c.ci_low), format_seconds(*c.ci_high));
  return s;
}

std::string date(const std::string& started) {  // "2026-12-02T16:00:00Z" -> "2026-12-02 16:00"
  return started.size() >= 16 ? started.substr(0, 10) + " " + started.substr(11, 5) : started;
}

void add_series(std::string& out, const CellHistory& h) {
  out += fmt::format("\n{} {}/{} {}\n", h.key.tool, h.key.benchmark, h.key.variant, h.key.size_key);
  for (size_t i = 0; i < h.points.size(); ++i) {
    const IndexedCell& c = h.points[i];
    out += fmt::format("  {:<16}  {:<17} {:<9} {:<24} {:<32} {}\n", date(c.started), c.run_id,
                       c.fhebench_commit.empty() ? "?" : c.fhebench_commit, c.versions.empty() ? "-" : c.versions,
                       figure(c), c.status == "ok" ? "" : c.status);
    for (const HistoryStep& s : h.steps)
      if (s.after == i) out += fmt::format("  {} step: {}\n", s.step.regression() ? "▲" : "▼", step_text(h, s));
  }
}

}  // namespace

std::string step_text(const CellHistory& h, const HistoryStep& s) {
  const double pct = (s.step.ratio - 1) * 100;
  return fmt::format("{:+.1f}% {} ({}, z {:.1f}) between {} and {}", pct, pct > 0 ? "slower" : "faster",
                     s.step.regression() ? "regression" : "improvement", s.step.z, where(h.points[s.before]),
                     where(h.points[s.after]));
}

std::string history_text(const std::vector<CellHistory>& series) {
  std::string out;
  std::set<std::string> done;
  for (const CellHistory& h : series) {
    if (!done.insert(h.machine).second) continue;
    out += fmt::format("{}machine {}: {}\n", out.empty() ? "" : "\n", h.machine, h.machine_label);
    for (const CellHistory& same : series)
      if (same.machine == h.machine) add_series(out, same);
  }
  return out;
}

}  // namespace fhebench
