#include "protocol.h"
#include "benchmark.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

namespace fhebench {
namespace {

// Each check returns an empty string when fine, else the reason.
std::string check_phases(const Json& phases, std::vector<Phase>& out) {
  if (!phases.is_array()) return "\"phases\" is missing or not an array";
  std::set<std::string> seen;
  for (const auto& p : phases) {
    if (!p.is_object() || !p.contains("name") || !p["name"].is_string() || !p.contains("seconds") ||
        !p["seconds"].is_number())
      return "a phase is not {\"name\": string, \"seconds\": number}";
    const std::string name = p["name"];
    const double s = p["seconds"];
    if (!std::isfinite(s) || s < 0) return fmt::format("phase '{}' has an invalid time {}", name, s);
    if (!seen.insert(name).second) return fmt::format("phase '{}' is reported twice", name);
    out.push_back({name, s});
  }
  for (const char* need : kCanonicalPhases)
    if (!seen.count(need)) return fmt::format("phase '{}' is missing", need);
  return "";
}

std::string check_outputs(const Json& outputs, const std::vector<OutputSpec>& spec) {
  if (!outputs.is_object()) return "\"outputs\" is missing or not an object";
  for (const auto& s : spec) {
    if (!outputs.contains(s.name)) return fmt::format("output '{}' is missing", s.name);
    const auto& v = outputs[s.name];
    if (!v.is_array()) return fmt::format("output '{}' is not an array", s.name);
    if (v.size() != s.length)
      return fmt::format("output '{}' has {} values, expected {}", s.name, v.size(), s.length);
    for (const auto& x : v)
      if (!x.is_number()) return fmt::format("output '{}' holds a non-number {}", s.name, x.dump());
  }
  for (const auto& [name, _] : outputs.items()) {
    bool known = false;
    for (const auto& s : spec) known |= s.name == name;
    if (!known) return fmt::format("unexpected output '{}'", name);
  }
  return "";
}

}  // namespace

double canonical_total(const Json& phases) {
  double total = 0;
  if (!phases.is_object()) return total;
  for (const char* p : kCanonicalPhases)
    if (phases.contains(p) && phases[p].is_number()) total += phases[p].get<double>();
  return total;
}

Json make_input(const std::string& benchmark, const std::string& variant, const Size& size,
                uint64_t seed, const Json& inputs) {
  return {{"protocol", kProtocolVersion}, {"benchmark", benchmark}, {"variant", variant},
          {"size", size},                 {"seed", seed},           {"inputs", inputs}};
}

std::optional<ProgramOutput> parse_output(std::string_view text, const std::vector<OutputSpec>& spec,
                                          std::string& error) {
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    error = text.empty() ? "output.json is empty" : "output.json is not valid JSON";
    return std::nullopt;
  }
  if (!doc.is_object()) { error = "output.json is not a JSON object"; return std::nullopt; }
  if (!doc.contains("protocol") || doc["protocol"] != kProtocolVersion) {
    error = fmt::format("output.json has protocol {}, expected {}",
                        doc.contains("protocol") ? doc["protocol"].dump() : "(none)", kProtocolVersion);
    return std::nullopt;
  }
  ProgramOutput out;
  if (doc.contains("unsupported")) {
    out.unsupported = doc["unsupported"].is_string() ? doc["unsupported"].get<std::string>()
                                                     : doc["unsupported"].dump();
    return out;
  }
  error = check_phases(doc.contains("phases") ? doc["phases"] : Json(), out.phases);
  if (error.empty()) error = check_outputs(doc.contains("outputs") ? doc["outputs"] : Json(), spec);
  for (const char* key : {"fhe", "sizes"})
    if (error.empty() && doc.contains(key) && !doc[key].is_object())
      error = fmt::format("\"{}\" is not an object", key);
  if (!error.empty()) return std::nullopt;
  out.outputs = doc["outputs"];
  if (doc.contains("fhe")) out.fhe = doc["fhe"];
  if (doc.contains("sizes")) out.sizes = doc["sizes"];
  return out;
}

}  // namespace fhebench
