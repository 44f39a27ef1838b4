#include "report_stats_csv.h"

#include <fmt/format.h>

#include <cmath>

#include "cell_summary.h"
#include "protocol.h"
#include "record.h"

namespace fhebench {
namespace {

constexpr std::pair<const char*, double Stats::*> kStats[] = {
    {"median", &Stats::median}, {"mean", &Stats::mean}, {"sd", &Stats::sd}, {"min", &Stats::min}, {"max", &Stats::max}};

std::string num(double v) { return fmt::format("{:.9g}", v); }
std::string num(const std::optional<double>& v) { return v ? num(*v) : ""; }
std::string num(const Json& j) { return j.is_number() ? num(j.get<double>()) : ""; }

// The phases of the columns: the four SoK phases, compile (only in runs with a compiler), total.
std::vector<std::string> column_phases(bool compiled) {
  std::vector<std::string> p = {"keygen", "encrypt", "compute", "decrypt"};
  if (compiled) p.push_back(kCompilePhase);
  p.push_back("total");
  return p;
}

std::string header(bool compiled) {
  std::vector<std::string> h = {"run", "benchmark", "size", "tool", "variant", "impl", "scheme", "status"};
  for (Status st : kRepetitionStatuses) h.push_back("reps_" + to_string(st));
  h.push_back("n_used");
  for (const auto& p : column_phases(compiled))
    for (const auto& [s, _] : kStats) h.push_back(fmt::format("{}_{}_ms", p, s));
  for (const char* s : {"wall_median_ms", "peak_memory_median_bytes", "peak_memory_max_bytes", "vs_plaintext",
                        "security_bits", "security_source", "below_128", "precision_bits", "library",
                        "library_version", "poly_modulus_degree", "log_q", "reason",
                        // added later, so after the rest: scripts read columns by position too
                        "total_ci_low_ms", "total_ci_high_ms", "total_ci_coverage", "stop", "warnings"})
    h.push_back(s);
  return fmt::format("{}\n", fmt::join(h, ","));
}

std::string row(const std::string& run, const CellSummary& c, bool compiled) {
  const Cell& k = c.cell;
  std::vector<std::string> f = {run, k.benchmark, k.size_key, k.tool, k.variant, k.impl, k.scheme, to_string(c.status)};
  for (Status st : kRepetitionStatuses) f.push_back(std::to_string(c.counts.count(st) ? c.counts.at(st) : 0));
  f.push_back(std::to_string(c.n_used));
  for (const auto& p : column_phases(compiled))
    for (const auto& [_, stat] : kStats) {
      const auto it = c.phases.find(p);
      f.push_back(c.has_figures() && it != c.phases.end() && it->second.n > 0 ? num(it->second.*stat * 1e3) : "");
    }
  f.push_back(c.wall.n > 0 ? num(c.wall.median * 1e3) : "");
  f.push_back(num(c.peak_rss_median));
  f.push_back(num(c.peak_rss_max));
  f.push_back(num(c.vs_reference));
  f.push_back(c.security.bits ? num(*c.security.bits) : "");
  f.push_back(c.security.source);
  f.push_back(c.security.below_128 ? "true" : "false");
  f.push_back(num(c.precision_bits));
  f.push_back(text_of(c.fhe, "library"));
  f.push_back(text_of(c.fhe, "library_version"));
  f.push_back(num(c.fhe.is_object() ? c.fhe.value("poly_modulus_degree", Json()) : Json()));
  const std::optional<long> log_q = c.log_q();
  f.push_back(log_q && *log_q ? std::to_string(*log_q) : "");
  f.push_back(c.reason);
  const MedianInterval& ci = total_interval(c);
  for (double v : {ci.lo * 1e3, ci.hi * 1e3, ci.coverage}) f.push_back(c.has_figures() ? num(v) : "");
  f.push_back(c.stop);
  f.push_back(fmt::format("{}", fmt::join(c.warnings, " | ")));
  for (auto& s : f) s = csv_field(s);
  return fmt::format("{}\n", fmt::join(f, ","));
}

}  // namespace

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string stats_csv(const ReportRun& run) {
  const bool compiled = run.summary.compiled();
  std::string out = header(compiled);
  for (const auto& b : cells_by_benchmark(run.summary))
    for (const auto& size : b.sizes)
      for (const CellSummary* c : size) out += row(run.id, *c, compiled);
  return out;
}

}  // namespace fhebench
