#include "cell_summary.h"

#include <map>

#include "protocol.h"
#include "repetition.h"
#include "security.h"
#include "stats.h"

namespace fhebench {
namespace {

// "ok" when every expected repetition is ok (or the tool declined the size); else the worst.
std::string cell_status(const std::map<std::string, int>& counts, size_t n, int expected) {
  if (n == 0) return "missing";
  for (const char* s : {"incorrect", "error", "timeout"})
    if (counts.at(s) > 0) return s;
  if (counts.at("unsupported") > 0) return "unsupported";
  return static_cast<int>(n) < expected ? "partial" : "ok";
}

}  // namespace

Json summarize_cell(const Cell& cell, const std::vector<Json>& records, int expected_reps) {
  Json s = to_json(cell);
  s.erase("dir");
  std::map<std::string, int> counts;
  for (const char* st : kStatuses) counts[st] = 0;
  std::string reason;
  for (const auto& r : records) {
    const std::string st = r.value("status", "error");
    counts[counts.count(st) ? st : "error"]++;
    if (st != "ok" && reason.empty()) reason = r.value("reason", "");
  }
  s["status"] = cell_status(counts, records.size(), expected_reps);
  s["counts"] = counts;
  s["reason"] = reason;
  // Figures come from ok repetitions; without any, from those that reported phases, and the
  // status says they are not to be trusted.
  std::vector<const Json*> used;
  for (const auto& r : records)
    if (r.value("status", "") == "ok") used.push_back(&r);
  if (used.empty())
    for (const auto& r : records)
      if (r.contains("phases") && !r["phases"].empty()) used.push_back(&r);

  std::map<std::string, std::vector<double>> phases;
  std::vector<double> wall, memory, precision;
  for (const Json* r : used) {
    for (const char* name : kCanonicalPhases) phases[name].push_back((*r)["phases"].value(name, 0.0));
    phases["total"].push_back(canonical_total((*r)["phases"]));
    wall.push_back((*r)["measure"].value("wall_s", 0.0));
    memory.push_back(static_cast<double>((*r)["measure"].value("peak_rss_bytes", uint64_t{0})));
    if (r->contains("verify") && (*r)["verify"].contains("precision_bits"))
      precision.push_back((*r)["verify"]["precision_bits"]);
  }
  s["phases"] = Json::object();
  for (const auto& [name, values] : phases) s["phases"][name] = to_json(compute_stats(values));
  s["wall"] = to_json(compute_stats(wall));
  const Stats mem = compute_stats(memory);
  s["peak_rss_bytes"] = {{"median", mem.median}, {"max", mem.max}};
  s["memory_method"] = used.empty() ? "" : (*used.front())["measure"].value("memory_method", "");
  s["fhe"] = used.empty() ? Json::object() : (*used.back()).value("fhe", Json::object());
  s["sizes"] = used.empty() ? Json::object() : (*used.back()).value("sizes", Json::object());
  s["security"] = to_json(security_level(s["fhe"]));
  if (!precision.empty()) s["precision_bits"] = compute_stats(precision).min;
  s["n_used"] = used.size();
  return s;
}

Json summarize_run(const RunStore& store) {
  const Json run = store.read_run();
  const int reps = run["options"].value("repetitions", 1);
  Json cells = Json::array();
  std::map<std::string, double> plaintext;  // benchmark|size -> median total
  for (const auto& c : run["matrix"]) {
    const Cell cell = cell_from_json(c);
    Json s = summarize_cell(cell, store.records(cell), reps);
    if (cell.tool == "Plaintext" && s["status"] == "ok")
      plaintext[cell.benchmark + "|" + cell.size_key] = s["phases"]["total"]["median"];
    cells.push_back(std::move(s));
  }
  for (auto& s : cells) {
    const auto it = plaintext.find(s["benchmark"].get<std::string>() + "|" + s["size_key"].get<std::string>());
    const double total = s["phases"].contains("total") ? s["phases"]["total"].value("median", 0.0) : 0.0;
    s["vs_plaintext"] = it != plaintext.end() && it->second > 0 && total > 0 ? Json(total / it->second) : Json();
  }
  return {{"run", store.id()}, {"cells", cells}};
}

}  // namespace fhebench
