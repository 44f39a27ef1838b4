#include "report_stats_csv.h"

#include <fmt/format.h>

#include <cmath>

#include "cell_summary.h"
#include "protocol.h"
#include "record.h"

namespace fhebench {
namespace {

constexpr const char* kStats[] = {"median", "mean", "sd", "min", "max"};

std::string num(const Json& j) { return j.is_number() ? fmt::format("{:.9g}", j.get<double>()) : ""; }

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
    for (const char* s : kStats) h.push_back(fmt::format("{}_{}_ms", p, s));
  for (const char* s : {"wall_median_ms", "peak_memory_median_bytes", "peak_memory_max_bytes", "vs_plaintext",
                        "security_bits", "security_source", "below_128", "precision_bits", "library",
                        "library_version", "poly_modulus_degree", "log_q", "reason"})
    h.push_back(s);
  return fmt::format("{}\n", fmt::join(h, ","));
}

std::string row(const std::string& run, const Json& c, bool compiled) {
  std::vector<std::string> f = {run, c.value("benchmark", ""), c.value("size_key", ""), c.value("tool", ""),
                                c.value("variant", ""), c.value("impl", ""), c.value("scheme", ""), c.value("status", "")};
  const Json& counts = c.value("counts", Json::object());
  for (Status st : kRepetitionStatuses) f.push_back(std::to_string(counts.value(to_string(st), 0)));
  f.push_back(std::to_string(c.value("n_used", 0)));
  for (const auto& p : column_phases(compiled))
    for (const char* s : kStats) {
      const double v = has_figures(c) && c["phases"].contains(p) && c["phases"][p].value("n", 0) > 0
                           ? c["phases"][p].value(s, 0.0) * 1e3 : NAN;
      f.push_back(std::isnan(v) ? "" : fmt::format("{:.9g}", v));
    }
  const Json& wall = c.value("wall", Json::object());
  f.push_back(wall.value("n", 0) > 0 ? fmt::format("{:.9g}", wall.value("median", 0.0) * 1e3) : "");
  const Json& mem = c.value("peak_rss_bytes", Json::object());
  f.push_back(num(mem.value("median", Json())));
  f.push_back(num(mem.value("max", Json())));
  f.push_back(num(c.value("vs_plaintext", Json())));
  const Json& sec = c.value("security", Json::object());
  f.push_back(num(sec.value("bits", Json())));
  f.push_back(sec.value("source", ""));
  f.push_back(sec.value("below_128", false) ? "true" : "false");
  f.push_back(num(c.value("precision_bits", Json())));
  const Json& fhe = c.value("fhe", Json::object());
  f.push_back(text_of(fhe, "library"));
  f.push_back(text_of(fhe, "library_version"));
  f.push_back(num(fhe.value("poly_modulus_degree", Json())));
  const std::optional<long> log_q = c.contains("log_q") && c["log_q"].is_number() ? std::optional<long>(c["log_q"].get<long>()) : log_q_of(fhe);
  f.push_back(log_q && *log_q ? std::to_string(*log_q) : "");
  f.push_back(c.value("reason", ""));
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
  bool compiled = false;
  for (const auto& c : run.summary["cells"]) compiled |= c.contains("phases") && c["phases"].contains(kCompilePhase);
  std::string out = header(compiled);
  for (const auto& b : cells_by_benchmark(run.summary))
    for (const auto& size : b.sizes)
      for (const Json* c : size) out += row(run.id, *c, compiled);
  return out;
}

}  // namespace fhebench
