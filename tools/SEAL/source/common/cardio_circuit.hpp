// The cardiovascular-risk circuit shared by the bit-level and the batched programs.
#pragma once

#include "circuit.hpp"

#include <fhebench/program.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace sealbench {

struct CardioField {
  const char* name;
  int bits;  // encrypted bits (LSB first): 1 for the {0,1} flags, 8 for the numbers
};

inline constexpr std::array<CardioField, 11> kCardioFields{{
    {"sex", 1}, {"antecedent", 1}, {"smoker", 1}, {"diabetic", 1}, {"pressure", 1},
    {"age", 8}, {"hdl", 8}, {"height", 8}, {"weight", 8}, {"physical_act", 8}, {"drinking", 8}}};

using CardioInputs = std::map<std::string, Bits>;          // encrypted, by field
using CardioPlain = std::map<std::string, std::vector<uint64_t>>;  // one value per patient

CardioPlain read_cardio_inputs(const fhebench::Program& p);

// The 9 condition bits whose sum is the risk: the sex-dependent age and drinking conditions
// are exclusive pairs, each computed as one multiplexer. Depth 4.
std::vector<Value> cardio_conditions(Circuit& circuit, const CardioInputs& in);

// Binary sum of bits as a Wallace tree of full adders (carry = c ⊕ (a⊕c)·(b⊕c): one
// multiplication), always combining the shallowest bits; `width` output bits, carries out of
// the top bit are not computed (the caller knows the count fits). For t = 2.
Bits popcount(Circuit& circuit, std::vector<Value> bits, int width);

}  // namespace sealbench
