#include "bit_program.hpp"

#include <fhebench/random.hpp>
#include <tfhe/tfhe_io.h>

#include <memory>
#include <ostream>
#include <string>

namespace tfhebench {

namespace {

constexpr const char* kLibraryVersion = "1.1 (commit 9373b5d)";
constexpr int kMinimumLambda = 110;       // the library's README: "at least 110-bit" security
constexpr double kSecondsPerGate = 0.021;  // one bootstrapped gate, spqlios-fma, one thread
constexpr double kMaxMinutes = 10;

std::vector<Word> placeholders(Gates& g, const std::vector<Input>& inputs) {
  std::vector<Word> words;
  for (const Input& in : inputs) {
    Word w;
    for (int i = 0; i < in.bits; ++i) w.push_back(g.fresh());
    words.push_back(std::move(w));
  }
  return words;
}

void refuse_if_too_slow(fhebench::Program& p, const std::vector<Input>& inputs, const Circuit& circuit) {
  Gates counter(nullptr);
  circuit(counter, placeholders(counter, inputs));
  uint64_t gates = counter.bootstraps();
  p.fhe({{"bootstrapped_gates", gates}});
  fhebench::refuse_if_estimated_over(p, gates, kSecondsPerGate, kMaxMinutes, "gates");
}

// The library's generator is a default-seeded std::default_random_engine: seed it properly.
void seed_from_os() {
  auto seed = fhebench::os_random_words<8>();
  tfhe_random_generator_setSeed(seed.data(), seed.size());
}

int64_t decode(const std::vector<int>& bits, bool is_signed) {
  uint64_t v = 0;
  for (size_t i = 0; i < bits.size(); ++i) v |= static_cast<uint64_t>(bits[i] & 1) << i;
  if (is_signed && !bits.empty() && bits.back()) v |= ~uint64_t{0} << bits.size();
  return static_cast<int64_t>(v);
}

void report_parameters(fhebench::Program& p, const TFheGateBootstrappingParameterSet* params) {
  const TLweParams* acc = params->tgsw_params->tlwe_params;
  p.fhe({{"library", "TFHE"}, {"library_version", kLibraryVersion}, {"scheme", "TFHE"},
         {"parameter_set", "new_default_gate_bootstrapping_parameters(110)"},
         {"lwe_n", params->in_out_params->n}, {"tlwe_N", acc->N}, {"tlwe_k", acc->k},
         {"bk_l", params->tgsw_params->l}, {"bk_Bgbit", params->tgsw_params->Bgbit},
         {"ks_t", params->ks_t}, {"ks_basebit", params->ks_basebit},
         {"lwe_alpha_min", params->in_out_params->alpha_min}, {"tlwe_alpha_min", acc->alpha_min},
         {"declared_security_bits", kMinimumLambda},
         {"security_note", "README declares at least 110-bit; the set is the library's "
                           "default_128bit (CGGI 2019), whose source comment estimates 129-bit (2020)"},
         {"threads_used", 1},
         {"threads_note", "TFHE's FFT processor keeps global scratch buffers: gates cannot run concurrently"}});
}

}  // namespace

std::vector<int64_t> run_bit_level(fhebench::Program& p, const std::vector<Input>& inputs,
                                   const Circuit& circuit, bool signed_outputs) {
  refuse_if_too_slow(p, inputs, circuit);

  std::unique_ptr<TFheGateBootstrappingParameterSet, void (*)(TFheGateBootstrappingParameterSet*)> params(
      nullptr, delete_gate_bootstrapping_parameters);
  std::unique_ptr<TFheGateBootstrappingSecretKeySet, void (*)(TFheGateBootstrappingSecretKeySet*)> key(
      nullptr, delete_gate_bootstrapping_secret_keyset);
  {
    auto t = p.phase("keygen");
    seed_from_os();
    params.reset(new_default_gate_bootstrapping_parameters(kMinimumLambda));
    key.reset(new_random_gate_bootstrapping_secret_keyset(params.get()));
  }

  Gates gates(&key->cloud);
  std::vector<Word> encrypted;
  {
    auto t = p.phase("encrypt");
    encrypted = placeholders(gates, inputs);
    for (size_t i = 0; i < inputs.size(); ++i)
      for (int b = 0; b < inputs[i].bits; ++b)
        bootsSymEncrypt(encrypted[i][b].c.get(), (inputs[i].value >> b) & 1, key.get());
  }

  std::vector<Word> results;
  {
    auto t = p.phase("compute");
    results = circuit(gates, encrypted);
  }

  std::vector<int64_t> values;
  {
    auto t = p.phase("decrypt");
    for (const Word& w : results) {
      std::vector<int> bits;
      for (const Bit& b : w) bits.push_back(b.is_known() ? b.known : bootsSymDecrypt(b.c.get(), key.get()));
      values.push_back(decode(bits, signed_outputs));
    }
  }

  report_parameters(p, params.get());
  p.sizes("bootstrapping_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
            export_tfheGateBootstrappingCloudKeySet_toStream(o, &key->cloud);
          }));
  p.sizes("ciphertext_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
            export_gate_bootstrapping_ciphertext_toStream(o, encrypted.at(0).at(0).c.get(), params.get());
          }));
  return values;
}

}  // namespace tfhebench
