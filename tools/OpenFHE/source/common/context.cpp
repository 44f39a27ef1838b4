#include "context.hpp"

#include <ciphertext-ser.h>
#include <cryptocontext-ser.h>
#include <key/key-ser.h>
#include <omp.h>
#include <scheme/bfvrns/bfvrns-ser.h>
#include <scheme/ckksrns/ckksrns-ser.h>

#include <ostream>
#include <stdexcept>
#include <string>

namespace ofhebench {

using namespace lbcrypto;

namespace {

struct KeySwitching {
  KeySwitchTechnique technique;
  uint32_t digit_size;  // BV only; 0 = one digit per RNS tower
};

// Tried in order until the moduli OpenFHE derives fit the ring dimension at 128 bits.
// BFV's parameter generation accounts for the key-switching noise of each choice; CKKS's does
// not, so CKKS never uses whole-tower BV digits (their noise would swamp a 2^40 scale).
const std::vector<KeySwitching> kBfvChoices = {{HYBRID, 0}, {BV, 0}, {BV, 30}, {BV, 20}, {BV, 10}};
const std::vector<KeySwitching> kCkksChoices = {{HYBRID, 0}, {BV, 10}};

template <class Scheme>
Context first_that_fits(CCParams<Scheme> params, const std::vector<KeySwitching>& choices) {
  std::string first_error;
  for (const KeySwitching& ks : choices) {
    params.SetKeySwitchTechnique(ks.technique);
    params.SetDigitSize(ks.digit_size);
    try {
      Context cc = GenCryptoContext(params);
      for (auto feature : {PKE, KEYSWITCH, LEVELEDSHE}) cc->Enable(feature);
      return cc;
    } catch (const std::exception& e) {
      if (first_error.empty()) first_error = e.what();
    }
  }
  throw std::runtime_error("OpenFHE rejected every key-switching choice: " + first_error);
}

std::vector<uint32_t> modulus_bits(const std::shared_ptr<DCRTPoly::Params>& params) {
  std::vector<uint32_t> bits;
  if (params)
    for (const auto& p : params->GetParams()) bits.push_back(p->GetModulus().GetMSB());
  return bits;
}

}  // namespace

void use_threads(const fhebench::Program& p) { omp_set_num_threads(p.threads()); }

Context make_bfv(const BfvSpec& spec) {
  CCParams<CryptoContextBFVRNS> params;
  params.SetPlaintextModulus(spec.plain_modulus);
  params.SetMultiplicativeDepth(spec.depth);
  params.SetSecurityLevel(HEStd_128_classic);
  params.SetRingDim(spec.ring_dim);
  return first_that_fits(params, kBfvChoices);
}

Context make_ckks(const CkksSpec& spec) {
  CCParams<CryptoContextCKKSRNS> params;
  params.SetMultiplicativeDepth(spec.depth);
  params.SetScalingModSize(spec.scale_bits);
  params.SetFirstModSize(spec.first_bits);
  params.SetScalingTechnique(FIXEDMANUAL);  // rescale where the program says, as with SEAL
  params.SetSecurityLevel(HEStd_128_classic);
  params.SetRingDim(spec.ring_dim);
  params.SetBatchSize(spec.ring_dim / 2);
  return first_that_fits(params, kCkksChoices);
}

KeyPair generate_keys(fhebench::Program& p, const Context& cc, const KeyOptions& options) {
  KeyPair keys = cc->KeyGen();
  if (options.relin) {
    auto t = p.phase("keygen.relin");
    cc->EvalMultKeyGen(keys.secretKey);
  }
  if (!options.rotations.empty()) {
    auto t = p.phase("keygen.galois");
    cc->EvalRotateKeyGen(keys.secretKey, options.rotations);
  }
  return keys;
}

BfvKeys keygen_bfv(fhebench::Program& p, const BfvSpec& spec, const KeyOptions& options) {
  auto t = p.phase("keygen");
  BfvKeys k;
  k.cc = make_bfv(spec);
  k.keys = generate_keys(p, k.cc, options);
  return k;
}

void report(fhebench::Program& p, const Context& cc, uint32_t depth, const KeyPair& keys,
            const KeyOptions& options, const Ciphertext& fresh) {
  auto crypto = std::dynamic_pointer_cast<CryptoParametersRNS>(cc->GetCryptoParameters());
  std::vector<uint32_t> q = modulus_bits(cc->GetElementParams());
  std::vector<uint32_t> special = modulus_bits(crypto->GetParamsP());
  std::vector<uint32_t> all = q;
  all.insert(all.end(), special.begin(), special.end());
  bool ckks = cc->getSchemeId() == SCHEME::CKKSRNS_SCHEME;
  bool hybrid = crypto->GetKeySwitchTechnique() == HYBRID;
  p.fhe({{"library", "OpenFHE"}, {"library_version", GetOPENFHEVersion()},
         {"scheme", ckks ? "CKKS" : "BFV"}, {"poly_modulus_degree", cc->GetRingDimension()},
         {"coeff_modulus_bits", all}, {"ciphertext_modulus_bits", q}, {"special_modulus_bits", special},
         {"multiplicative_depth", depth},
         {"key_switching", hybrid ? "HYBRID" : "BV"},
         {"declared_security_bits", 128}, {"security_level", "HEStd_128_classic"},
         {"threads", omp_get_max_threads()}});
  if (!hybrid) p.fhe({{"digit_size", crypto->GetDigitSize()}});
  if (ckks)
    p.fhe({{"scale_bits", static_cast<int>(std::log2(crypto->GetScalingFactorReal(0)) + 0.5)}});
  else
    p.fhe({{"plain_modulus", crypto->GetPlaintextModulus()}});

  p.sizes("ciphertext_bytes", fhebench::serialized_bytes([&](std::ostream& o) { Serial::Serialize(fresh, o, SerType::BINARY); }));
  p.sizes("public_key_bytes",
          fhebench::serialized_bytes([&](std::ostream& o) { Serial::Serialize(keys.publicKey, o, SerType::BINARY); }));
  if (options.relin)
    p.sizes("relin_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
              CryptoContextImpl<Element>::SerializeEvalMultKey(o, SerType::BINARY, cc);
            }));
  if (!options.rotations.empty())
    p.sizes("galois_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
              CryptoContextImpl<Element>::SerializeEvalAutomorphismKey(o, SerType::BINARY, cc);
            }));
}

}  // namespace ofhebench
