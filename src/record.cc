#include "record.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <utility>
#include <vector>

namespace fhebench {
namespace {

constexpr std::array<std::pair<Status, const char*>, 7> kNames = {{{Status::ok, "ok"},
                                                                   {Status::incorrect, "incorrect"},
                                                                   {Status::error, "error"},
                                                                   {Status::timeout, "timeout"},
                                                                   {Status::unsupported, "unsupported"},
                                                                   {Status::partial, "partial"},
                                                                   {Status::missing, "missing"}}};

// Reads the members of one JSON object by type. A member that is absent takes its default;
// one of the wrong type takes it too, and the first such member ("measure.wall_s") is noted,
// so that one field list serves both the tolerant and the checked reading.
class Fields {
 public:
  Fields(const Json& j, std::string prefix, std::string* wrong) : j_(j), prefix_(std::move(prefix)), wrong_(wrong) {}

  std::string text(const char* key, const std::string& fallback = "") const {
    return fits(key, [](const Json& v) { return v.is_string(); }) ? j_[key].get<std::string>() : fallback;
  }
  std::optional<std::string> optional_text(const char* key) const {
    return fits(key, [](const Json& v) { return v.is_string(); }) ? std::optional<std::string>(j_[key].get<std::string>()) : std::nullopt;
  }
  bool flag(const char* key, bool fallback = false) const {
    return fits(key, [](const Json& v) { return v.is_boolean(); }) ? j_[key].get<bool>() : fallback;
  }
  double number(const char* key, double fallback = 0) const {
    return fits(key, [](const Json& v) { return v.is_number(); }) ? j_[key].get<double>() : fallback;
  }
  int integer(const char* key, int fallback = 0) const {
    return fits(key, [](const Json& v) { return v.is_number(); }) ? j_[key].get<int>() : fallback;
  }
  uint64_t count(const char* key, uint64_t fallback = 0) const {  // a whole number, not negative
    return fits(key, [](const Json& v) { return v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0); })
               ? j_[key].get<uint64_t>() : fallback;
  }
  // An object member, or null when absent or not an object.
  Json object(const char* key) const { return fits(key, [](const Json& v) { return v.is_object(); }) ? j_[key] : Json(); }
  bool has(const char* key) const { return j_.is_object() && j_.contains(key); }
  // Notes `key` as wrong (a value of the right type that means nothing, like an unknown status).
  void wrong(const std::string& key) const {
    if (wrong_ && wrong_->empty()) *wrong_ = prefix_ + key;
  }

 private:
  bool fits(const char* key, bool (*is)(const Json&)) const {
    if (!has(key)) return false;
    if (is(j_[key])) return true;
    wrong(key);
    return false;
  }
  const Json& j_;
  std::string prefix_;
  std::string* wrong_;
};

Json phases_of(const Fields& f, std::string* wrong) {
  Json phases = f.object("phases");
  if (phases.is_null()) return Json::object();
  for (const auto& [name, v] : phases.items())
    if (!v.is_number() && wrong && wrong->empty()) *wrong = "phases." + name;
  return phases;
}

// Absent for a repetition that was not run (no wall time); its fields are checked either way.
std::optional<Measure> measure_of(const Fields& f) {
  const Measure m{f.number("wall_s"),       f.number("user_s"), f.number("sys_s"), f.count("peak_rss_bytes"),
                  f.count("max_rss_bytes"), f.text("memory_method"), f.integer("exit_code", -1), f.integer("signal")};
  return f.has("wall_s") ? std::optional<Measure>(m) : std::nullopt;
}

}  // namespace

std::string to_string(Status s) {
  for (const auto& [st, name] : kNames)
    if (st == s) return name;
  return "error";
}

Status status_from_string(const std::string& s) {
  for (const auto& [st, name] : kNames)
    if (s == name) return st;
  return Status::error;
}

bool is_fine(Status s) { return s == Status::ok || s == Status::partial; }

