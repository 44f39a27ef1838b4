// A description of the machine a run executes on, stored in run.json.
#pragma once

#include "benchmark.h"

namespace fhebench {

Json describe_machine();

}  // namespace fhebench
