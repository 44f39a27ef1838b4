#include "cingulata_program.hpp"

#include <bit_exec/decorator/attach.hxx>
#include <bit_exec/decorator/depth.hxx>
#include <bit_exec/decorator/stat.hxx>
#include <bit_exec/tracker.hxx>
#include <ci_context.hxx>
#include <int_op_gen/size.hxx>
#include <tfhe.h>
#include <tfhe_bit_exec.hxx>
#include <tfhe_io.h>

#include <fhebench/random.hpp>

#include <fstream>
#include <memory>
#include <string>

namespace cingubench {
namespace {

using namespace cingulata;

constexpr const char* kVersion = "1.5.0 (commit 5a60091), TFHE 1.1 (commit 9373b5d)";
constexpr int kMinimumLambda = 110;        // TFHE's README: "at least 110-bit" security
constexpr double kSecondsPerGate = 0.021;  // one bootstrapped gate, spqlios-fma, one thread
constexpr double kMaxMinutes = 10;
constexpr const char* kKeyFile = "cingulata_tfhe.sk";  // TfheBitExec reads its key from a file

using Tracer = decorator::Attach<BitTracker, decorator::Stat<IBitExecSHE>, decorator::Depth<IBitExecSHE>>;
using TfheExec = decorator::Attach<TfheBitExec, decorator::Stat<IBitExecFHE>>;

std::vector<CiInt> encrypt_all(const std::vector<Input>& inputs) {
  std::vector<CiInt> words;
  for (const Input& in : inputs) words.push_back(CiInt(in.value, in.bits, false).encrypt());
  return words;
}

// The compile phase: Cingulata builds the Boolean circuit of the C++ code with its size-
// minimising integer operators (IntOpGenSize) and constant folding; the tracker records it
// as an AND/XOR circuit, whose gate count and multiplicative (AND) depth are reported.
void compile(fhebench::Program& p, const std::vector<Input>& inputs, const Circuit& circuit) {
  auto tracer = std::make_shared<Tracer>();
  {
    auto t = p.phase("compile");
    CiContext::set_config(tracer, std::make_shared<IntOpGenSize>());
    circuit(encrypt_all(inputs));
  }
  const uint64_t gates = tracer->and_cnt() + tracer->xor_cnt();
  p.fhe({{"circuit_and_gates", tracer->and_cnt()}, {"circuit_xor_gates", tracer->xor_cnt()},
         {"multiplicative_depth", tracer->mult_depth()}, {"circuit_depth", tracer->depth()}});
  // AND/XOR gates bound the bootstraps from above: on TFHE, OR, NAND, ... are single gates.
  fhebench::refuse_if_estimated_over(p, gates, kSecondsPerGate, kMaxMinutes, "AND/XOR gates");
}

// TFHE's generator is a default-seeded std::default_random_engine: seed it properly.
void seed_from_os() {
  auto seed = fhebench::os_random_words<8>();
  tfhe_random_generator_setSeed(seed.data(), seed.size());
}

// Generates the key set and hands it to Cingulata's TFHE executor, which loads keys from a file.
std::shared_ptr<TfheExec> keygen(fhebench::Program& p) {
  auto t = p.phase("keygen");
  seed_from_os();
  TFheGateBootstrappingParameterSet* params = new_default_gate_bootstrapping_parameters(kMinimumLambda);
  TFheGateBootstrappingSecretKeySet* key = new_random_gate_bootstrapping_secret_keyset(params);
  {
    std::ofstream f(kKeyFile, std::ios::binary);
    export_tfheGateBootstrappingSecretKeySet_toStream(f, key);
  }
  const TLweParams* acc = params->tgsw_params->tlwe_params;
  p.fhe({{"library", "Cingulata"}, {"library_version", kVersion}, {"scheme", "TFHE"},
         {"backend", "TFHE (tfhe/tfhe) gate bootstrapping"},
         {"parameter_set", "new_default_gate_bootstrapping_parameters(110)"},
         {"lwe_n", params->in_out_params->n}, {"tlwe_N", acc->N}, {"tlwe_k", acc->k},
         {"bk_l", params->tgsw_params->l}, {"bk_Bgbit", params->tgsw_params->Bgbit}, {"ks_t", params->ks_t},
         {"ks_basebit", params->ks_basebit}, {"declared_security_bits", kMinimumLambda},
         {"security_note", "TFHE's README declares at least 110-bit for its default set (CGGI 2019), "
                           "whose source comment estimates 129-bit (2020)"},
         {"threads_used", 1}});
  p.sizes("bootstrapping_key_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
            export_tfheGateBootstrappingCloudKeySet_toStream(o, &key->cloud);
          }));
  LweSample* ct = new_gate_bootstrapping_ciphertext(params);
  p.sizes("ciphertext_bytes", fhebench::serialized_bytes([&](std::ostream& o) {
            export_gate_bootstrapping_ciphertext_toStream(o, ct, params);
          }));
  delete_gate_bootstrapping_ciphertext(ct);
  delete_gate_bootstrapping_secret_keyset(key);
  delete_gate_bootstrapping_parameters(params);
  auto exec = std::make_shared<TfheExec>(kKeyFile, TfheBitExec::Secret);
  CiContext::set_config(exec, std::make_shared<IntOpGenSize>());
  return exec;
}

int64_t decode(CiInt& w, bool is_signed) {
  uint64_t v = w.decrypt().get_val();
  const unsigned n = w.size();
  if (n < 64) v &= (uint64_t{1} << n) - 1;
  if (is_signed && n > 0 && n < 64 && ((v >> (n - 1)) & 1)) v |= ~uint64_t{0} << n;
  return static_cast<int64_t>(v);
}

}  // namespace

std::vector<int64_t> run_circuit(fhebench::Program& p, const std::vector<Input>& inputs, const Circuit& circuit,
                                 bool signed_outputs) {
  compile(p, inputs, circuit);
  auto exec = keygen(p);
  std::vector<CiInt> encrypted, results;
  {
    auto t = p.phase("encrypt");
    encrypted = encrypt_all(inputs);
  }
  {
    auto t = p.phase("compute");
    results = circuit(encrypted);
  }
  std::vector<int64_t> values;
  {
    auto t = p.phase("decrypt");
    for (CiInt& w : results) values.push_back(decode(w, signed_outputs));
  }
  // bootsMUX is two blind rotations; every other binary gate one; NOT none.
  p.fhe({{"bootstrapped_gates", exec->total_bin_op_cnt() + 2 * exec->mux_cnt()}});
  std::remove(kKeyFile);
  return values;
}

}  // namespace cingubench
