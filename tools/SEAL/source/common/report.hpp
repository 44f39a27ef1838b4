// Key generation with phase timing, and reporting of parameters and object sizes.
#pragma once

#include <fhebench/program.hpp>
#include <seal/seal.h>

#include <memory>
#include <vector>

namespace sealbench {

struct KeySet {
  explicit KeySet(const seal::EncryptionParameters& parms) : context(parms), keygen(context) {}
  seal::SEALContext context;
  seal::KeyGenerator keygen;  // holds the secret key
  seal::PublicKey public_key;
  seal::RelinKeys relin_keys;
  seal::GaloisKeys galois_keys;
};

struct KeyOptions {
  bool relin = false;
  std::vector<int> galois_steps;  // rotation steps; keys only for these
};

// Creates the context and keys inside phase "keygen" (sub-phases keygen.relin,
// keygen.galois), then reports the parameters and key sizes.
std::unique_ptr<KeySet> generate_keys(fhebench::Program& p, const seal::EncryptionParameters& parms,
                                      const KeyOptions& options);

// Serialized size without compression, as stored or sent.
template <class T>
uint64_t saved_size(const T& object) {
  return static_cast<uint64_t>(object.save_size(seal::compr_mode_type::none));
}

// Reports ciphertext_bytes from one fresh ciphertext.
void report_ciphertext(fhebench::Program& p, const seal::Ciphertext& fresh);

// The smallest BFV noise budget left among the result ciphertexts, reported as
// noise_budget_bits. Measured outside the timed phases.
class NoiseBudget {
 public:
  void observe(seal::Decryptor& decryptor, const seal::Ciphertext& result);
  void report(fhebench::Program& p) const;
 private:
  int min_bits_ = -1;
};

}  // namespace sealbench
