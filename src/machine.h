// A description of the machine a run executes on, stored in run.json.
#pragma once

#include <string>

#include "json.h"

namespace fhebench {

Json describe_machine();
// This machine's name (gethostname), for records and Slurm task locations.
std::string hostname();

}  // namespace fhebench
