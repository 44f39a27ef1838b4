// Deterministic random numbers for benchmark inputs.
//
// The standard library's distributions are implementation-defined, so the same seed could
// give different inputs with another compiler. Inputs must be identical everywhere, so the
// generator (xoshiro256**, seeded by splitmix64) and the mappings to ranges are spelled out.
#pragma once

#include <cstdint>
#include <string_view>

namespace fhebench {

class Rng {
 public:
  // One stream per (seed, name): adding an input to a benchmark leaves the others unchanged.
  Rng(uint64_t seed, std::string_view stream);

  uint64_t next();
  // Uniform integer in [lo, hi], unbiased (rejection sampling).
  int64_t uniform_int(int64_t lo, int64_t hi);
  // Uniform double in [lo, hi), from the top 53 bits.
  double uniform_real(double lo, double hi);

 private:
  uint64_t s_[4];
};

}  // namespace fhebench