void to_json(Json& j, Status s) { j = to_string(s); }
void from_json(const Json& j, Status& s) { s = status_from_string(j.is_string() ? j.get<std::string>() : ""); }

std::string RepId::name() const { return warmup ? fmt::format("warmup_{}", number) : fmt::format("rep_{:03}", number); }

std::optional<RepId> RepId::parse(const std::string& stem) {
  for (const bool warmup : {false, true}) {
    const std::string prefix = warmup ? "warmup_" : "rep_";
    if (stem.rfind(prefix, 0) != 0) continue;
    RepId id{0, warmup};
    const char* end = stem.data() + stem.size();
    const auto [at, ec] = std::from_chars(stem.data() + prefix.size(), end, id.number);
    // Only the spelling name() writes: "rep_1" beside "rep_001" would be a second repetition 1.
    if (ec == std::errc() && at == end && id.number > 0 && id.name() == stem) return id;
  }
  return std::nullopt;
}

std::optional<double> Record::precision_bits() const {
  if (verify.is_object() && verify.contains("precision_bits") && verify["precision_bits"].is_number())
    return verify["precision_bits"].get<double>();
  return std::nullopt;
}

Json to_json(const Record& r) {
  Json j = {{"repetition", r.id.number}, {"warmup", r.id.warmup}, {"status", r.status},
            {"reason", r.reason},        {"correct", r.correct},   {"phases", r.phases}};
  if (!r.started.empty()) j["started"] = r.started;
  if (!r.host.empty()) j["host"] = r.host;
  if (r.measure) {
    const Measure& m = *r.measure;
    j["measure"] = {{"wall_s", m.wall_s},          {"user_s", m.user_s},         {"sys_s", m.sys_s},
                    {"peak_rss_bytes", m.peak_rss_bytes}, {"memory_method", m.memory_method},
                    {"max_rss_bytes", m.max_rss_bytes},   {"exit_code", m.exit_code}, {"signal", m.signal},
                    {"where", r.where}};
  } else {
    j["measure"] = {{"where", r.where}};
  }
  if (!r.fhe.is_null()) j["fhe"] = r.fhe;
  if (!r.sizes.is_null()) j["sizes"] = r.sizes;
  if (!r.verify.is_null()) j["verify"] = r.verify;
  if (r.stderr_tail) j["stderr_tail"] = *r.stderr_tail;
  if (r.stdout_tail) j["stdout_tail"] = *r.stdout_tail;
  if (r.cleanup) j["cleanup"] = *r.cleanup;
  return j;
}

Record record_from_json(const Json& j, std::string* wrong) {
  std::string first;
  if (!j.is_object()) first = "not a JSON object";
  const Fields f(j, "", &first);
  Record r;
  r.id = {static_cast<int>(f.count("repetition")), f.flag("warmup")};
  const std::string status = f.text("status", "error");
  r.status = status_from_string(status);
  if (to_string(r.status) != status) f.wrong("status");
  r.reason = f.text("reason");
  r.correct = f.flag("correct");
  r.phases = phases_of(f, &first);
  r.started = f.text("started");
  r.host = f.text("host");
  const Json m = f.object("measure");
  const Fields mf(m, "measure.", &first);
  r.where = mf.text("where");
  r.measure = measure_of(mf);
  r.fhe = f.object("fhe");
  r.sizes = f.object("sizes");
  r.verify = f.object("verify");
  r.stderr_tail = f.optional_text("stderr_tail");
  r.stdout_tail = f.optional_text("stdout_tail");
  r.cleanup = f.optional_text("cleanup");
  if (wrong) *wrong = first;
  return r;
}

Json to_json(const CellKey& k) {
  return {{"tool", k.tool}, {"benchmark", k.benchmark}, {"variant", k.variant}, {"size_key", k.size_key}};
}

CellKey cell_key_from_json(const Json& j) {
  const Fields f(j, "", nullptr);
  return {f.text("tool"), f.text("benchmark"), f.text("variant"), f.text("size_key")};
}

}  // namespace fhebench
