// Shared by the HElib BGV programs: the context and keys in a keygen phase, slot vectors in and
// out, and the report of parameters and serialized sizes.
#pragma once

#include <fhebench/program.hpp>
#include <helib/helib.h>

#include <memory>
#include <vector>

namespace helibbench {

struct BgvParameters {
  long m;     // cyclotomic index, a power of two: ring dimension φ(m) = m/2
  long p;     // plaintext prime, ≡ 1 mod m so that every one of the m/2 slots is Z_p
  long bits;  // bits of the ciphertext modulus chain
  long c = 2;  // columns of the key-switching matrices (special primes)
  bool rotations = false;  // generate the key-switching matrices of slot rotations
};

struct Bgv {
  std::unique_ptr<helib::Context> context;
  std::unique_ptr<helib::SecKey> secret;
  const helib::PubKey& public_key() const { return *secret; }
  const helib::EncryptedArray& slots() const { return context->getEA(); }
  helib::Ctxt encrypt(const std::vector<long>& values) const;  // zero-padded to every slot
  std::vector<long> decrypt(const helib::Ctxt& c, size_t count) const;
};

// Builds the context and keys (with the key-switching matrices rotations need) in phase keygen.
Bgv bgv_keygen(fhebench::Program& p, const BgvParameters& params);

// Reports the parameters (ring dimension and the bit sizes of every modulus prime for fhebench's
// security table, HElib's own estimate) and the serialized key and ciphertext sizes; the BGV
// form adds the plaintext prime.
void report_helib(fhebench::Program& p, const char* scheme, const helib::Context& ctx, const helib::SecKey& secret,
                  const helib::Ctxt& sample);
void report_bgv(fhebench::Program& p, const Bgv& bgv, const helib::Ctxt& sample);

}  // namespace helibbench
