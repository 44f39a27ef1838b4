#include "report.hpp"

#include <algorithm>
#include <stdexcept>

namespace sealbench {
namespace {

const char* scheme_name(seal::scheme_type scheme) {
  switch (scheme) {
    case seal::scheme_type::bfv: return "BFV";
    case seal::scheme_type::bgv: return "BGV";
    case seal::scheme_type::ckks: return "CKKS";
    default: return "none";
  }
}

void report_parameters(fhebench::Program& p, const seal::SEALContext& context) {
  const auto& parms = context.key_context_data()->parms();
  nlohmann::json bits = nlohmann::json::array();
  for (const auto& q : parms.coeff_modulus()) bits.push_back(q.bit_count());
  nlohmann::json fhe = {{"library", "Microsoft SEAL"},
                        {"library_version", std::to_string(SEAL_VERSION_MAJOR) + "." +
                                                std::to_string(SEAL_VERSION_MINOR) + "." +
                                                std::to_string(SEAL_VERSION_PATCH)},
                        {"scheme", scheme_name(parms.scheme())},
                        {"poly_modulus_degree", parms.poly_modulus_degree()},
                        {"coeff_modulus_bits", bits},
                        {"declared_security_bits", 128},
                        {"threads", p.threads()}};
  if (parms.scheme() != seal::scheme_type::ckks) fhe["plain_modulus"] = parms.plain_modulus().value();
  p.fhe(fhe);
}

}  // namespace

std::unique_ptr<KeySet> generate_keys(fhebench::Program& p, const seal::EncryptionParameters& parms,
                                      const KeyOptions& options) {
  std::unique_ptr<KeySet> keys;
  {
    auto timer = p.phase("keygen");
    {
      auto t = p.phase("keygen.context");
      keys = std::make_unique<KeySet>(parms);
    }
    if (!keys->context.parameters_set())
      throw std::runtime_error(std::string("invalid SEAL parameters: ") +
                               keys->context.parameter_error_message());
    keys->keygen.create_public_key(keys->public_key);
    if (options.relin) {
      auto t = p.phase("keygen.relin");
      keys->keygen.create_relin_keys(keys->relin_keys);
    }
    if (!options.galois_steps.empty()) {
      auto t = p.phase("keygen.galois");
      keys->keygen.create_galois_keys(options.galois_steps, keys->galois_keys);
    }
  }
  report_parameters(p, keys->context);
  p.sizes("public_key_bytes", saved_size(keys->public_key));
  if (options.relin) p.sizes("relin_key_bytes", saved_size(keys->relin_keys));
  if (!options.galois_steps.empty()) p.sizes("galois_key_bytes", saved_size(keys->galois_keys));
  return keys;
}

void report_ciphertext(fhebench::Program& p, const seal::Ciphertext& fresh) {
  p.sizes("ciphertext_bytes", saved_size(fresh));
}

void NoiseBudget::observe(seal::Decryptor& decryptor, const seal::Ciphertext& result) {
  int bits = decryptor.invariant_noise_budget(result);
  min_bits_ = min_bits_ < 0 ? bits : std::min(min_bits_, bits);
}

void NoiseBudget::report(fhebench::Program& p) const {
  if (min_bits_ >= 0) p.fhe({{"noise_budget_bits", min_bits_}});
}

}  // namespace sealbench
