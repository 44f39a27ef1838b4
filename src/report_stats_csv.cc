#include "report_stats_csv.h"

#include <fmt/format.h>

#include <cmath>

#include "protocol.h"

namespace fhebench {
namespace {

constexpr const char* kStats[] = {"median", "mean", "sd", "min", "max"};
constexpr const char* kCountNames[] = {"ok", "incorrect", "error", "timeout", "unsupported"};

std::string num(const Json& j) { return j.is_number() ? fmt::format("{:.9g}", j.get<double>()) : ""; }

std::string header() {
  std::vector<std::string> h = {"run", "benchmark", "size", "tool", "variant", "impl", "scheme", "status"};
  for (const char* c : kCountNames) h.push_back(std::string("reps_") + c);
  h.push_back("n_used");
  for (const char* p : {"keygen", "encrypt", "compute", "decrypt", "total"})
    for (const char* s : kStats) h.push_back(fmt::format("{}_{}_ms", p, s));
  for (const char* s : {"wall_median_ms", "peak_memory_median_bytes", "peak_memory_max_bytes", "vs_plaintext",
                        "security_bits", "security_source", "below_128", "precision_bits", "library",
                        "library_version", "poly_modulus_degree", "log_q", "reason"})
    h.push_back(s);
  return fmt::format("{}\n", fmt::join(h, ","));
}

std::string row(const std::string& run, const Json& c) {
  std::vector<std::string> f = {run, c.value("benchmark", ""), c.value("size_key", ""), c.value("tool", ""),
                                c.value("variant", ""), c.value("impl", ""), c.value("scheme", ""), c.value("status", "")};
  const Json& counts = c.value("counts", Json::object());
  for (const char* k : kCountNames) f.push_back(std::to_string(counts.value(k, 0)));
  f.push_back(std::to_string(c.value("n_used", 0)));
  for (const char* p : {"keygen", "encrypt", "compute", "decrypt", "total"})
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
  long log_q = 0;
  if (fhe.contains("coeff_modulus_bits") && fhe["coeff_modulus_bits"].is_array())
    for (const auto& b : fhe["coeff_modulus_bits"]) log_q += b.is_number() ? b.get<long>() : 0;
  f.push_back(log_q ? std::to_string(log_q) : "");
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
  std::string out = header();
  for (const auto& b : cells_by_benchmark(run.summary))
    for (const auto& size : b.sizes)
      for (const Json* c : size) out += row(run.id, *c);
  return out;
}

}  // namespace fhebench
