#include "machine_fingerprint.h"

#include <fmt/format.h>

#include "content_hash.h"

namespace fhebench {

MachineIdentity machine_identity(const Json& machine) {
  MachineIdentity m;
  if (!machine.is_object()) return m;
  auto text = [&](const char* k) { return machine.contains(k) && machine[k].is_string() ? machine[k].get<std::string>() : ""; };
  m.cpu_model = text("cpu_model");
  m.os = text("os");
  m.kernel = text("kernel");
  if (machine.contains("cores") && machine["cores"].is_number_unsigned()) m.cores = machine["cores"].get<unsigned>();
  if (machine.contains("memory_bytes") && machine["memory_bytes"].is_number()) {
    const double gib = machine["memory_bytes"].get<double>() / (1024.0 * 1024 * 1024);
    m.memory_gib = static_cast<unsigned long long>(gib + 0.5);
  }
  return m;
}

std::string machine_fingerprint(const MachineIdentity& m) {
  ContentHash h;
  // A separator no field contains, so ("ab","c") and ("a","bc") differ.
  for (const std::string& part : {m.cpu_model, std::to_string(m.cores), std::to_string(m.memory_gib), m.os, m.kernel})
    h.add(part).add("\x1f");
  return h.hex().substr(0, 12);
}

std::string machine_fingerprint(const Json& machine) { return machine_fingerprint(machine_identity(machine)); }

std::string machine_label(const MachineIdentity& m) {
  return fmt::format("{}, {} cores, {} GiB, {}, {}", m.cpu_model.empty() ? "unknown CPU" : m.cpu_model, m.cores,
                     m.memory_gib, m.os.empty() ? "unknown OS" : m.os, m.kernel.empty() ? "unknown kernel" : m.kernel);
}

}  // namespace fhebench
