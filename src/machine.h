// A description of the machine a run executes on, stored in run.json.
#pragma once

#include <string>

#include "json.h"

namespace fhebench {

// What run.json records as "machine", with its "fingerprint" (machine_fingerprint.h).
Json describe_machine();
// This machine's name (gethostname), for records and Slurm task locations.
std::string hostname();

}  // namespace fhebench
