#include "adaptive_record.h"

#include "atomic_file.h"
#include "storage_error.h"

namespace fhebench {
namespace {

fs::path stop_file(const RunStore& store, const Cell& cell) { return store.cell_dir(cell) / "stop.json"; }

}  // namespace

void write_stop(const RunStore& store, const Cell& cell, StopReason reason, size_t repetitions) {
  try {
    const Json j = {{"stop", to_string(reason)}, {"repetitions", repetitions}};
    write_file_atomic(stop_file(store, cell), j.dump(1) + "\n");
  } catch (const std::exception&) {
    rethrow_storage_error("storing stop.json in " + store.cell_dir(cell).string());
  }
}

std::optional<StopReason> read_stop(const RunStore& store, const Cell& cell) {
  const auto text = read_file(stop_file(store, cell), 1 << 16);
  if (!text) return std::nullopt;
  const Json j = Json::parse(*text, nullptr, false);
  if (!j.is_object() || !j.contains("stop") || !j["stop"].is_string()) return std::nullopt;
  return stop_reason_from_string(j["stop"].get<std::string>());
}

}  // namespace fhebench
