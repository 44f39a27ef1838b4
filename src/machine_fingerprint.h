// A machine's fingerprint: what makes timings comparable across runs. History never mixes
// runs of different fingerprints unless asked (docs/history.md, "Machines").
#pragma once

#include <string>

#include "json.h"

namespace fhebench {

// The parts that decide speed, from run.json's "machine" (describe_machine): CPU model,
// core count, memory rounded to whole GiB (the kernel's MemTotal moves by a few MiB between
// boots), OS and kernel release. Not the hostname: a renamed box is the same machine.
struct MachineIdentity {
  std::string cpu_model, os, kernel;
  unsigned cores = 0;
  unsigned long long memory_gib = 0;
};

MachineIdentity machine_identity(const Json& machine);
// 12 hex digits of a content hash of the identity's fields, in a fixed order.
std::string machine_fingerprint(const MachineIdentity& m);
std::string machine_fingerprint(const Json& machine);
// "Intel Xeon ..., 2 cores, 8 GiB, Debian 12, Linux 6.1": how history names a machine.
std::string machine_label(const MachineIdentity& m);

}  // namespace fhebench
