// One CSV per implementation, <Tool>/<impl>.csv, whose first four columns are exactly the
// SoK platform's (t_keygen, t_input_encryption, t_computation, t_decryption in ms).
#pragma once

#include "run_store.h"

namespace fhebench {

void write_csvs(const RunStore& store);

}  // namespace fhebench
