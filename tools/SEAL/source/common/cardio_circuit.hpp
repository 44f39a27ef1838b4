// The cardiovascular-risk circuit shared by the bit-level and the batched programs.
#pragma once

#include "circuit.hpp"

#include <fhebench/program.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace sealbench {

inline constexpr std::array<const char*, 11> kCardioFields{
    "sex", "antecedent", "smoker", "diabetic", "pressure", "age", "hdl", "height", "weight", "physical_act", "drinking"};

using CardioInputs = std::map<std::string, Bits>;  // encrypted, by field
// In the clear, by field: a value per patient, encrypted as the field's declared bits (LSB first).
using CardioPlain = std::map<std::string, fhebench::IntField<uint64_t>>;

// The 9 condition bits whose sum is the risk: the sex-dependent age and drinking conditions
// are exclusive pairs, each computed as one multiplexer. Depth 4.
std::vector<Value> cardio_conditions(Circuit& circuit, const CardioInputs& in);

// Binary sum of bits as a Wallace tree of full adders (carry = c ⊕ (a⊕c)·(b⊕c): one
// multiplication), always combining the shallowest bits; `width` output bits, carries out of
// the top bit are not computed (the caller knows the count fits). For t = 2.
Bits popcount(Circuit& circuit, std::vector<Value> bits, int width);

}  // namespace sealbench
