// BFV parameter sets shared by the programs.
#pragma once

#include <seal/seal.h>

#include <vector>

namespace sealbench {

// n = 8192 with 218 bits, the 128-bit maximum, as three 58-bit data primes and a 44-bit special
// prime: as much noise budget as SEAL's default 43,43,44,44,44, but products, relinearizations
// and key sizes follow the number of primes, so everything costs ≈ 0.7 as much.
inline const std::vector<int> kBfv8192Primes{58, 58, 58, 44};

inline seal::EncryptionParameters bfv_parameters(size_t n, const std::vector<int>& primes,
                                                 const seal::Modulus& plain_modulus) {
  seal::EncryptionParameters parms(seal::scheme_type::bfv);
  parms.set_poly_modulus_degree(n);
  parms.set_coeff_modulus(seal::CoeffModulus::Create(n, primes));
  parms.set_plain_modulus(plain_modulus);
  return parms;
}

}  // namespace sealbench
