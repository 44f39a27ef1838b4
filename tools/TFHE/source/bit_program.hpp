// The shared driver of every TFHE program: estimate, keygen, encrypt, compute, decrypt, report.
#pragma once

#include <fhebench/program.hpp>

#include <cstdint>
#include <functional>
#include <vector>

#include "words.hpp"

namespace tfhebench {

using Input = fhebench::BitInput;  // a value and the bits it is encrypted as

// Maps the encrypted input words (in the order given) to the output words.
using Circuit = std::function<std::vector<Word>(Gates&, const std::vector<Word>&)>;

// Runs `circuit` on `inputs` under TFHE gate bootstrapping and returns the decrypted outputs,
// read as two's complement when signed_outputs. Refuses (p.unsupported) a circuit whose
// estimated time is unreasonable, before generating any key.
std::vector<int64_t> run_bit_level(fhebench::Program& p, const std::vector<Input>& inputs,
                                   const Circuit& circuit, bool signed_outputs);

}  // namespace tfhebench
