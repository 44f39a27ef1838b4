#include "record.h"

#include <fmt/format.h>

#include <array>
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

template <typename T>
T member(const Json& j, const char* key, T fallback) {
  if (!j.is_object() || !j.contains(key)) return fallback;
  try {
    return j[key].get<T>();
  } catch (const Json::exception&) {
    return fallback;
  }
}

Json object_member(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_object() ? j[key] : Json::object();
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

Record record_from_json(const Json& j) {
  Record r;
  r.id = {member(j, "repetition", 0), member(j, "warmup", false)};
  r.status = status_from_string(member<std::string>(j, "status", "error"));
  r.reason = member<std::string>(j, "reason", "");
  r.correct = member(j, "correct", false);
  r.phases = object_member(j, "phases");
  r.started = member<std::string>(j, "started", "");
  r.host = member<std::string>(j, "host", "");
  const Json m = object_member(j, "measure");
  r.where = member<std::string>(m, "where", "");
  if (m.contains("wall_s"))
    r.measure = Measure{member(m, "wall_s", 0.0),           member(m, "user_s", 0.0),
                        member(m, "sys_s", 0.0),            member<uint64_t>(m, "peak_rss_bytes", 0),
                        member<uint64_t>(m, "max_rss_bytes", 0), member<std::string>(m, "memory_method", ""),
                        member(m, "exit_code", -1),         member(m, "signal", 0)};
  if (j.is_object() && j.contains("fhe") && j["fhe"].is_object()) r.fhe = j["fhe"];
  if (j.is_object() && j.contains("sizes") && j["sizes"].is_object()) r.sizes = j["sizes"];
  if (j.is_object() && j.contains("verify") && j["verify"].is_object()) r.verify = j["verify"];
  if (j.is_object() && j.contains("stderr_tail") && j["stderr_tail"].is_string()) r.stderr_tail = j["stderr_tail"];
  if (j.is_object() && j.contains("stdout_tail") && j["stdout_tail"].is_string()) r.stdout_tail = j["stdout_tail"];
  if (j.is_object() && j.contains("cleanup") && j["cleanup"].is_string()) r.cleanup = j["cleanup"];
  return r;
}

std::string wrong_field(const Json& j) {
  using T = Json::value_t;
  const auto fits = [](const Json& v, T want) {
    return want == T::number_float ? v.is_number() : want == T::number_unsigned ? v.is_number_unsigned() : v.type() == want;
  };
  static const std::vector<std::pair<const char*, T>> top = {
      {"repetition", T::number_unsigned}, {"warmup", T::boolean}, {"status", T::string}, {"reason", T::string},
      {"correct", T::boolean},   {"phases", T::object},   {"started", T::string},  {"host", T::string},
      {"measure", T::object},    {"fhe", T::object},      {"sizes", T::object},    {"verify", T::object},
      {"stderr_tail", T::string}, {"stdout_tail", T::string}, {"cleanup", T::string}};
  static const std::vector<std::pair<const char*, T>> measure = {
      {"wall_s", T::number_float},         {"user_s", T::number_float},        {"sys_s", T::number_float},
      {"peak_rss_bytes", T::number_unsigned}, {"max_rss_bytes", T::number_unsigned}, {"memory_method", T::string},
      {"exit_code", T::number_float},      {"signal", T::number_float},        {"where", T::string}};
  for (const auto& [key, want] : top)
    if (j.contains(key) && !fits(j[key], want)) return key;
  if (j.contains("status") && to_string(status_from_string(j["status"].get<std::string>())) != j["status"])
    return "status";
  if (j.contains("phases"))
    for (const auto& [name, v] : j["phases"].items())
      if (!v.is_number()) return "phases." + name;
  if (j.contains("measure"))
    for (const auto& [key, want] : measure)
      if (j["measure"].contains(key) && !fits(j["measure"][key], want)) return std::string("measure.") + key;
  return "";
}

Json to_json(const CellKey& k) {
  return {{"tool", k.tool}, {"benchmark", k.benchmark}, {"variant", k.variant}, {"size_key", k.size_key}};
}

CellKey cell_key_from_json(const Json& j) {
  return {member<std::string>(j, "tool", ""), member<std::string>(j, "benchmark", ""),
          member<std::string>(j, "variant", ""), member<std::string>(j, "size_key", "")};
}

}  // namespace fhebench
