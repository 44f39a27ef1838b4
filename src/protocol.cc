#include "protocol.h"
#include "benchmark.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "bounded_json.h"
#include "utf8.h"

namespace fhebench {
namespace {

constexpr size_t kMaxReportedBytes = 64u << 10;  // "fhe" and "sizes" each, as stored in records
constexpr size_t kMaxNameInReason = 80;

// A program's name or value quoted in a reason: one short printable line.
std::string shown(std::string_view s) { return utf8_truncate(printable(s, false), kMaxNameInReason); }

// Strings in "fhe" and "sizes" reach terminals and reports: no control characters.
void make_printable(Json& j) {
  if (j.is_string()) j = printable(j.get_ref<const std::string&>(), false);
  if (!j.is_structured()) return;  // (a primitive iterates over itself)
  for (auto& v : j) make_printable(v);  // depth is bounded by the parse
}

// Output values plus room for phases, "fhe" and "sizes".
JsonLimits output_limits(const std::vector<OutputSpec>& spec) {
  JsonLimits lim;
  for (const auto& s : spec) lim.max_values += s.length;
  return lim;
}

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
    if (!std::isfinite(s) || s < 0) return fmt::format("phase '{}' has an invalid time {}", shown(name), s);
    if (!seen.insert(name).second) return fmt::format("phase '{}' is reported twice", shown(name));
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
      if (!x.is_number()) return fmt::format("output '{}' holds a non-number {}", s.name, shown(x.dump()));
  }
  for (const auto& [name, _] : outputs.items()) {
    bool known = false;
    for (const auto& s : spec) known |= s.name == name;
    if (!known) return fmt::format("unexpected output '{}'", shown(name));
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
                uint64_t seed, const Json& inputs, const std::vector<InputField>& fields) {
  Json doc = {{"protocol", kProtocolVersion}, {"benchmark", benchmark}, {"variant", variant},
              {"size", size},                 {"seed", seed},           {"inputs", inputs}};
  for (const auto& f : fields) doc["fields"][f.name] = {{"bits", f.bits}, {"max", f.max}};
  return doc;
}

std::optional<ProgramOutput> parse_output(std::string_view text, const std::vector<OutputSpec>& spec,
                                          std::string& error) {
  if (text.empty()) {
    error = "output.json is empty";
    return std::nullopt;
  }
  auto parsed = parse_bounded_json(text, output_limits(spec), error);
  if (!parsed) {
    error = "output.json " + error;
    return std::nullopt;
  }
  Json& doc = *parsed;
  if (!doc.is_object()) { error = "output.json is not a JSON object"; return std::nullopt; }
  if (!doc.contains("protocol") || doc["protocol"] != kProtocolVersion) {
    error = fmt::format("output.json has protocol {}, expected {}",
                        doc.contains("protocol") ? shown(doc["protocol"].dump()) : "(none)", kProtocolVersion);
    return std::nullopt;
  }
  ProgramOutput out;
  if (doc.contains("unsupported")) {
    const Json& why = doc["unsupported"];
    out.unsupported = utf8_truncate(printable(why.is_string() ? why.get<std::string>() : why.dump()), 2000);
    return out;
  }
  error = check_phases(doc.contains("phases") ? doc["phases"] : Json(), out.phases);
  if (error.empty()) error = check_outputs(doc.contains("outputs") ? doc["outputs"] : Json(), spec);
  for (const char* key : {"fhe", "sizes"})
    if (error.empty() && doc.contains(key) && !doc[key].is_object())
      error = fmt::format("\"{}\" is not an object", key);
    else if (error.empty() && doc.contains(key) && doc[key].dump().size() > kMaxReportedBytes)
      error = fmt::format("\"{}\" is larger than {} KiB", key, kMaxReportedBytes >> 10);
  if (!error.empty()) return std::nullopt;
  out.outputs = std::move(doc["outputs"]);
  if (doc.contains("fhe")) out.fhe = std::move(doc["fhe"]);
  if (doc.contains("sizes")) out.sizes = std::move(doc["sizes"]);
  make_printable(out.fhe);
  make_printable(out.sizes);
  return out;
}

}  // namespace fhebench
