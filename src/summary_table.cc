#include "summary_table.h"

#include <fmt/format.h>

#include <algorithm>

#include "cell_summary.h"
#include "protocol.h"
#include "record.h"
#include "run_options.h"

namespace fhebench {
namespace {

std::string security(const SecurityLevel& s) {
  if (s.source == "none") return "-";
  if (s.below_128) return "BELOW 128";
  const std::string bits = s.bits ? std::to_string(*s.bits) : "?";
  return s.source == "declared" ? bits + " (declared)" : bits;
}

std::string status_text(const CellSummary& c) {
  const std::string st = to_string(c.status);
  if (c.fine()) return st;
  std::string reason = c.reason;
  if (reason.size() > 60) reason = reason.substr(0, 57) + "...";
  return fmt::format("{}{}", c.status == Status::incorrect ? "INCORRECT" : st, reason.empty() ? "" : ": " + reason);
}

std::string total_interval(const CellSummary& c) {
  if (!c.has_figures()) return "-";
  return format_interval(c.phases.at("total").ci);
}

std::string repetitions(const CellSummary& c) {
  return c.stop.empty() ? std::to_string(c.n_used) : fmt::format("{} ({})", c.n_used, c.stop);
}

// "Warnings:" and a line per warning of each cell, or "" without any.
std::string warning_lines(const RunSummary& summary) {
  std::string out;
  for (const auto& c : summary.cells)
    for (const auto& w : c.warnings)
      out += fmt::format("- {} {} {}: {}\n", c.label(), c.cell.benchmark, c.cell.size_key, w);
  return out.empty() ? "" : "\nWarnings:\n" + out;
}

std::string repetitions_heading(const Json& options) {
  const RunOptions o = options_from_json(options);
  if (!o.adaptive()) return fmt::format("{} repetitions", options.value("repetitions", 0));
  return fmt::format("adaptive {} to {} repetitions{}{}", o.min_repetitions, o.max_repetitions,
                     o.target_ci_pct > 0 ? fmt::format(", target ±{:g}%", o.target_ci_pct) : "",
                     o.time_budget_s > 0 ? ", budget " + format_seconds(o.time_budget_s) : "");
}

std::string phase(const CellSummary& c, const char* name) {
  const auto it = c.phases.find(name);
  if (it == c.phases.end() || it->second.n == 0) return "-";
  std::string v = format_seconds(it->second.median);
  // A figure from repetitions that were not ok is flagged where it is shown.
  return c.fine() ? v : v + "!";
}

}  // namespace

std::string format_seconds(double s) {
  if (s < 1e-3) return fmt::format("{:.0f} µs", s * 1e6);
  if (s < 1) return fmt::format("{:.3g} ms", s * 1e3);
  if (s < 1000) return fmt::format("{:.3g} s", s);
  return fmt::format("{:.0f} s", s);  // not 1.23e+03
}

std::string format_interval(const MedianInterval& ci) {
  const std::string text = fmt::format("[{}, {}]", format_seconds(ci.lo), format_seconds(ci.hi));
  return ci.reaches() ? text : fmt::format("{} ({:.0f}%)", text, ci.coverage * 100);
}

std::string format_bytes(double b) {
  if (b <= 0) return "-";
  if (b < 1024 * 1024) return fmt::format("{:.0f} KiB", b / 1024);
  if (b < 1024.0 * 1024 * 1024) return fmt::format("{:.1f} MiB", b / 1024 / 1024);
  return fmt::format("{:.2f} GiB", b / 1024 / 1024 / 1024);
}

std::string summary_markdown(const RunSummary& summary, const Json& run) {
  const bool compiled = summary.compiled();  // the compile column only when some tool compiles a circuit
  const std::string& reference = summary.reference;
  std::vector<std::string> head = {"benchmark", "size", "tool", "variant", "keygen", "encrypt", "compute", "decrypt",
                                   "total", "total 95% CI", reference == kDefaultReference ? "× plain" : "× " + reference,
                                   "memory", "status", "reps", "scheme", "parameters", "security"};
  if (compiled) head.insert(head.begin() + 4, kCompilePhase);
  std::vector<std::vector<std::string>> rows = {head};
  for (const auto& c : summary.cells) {
    const Cell& k = c.cell;
    std::vector<std::string> row = {k.benchmark, k.size_key, k.tool, k.variant, phase(c, "keygen"),
                                    phase(c, "encrypt"), phase(c, "compute"), phase(c, "decrypt"), phase(c, "total"),
                                    total_interval(c), c.vs_reference ? fmt::format("{:.3g}", *c.vs_reference) : "-",
                                    format_bytes(c.peak_rss_median), status_text(c), repetitions(c), k.scheme,
                                    c.parameters(), security(c.security)};
    if (compiled) row.insert(row.begin() + 4, phase(c, kCompilePhase));
    rows.push_back(std::move(row));
  }
  std::vector<size_t> width(rows[0].size(), 0);
  auto display_width = [](const std::string& s) {  // UTF-8: count code points, not bytes
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
  };
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  auto line = [&](const std::vector<std::string>& r) {
    std::string s = "|";
    for (size_t i = 0; i < r.size(); ++i) s += " " + r[i] + std::string(width[i] - display_width(r[i]), ' ') + " |";
    return s + "\n";
  };
  std::string out = fmt::format("# fhebench run {}\n\n", run.value("id", ""));
  const Json& m = run.value("machine", Json::object());
  const Json& o = run.value("options", Json::object());
  out += fmt::format("{} · {} cores · {} · {} (+{} warm-up), {} thread(s), seed {}, inputs: {}\n\n",
                     m.value("cpu_model", "?"), m.value("cores", 0), format_bytes(m.value("memory_bytes", 0.0)),
                     repetitions_heading(o), o.value("warmup", 0), o.value("threads", 1), o.value("seed", 0),
                     o.value("case", "generated"));
  out += line(rows[0]);
  std::vector<std::string> rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  out += line(rule);
  for (size_t i = 1; i < rows.size(); ++i) out += line(rows[i]);
  out += "\nMedians over ok repetitions; `!` marks figures from repetitions that were not ok. "
         "95% CI: distribution-free interval of the median total (order statistics); a percentage after it is its "
         "real coverage, below 95% with fewer than 6 repetitions. "
         "Security by the HomomorphicEncryption.org tables (ternary secret) unless declared.\n";
  return out + warning_lines(summary);
}

}  // namespace fhebench
