#include "cell_summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "adaptive_record.h"
#include "cell_warnings.h"
#include "protocol.h"
#include "run_options.h"

namespace fhebench {
namespace {

// ok when every expected repetition is ok (or the tool declined the size); else the worst.
Status cell_status(const std::map<Status, int>& counts, size_t n, int expected) {
  if (n == 0) return Status::missing;
  for (Status s : {Status::incorrect, Status::error, Status::timeout})
    if (counts.at(s) > 0) return s;
  if (counts.at(Status::unsupported) > 0) return Status::unsupported;
  return static_cast<int>(n) < expected ? Status::partial : Status::ok;
}

// Figures come from ok repetitions; without any, from those that reported phases, and the
// status says they are not to be trusted.
std::vector<const Record*> used_records(const std::vector<Record>& records) {
  std::vector<const Record*> used;
  for (const auto& r : records)
    if (r.status == Status::ok) used.push_back(&r);
  if (used.empty())
    for (const auto& r : records)
      if (!r.phases.empty()) used.push_back(&r);
  return used;
}

SecurityLevel security_from_json(const Json& j) {
  SecurityLevel s;
  s.source = j.value("source", "none");
  if (j.contains("bits") && j["bits"].is_number_integer()) s.bits = j["bits"].get<int>();
  s.below_128 = j.value("below_128", false);
  s.note = j.value("note", "");
  return s;
}

}  // namespace

std::string impl_label(const std::string& tool, const std::string& variant) {
  return variant == "default" ? tool : tool + "/" + variant;
}

std::optional<long> log_q_of(const Json& fhe) {
  if (!fhe.is_object() || !fhe.contains("coeff_modulus_bits") || !fhe["coeff_modulus_bits"].is_array())
    return std::nullopt;
  long q = 0;
  for (const auto& b : fhe["coeff_modulus_bits"])
    if (b.is_number()) q += b.get<long>();
  return q;
}

std::string CellSummary::label() const { return impl_label(cell.tool, cell.variant); }

std::optional<long> CellSummary::log_q() const { return log_q_of(fhe); }

bool CellSummary::has_figures() const {
  const auto it = phases.find("total");
  return it != phases.end() && it->second.n > 0;
}

std::string CellSummary::parameters() const {
  if (!fhe.is_object() || fhe.empty()) return "";
  std::vector<std::string> parts;
  if (fhe.contains("poly_modulus_degree")) parts.push_back(fmt::format("n={}", fhe["poly_modulus_degree"].dump()));
  if (const auto q = log_q()) parts.push_back(fmt::format("log q={}", *q));
  if (fhe.contains("plain_modulus")) parts.push_back(fmt::format("t={}", fhe["plain_modulus"].dump()));
  if (fhe.contains("scale_bits")) parts.push_back(fmt::format("scale 2^{}", fhe["scale_bits"].dump()));
  // Gate-bootstrapping (TFHE) parameter sets: LWE and TLWE dimensions, as the TFHE library and
  // Cingulata name them (lwe_n, tlwe_N) or as tfhe-rs does (lwe_dimension, polynomial_size).
  for (const char* key : {"lwe_n", "lwe_dimension"})
    if (fhe.contains(key)) parts.push_back(fmt::format("LWE n={}", fhe[key].dump()));
  for (const char* key : {"tlwe_N", "polynomial_size"})
    if (fhe.contains(key)) parts.push_back(fmt::format("TLWE N={}", fhe[key].dump()));
  return fmt::format("{}", fmt::join(parts, ", "));
}

Json to_json(const CellSummary& s) {
  Json j = to_json(s.cell);
  j.erase("dir");
  j["status"] = s.status;
  j["counts"] = Json::object();
  for (Status st : kRepetitionStatuses) j["counts"][to_string(st)] = s.counts.count(st) ? s.counts.at(st) : 0;
  j["reason"] = s.reason;
  j["phases"] = Json::object();
  for (const auto& [name, st] : s.phases) j["phases"][name] = to_json(st);
  j["wall"] = to_json(s.wall);
  j["peak_rss_bytes"] = {{"median", s.peak_rss_median}, {"max", s.peak_rss_max}};
  j["memory_method"] = s.memory_method;
  j["fhe"] = s.fhe;
  j["sizes"] = s.sizes;
  j["security"] = to_json(s.security);
  if (s.precision_bits) j["precision_bits"] = *s.precision_bits;
  j["n_used"] = s.n_used;
  j["vs_plaintext"] = s.vs_reference ? Json(*s.vs_reference) : Json();
  j["warnings"] = s.warnings;
  j["stop"] = s.stop.empty() ? Json() : Json(s.stop);
  // Derived here once, so that no report (terminal, CSV, LaTeX, site) recomputes them.
  j["label"] = s.label();
  j["fine"] = s.fine();
  j["parameters"] = s.parameters();
  j["log_q"] = s.log_q() ? Json(*s.log_q()) : Json();
  return j;
}

CellSummary cell_summary_from_json(const Json& j) {
  CellSummary s;
  s.cell = {j.value("tool", ""), j.value("benchmark", ""), j.value("variant", ""), j.value("scheme", "none"),
            j.value("impl", ""), j.value("size", Size{}), j.value("size_key", ""), fs::path()};
  s.status = j.value("status", Status::error);
  const Json counts = j.value("counts", Json::object());
  for (Status st : kRepetitionStatuses) s.counts[st] = counts.value(to_string(st), 0);
  s.reason = j.value("reason", "");
  const Json phases = j.value("phases", Json::object());
  for (const auto& [name, st] : phases.items()) s.phases[name] = stats_from_json(st);
  s.wall = stats_from_json(j.value("wall", Json::object()));
  const Json mem = j.value("peak_rss_bytes", Json::object());
  s.peak_rss_median = mem.value("median", 0.0);
  s.peak_rss_max = mem.value("max", 0.0);
  s.memory_method = j.value("memory_method", "");
  s.fhe = j.value("fhe", Json::object());
  s.sizes = j.value("sizes", Json::object());
  s.security = security_from_json(j.value("security", Json::object()));
  if (j.contains("precision_bits") && j["precision_bits"].is_number()) s.precision_bits = j["precision_bits"].get<double>();
  s.n_used = j.value("n_used", size_t{0});
  if (j.contains("vs_plaintext") && j["vs_plaintext"].is_number()) s.vs_reference = j["vs_plaintext"].get<double>();
  for (const auto& w : j.value("warnings", Json::array()))
    if (w.is_string()) s.warnings.push_back(w.get<std::string>());
  if (j.contains("stop") && j["stop"].is_string()) s.stop = j["stop"].get<std::string>();
  return s;
}

CellSummary summarize_cell(const Cell& cell, const std::vector<Record>& records, int expected_reps,
                           const std::vector<Record>& warmups) {
  CellSummary s;
  s.cell = cell;
  for (Status st : kRepetitionStatuses) s.counts[st] = 0;
  for (const auto& r : records) {
    s.counts[s.counts.count(r.status) ? r.status : Status::error]++;
    if (r.status != Status::ok && s.reason.empty()) s.reason = r.reason;
  }
  s.status = cell_status(s.counts, records.size(), expected_reps);
  const auto used = used_records(records);
  std::map<std::string, std::vector<double>> phases;
  std::vector<double> wall, memory, precision;
  const bool compiled = std::any_of(used.begin(), used.end(), [](const Record* r) { return r->phases.contains(kCompilePhase); });
  for (const Record* r : used) {
    for (const char* name : kCanonicalPhases) phases[name].push_back(r->phases.value(name, 0.0));
    if (compiled) phases[kCompilePhase].push_back(r->phases.value(kCompilePhase, 0.0));
    phases["total"].push_back(canonical_total(r->phases));
    wall.push_back(r->measure ? r->measure->wall_s : 0.0);
    memory.push_back(static_cast<double>(r->measure ? r->measure->peak_rss_bytes : 0));
    if (const auto p = r->precision_bits()) precision.push_back(*p);
  }
  for (const auto& [name, values] : phases) s.phases[name] = compute_stats(values);
  s.wall = compute_stats(wall);
  const Stats mem = compute_stats(memory);
  s.peak_rss_median = mem.median;
  s.peak_rss_max = mem.max;
  s.memory_method = used.empty() || !used.front()->measure ? "" : used.front()->measure->memory_method;
  if (!used.empty() && used.back()->fhe.is_object()) s.fhe = used.back()->fhe;
  if (!used.empty() && used.back()->sizes.is_object()) s.sizes = used.back()->sizes;
  s.security = security_level(s.fhe);
  if (!precision.empty()) s.precision_bits = compute_stats(precision).min;
  s.n_used = used.size();
  if (s.has_figures()) s.warnings = cell_warnings(used, warmups, s.phases["total"]);
  return s;
}

CellSummary summarize_stored_cell(const RunStore& store, const Cell& cell, const RunOptions& o) {
  const std::vector<Record> records = store.records(cell);
  const std::optional<StopReason> stop = o.adaptive() ? read_stop(store, cell) : std::nullopt;
  const int expected = stop ? static_cast<int>(records.size()) : o.planned_repetitions();
  CellSummary s = summarize_cell(cell, records, expected, store.warmup_records(cell));
  if (stop) s.stop = to_string(*stop);
  return s;
}

bool RunSummary::compiled() const {
  return std::any_of(cells.begin(), cells.end(), [](const CellSummary& c) { return c.phases.count(kCompilePhase) > 0; });
}

Json to_json(const RunSummary& s) {
  Json cells = Json::array();
  for (const auto& c : s.cells) cells.push_back(to_json(c));
  return {{"run", s.run}, {"reference", s.reference}, {"cells", cells}};
}

RunSummary run_summary_from_json(const Json& j) {
  RunSummary s{j.value("run", ""), j.value("reference", std::string(kDefaultReference)), {}};
  for (const auto& c : j.value("cells", Json::array())) s.cells.push_back(cell_summary_from_json(c));
  return s;
}

Json summarize_run(const RunStore& store) {
  const Json run = store.read_run();
  RunOptions options = options_from_json(run.value("options", Json::object()));
  if (!run.value("options", Json::object()).contains("repetitions")) options.repetitions = 1;  // as before adaptive runs
  const std::string& reference = options.reference;
  std::vector<CellSummary> cells;
  std::map<std::pair<std::string, std::string>, double> reference_total;  // (benchmark, size) -> median total
  for (const Cell& cell : store.matrix()) {
    CellSummary s = summarize_stored_cell(store, cell, options);
    if (cell.tool == reference && s.status == Status::ok)
      reference_total[{cell.benchmark, cell.size_key}] = s.phases["total"].median;
    cells.push_back(std::move(s));
  }
  for (auto& s : cells) {
    const auto it = reference_total.find({s.cell.benchmark, s.cell.size_key});
    const double total = s.has_figures() ? s.phases["total"].median : 0.0;
    if (it != reference_total.end() && it->second > 0 && total > 0) s.vs_reference = total / it->second;
  }
  return to_json(RunSummary{store.id(), reference, std::move(cells)});
}

Json read_or_summarize(const RunStore& store) {
  if (auto summary = store.read_summary()) return *summary;
  return summarize_run(store);
}

RunSummary read_run_summary(const RunStore& store) { return run_summary_from_json(read_or_summarize(store)); }

}  // namespace fhebench
