// Security level of RLWE parameters by the HomomorphicEncryption.org standard tables
// (ternary secret, classical attacks), or as a tool declares it where no table applies.
#pragma once

#include <optional>
#include <string>

#include "json.h"

namespace fhebench {

struct SecurityLevel {
  std::optional<int> bits;  // 128, 192, 256; nullopt when below 128 or unknown
  std::string source;       // "table", "declared" or "none"
  bool below_128 = false;
  std::string note;         // e.g. "n=8192, log q=218 (max 218 for 128 bits)"
};

// The largest total log2 q the standard allows at ring dimension n for `bits` of security;
// nullopt outside the tables.
std::optional<int> max_log_q(long n, int bits);

// From an output.json "fhe" object: poly_modulus_degree + coeff_modulus_bits (table), or
// declared_security_bits (declared).
SecurityLevel security_level(const Json& fhe);
Json to_json(const SecurityLevel& s);

}  // namespace fhebench
