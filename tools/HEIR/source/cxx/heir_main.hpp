// What every HEIR driver shares: the compile phases that heir_program.py measured before it
// started this program, the keygen of HEIR's generated crypto context, and the report of the
// parameters HEIR chose with serialized sizes. "generated.h" is HEIR's output for the
// benchmark's function (heir-translate --emit-openfhe-pke-header).
#pragma once

#include <ciphertext-ser.h>
#include <cryptocontext-ser.h>
#include <fhebench/main.hpp>
#include <fhebench/program.hpp>
#include <key/key-ser.h>
#include <omp.h>
#include <scheme/bgvrns/bgvrns-ser.h>
#include <scheme/ckksrns/ckksrns-ser.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "heir_features.h"  // by heir_program.py: HEIR_ENCRYPT_ZEROS (not "features.h": glibc has one)
#include "generated.h"

namespace heirbench {

using Keys = KeyPair<DCRTPoly>;

// Compile phases and HEIR's parameter choices, handed over by heir_program.py as JSON.
inline void record_compile(fhebench::Program& p) {
  const char* phases = std::getenv("FHEBENCH_HEIR_PHASES");
  const char* info = std::getenv("FHEBENCH_HEIR_INFO");
  if (!phases || !info) throw std::runtime_error("FHEBENCH_HEIR_PHASES is not set: start it through heir_program.py");
  const nlohmann::json measured = nlohmann::json::parse(phases);  // outlives the loop over it
  for (const auto& [name, seconds] : measured.items()) p.record(name, seconds.get<double>());
  p.fhe(nlohmann::json::parse(info));
  omp_set_num_threads(p.threads());  // OpenFHE parallelizes inside operations with OpenMP
}

// HEIR's context, a key pair and the evaluation keys its configure function makes, timed.
template <class Generate, class Configure>
CryptoContextT keygen(fhebench::Program& p, Keys& keys, Generate generate, Configure configure) {
  auto t = p.phase("keygen");
  CryptoContextT cc = generate();
  keys = cc->KeyGen();
  return configure(cc, keys.secretKey);
}

inline std::vector<uint32_t> modulus_bits(const std::shared_ptr<ILDCRTParams<BigInteger>>& params) {
  std::vector<uint32_t> bits;
  if (params)
    for (const auto& q : params->GetParams()) bits.push_back(q->GetModulus().GetMSB());
  return bits;
}

// The ring, moduli and key switching OpenFHE derived from HEIR's settings, and the serialized
// sizes of the keys and of one fresh ciphertext (outside the timed phases).
inline void report(fhebench::Program& p, const CryptoContextT& cc, const Keys& keys, const CiphertextT& fresh) {
  auto crypto = std::dynamic_pointer_cast<CryptoParametersRNS>(cc->GetCryptoParameters());
  const std::vector<uint32_t> q = modulus_bits(cc->GetElementParams());
  const std::vector<uint32_t> special = modulus_bits(crypto->GetParamsP());
  std::vector<uint32_t> all = q;
  all.insert(all.end(), special.begin(), special.end());
  const SCHEME id = cc->getSchemeId();
  const bool ckks = id == SCHEME::CKKSRNS_SCHEME;
  p.fhe({{"library_version", GetOPENFHEVersion()},
         {"scheme", ckks ? "CKKS" : id == SCHEME::BFVRNS_SCHEME ? "BFV" : "BGV"},
         {"poly_modulus_degree", cc->GetRingDimension()}, {"coeff_modulus_bits", all},
         {"ciphertext_modulus_bits", q}, {"special_modulus_bits", special},
         {"key_switching", crypto->GetKeySwitchTechnique() == HYBRID ? "HYBRID" : "BV"},
         {"declared_security_bits", 128}, {"security_level", "HEStd_128_classic (OpenFHE's default)"},
         {"threads", omp_get_max_threads()}});
  if (ckks) p.fhe({{"scale_bits", static_cast<int>(std::log2(crypto->GetScalingFactorReal(0)) + 0.5)}});
  else p.fhe({{"plain_modulus", crypto->GetPlaintextModulus()}});
  p.sizes("ciphertext_bytes", fhebench::serialized_bytes([&](std::ostream& o) { Serial::Serialize(fresh, o, SerType::BINARY); }));
  p.sizes("public_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) { Serial::Serialize(keys.publicKey, o, SerType::BINARY); }));
  const std::string tag = keys.secretKey->GetKeyTag();
  if (CryptoContextImpl<DCRTPoly>::GetAllEvalMultKeys().count(tag))
    p.sizes("relin_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
              CryptoContextImpl<DCRTPoly>::SerializeEvalMultKey(o, SerType::BINARY, tag);
            }));
  if (CryptoContextImpl<DCRTPoly>::GetAllEvalAutomorphismKeys().count(tag))
    p.sizes("galois_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
              CryptoContextImpl<DCRTPoly>::SerializeEvalAutomorphismKey(o, SerType::BINARY, tag);
            }));
}

}  // namespace heirbench
