// The shared driver of the Cingulata programs: compile (trace the circuit), estimate, keygen,
// encrypt, compute on TFHE, decrypt, report.
#pragma once

#include <ci_int.hxx>
#include <fhebench/program.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace cingubench {

using Input = fhebench::BitInput;  // a value and its encrypted (unsigned) width

// Maps the encrypted input integers (in the order given) to the output integers. The same
// function is run once against Cingulata's circuit tracker and once against TFHE.
using Circuit = std::function<std::vector<cingulata::CiInt>(const std::vector<cingulata::CiInt>&)>;

// Returns the decrypted outputs, read as two's complement when signed_outputs. Refuses
// (p.unsupported) a circuit whose estimated time is unreasonable, before any key exists.
std::vector<int64_t> run_circuit(fhebench::Program& p, const std::vector<Input>& inputs, const Circuit& circuit,
                                 bool signed_outputs);

}  // namespace cingubench
