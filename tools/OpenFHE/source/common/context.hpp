// What every OpenFHE program shares: threads, BFV/CKKS contexts at 128-bit security for a
// given ring dimension, key generation with timed sub-phases, and the fhe/sizes report.
#pragma once

#include <fhebench/program.hpp>
#include <openfhe.h>

#include <cstdint>
#include <vector>

namespace ofhebench {

using Element = lbcrypto::DCRTPoly;
using Context = lbcrypto::CryptoContext<Element>;
using Ciphertext = lbcrypto::Ciphertext<Element>;
using Plaintext = lbcrypto::Plaintext;
using KeyPair = lbcrypto::KeyPair<Element>;

// OpenFHE parallelizes inside operations with OpenMP: use exactly the threads granted.
void use_threads(const fhebench::Program& p);

struct BfvSpec {
  uint32_t ring_dim;
  uint64_t plain_modulus;
  uint32_t depth;
};

struct CkksSpec {
  uint32_t ring_dim;
  uint32_t depth;
  uint32_t scale_bits;
  uint32_t first_bits;
};

// OpenFHE chooses the moduli from the depth; the ring dimension is fixed (to match SEAL) and
// HEStd_128_classic is enforced. Key switching is HYBRID where the moduli fit the ring at
// 128 bits, else BV (no special primes) with the largest digit size that fits.
Context make_bfv(const BfvSpec& spec);
Context make_ckks(const CkksSpec& spec);

struct KeyOptions {
  bool relin = false;
  std::vector<int32_t> rotations;  // EvalRotate indices; keys only for these
};

// Key pair, relinearization key (keygen.relin) and rotation keys (keygen.galois); the caller
// runs it inside the "keygen" phase.
KeyPair generate_keys(fhebench::Program& p, const Context& cc, const KeyOptions& options);

// A BFV context and its keys, both made inside the timed "keygen" phase.
struct BfvKeys {
  Context cc;
  KeyPair keys;
};
BfvKeys keygen_bfv(fhebench::Program& p, const BfvSpec& spec, const KeyOptions& options);

// Parameters the library chose, and serialized sizes of keys and of one fresh ciphertext.
// Serialization is counted, not stored, and happens outside the timed phases.
void report(fhebench::Program& p, const Context& cc, uint32_t depth, const KeyPair& keys,
            const KeyOptions& options, const Ciphertext& fresh);

}  // namespace ofhebench
