#include "cingulata_program.hpp"

#include "abc_circuit.hpp"

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

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
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

// Each output bit of the circuit: a BLIF output's index, or kZero/kOne for a folded constant.
constexpr int kZero = -1, kOne = -2;
struct OutputWord {
  std::vector<int> bits;
  bool is_signed;
};

// Marks the tracked outputs (decrypting a tracked bit makes it a circuit output).
std::vector<OutputWord> mark_outputs(const std::vector<CiInt>& results) {
  std::vector<OutputWord> words;
  int next = 0;
  for (const CiInt& w : results) {
    OutputWord o{{}, w.is_signed()};
    for (unsigned i = 0; i < w.size(); ++i) {
      CiBit b = w[i];
      if (b.is_plain()) o.bits.push_back(b.get_val() ? kOne : kZero);
      else b.decrypt(), o.bits.push_back(next++);
    }
    words.push_back(std::move(o));
  }
  return words;
}

CiBit cibit_gate(const Gate& g, const std::vector<CiBit>& node) {
  if (g.inputs.empty()) return CiBit(g.table & 1);
  const CiBit& a = node[g.inputs[0]];
  if (g.inputs.size() == 1) return g.table == 2 ? a : op_not(a);
  const CiBit& b = node[g.inputs[1]];
  switch (g.table) {  // bit (a + 2b) of the table is the output for a, b
    case 8: return op_and(a, b);
    case 7: return op_nand(a, b);
    case 14: return op_or(a, b);
    case 1: return op_nor(a, b);
    case 6: return op_xor(a, b);
    case 9: return op_xnor(a, b);
    case 4: return op_andny(a, b);
    case 2: return op_andyn(a, b);
    case 13: return op_orny(a, b);
    case 11: return op_oryn(a, b);
  }
  throw std::runtime_error("gate table " + std::to_string(g.table) + " is not a two-input gate");
}

// The ABC circuit as a Circuit over the same input and output words.
Circuit optimised(BlifCircuit blif, std::vector<OutputWord> shape) {
  return [blif = std::move(blif), shape = std::move(shape)](const std::vector<CiInt>& in) {
    std::vector<CiBit> bits;
    for (const CiInt& w : in)
      for (unsigned i = 0; i < w.size(); ++i) bits.push_back(w[i]);
    const std::vector<CiBit> out = evaluate(blif, bits, cibit_gate);
    std::vector<CiInt> words;
    for (const OutputWord& o : shape) {
      std::vector<CiBit> wb;
      for (int b : o.bits) wb.push_back(b >= 0 ? out[b] : CiBit(b == kOne ? 1 : 0));
      words.emplace_back(wb, o.is_signed);
    }
    return words;
  };
}

// ABC must compute what Cingulata's circuit computes: both agree on 256 random input vectors.
void check_equivalent(const BlifCircuit& a, const BlifCircuit& b) {
  std::mt19937_64 rng(1);
  for (int round = 0; round < 256; ++round) {
    std::vector<bool> in(a.inputs);
    for (int i = 0; i < a.inputs; ++i) in[i] = rng() & 1;
    if (evaluate(a, in, plain_gate) != evaluate(b, in, plain_gate))
      throw std::runtime_error("ABC's circuit differs from Cingulata's");
  }
}

// compile.abc: Cingulata's circuit through ABC (abc_circuit.hpp), mapped to TFHE's gates.
Circuit abc_optimise(fhebench::Program& p, Tracer& tracer, const std::vector<CiInt>& results) {
  const std::string abc = find_abc();
  if (abc.empty()) p.unsupported("the abc variant needs ABC on PATH: apt-get install berkeley-abc");
  auto t = p.phase("compile.abc");
  std::vector<OutputWord> shape = mark_outputs(results);
  const std::string blif = "cingulata.blif";
  tracer.export_blif(blif);
  std::ifstream f(blif);
  const BlifCircuit before = read_blif(f);
  std::string script;
  BlifCircuit after = run_abc(abc, blif, script);
  std::remove(blif.c_str());
  check_equivalent(before, after);
  p.fhe({{"abc_script", script}, {"circuit_gates_before_abc", before.binary_gates()},
         {"circuit_depth_before_abc", before.depth()}, {"circuit_gates_after_abc", after.binary_gates()},
         {"circuit_depth_after_abc", after.depth()}});
  return optimised(std::move(after), std::move(shape));
}

// The compile phase: Cingulata builds the Boolean circuit of the C++ code with its size-
// minimising integer operators (IntOpGenSize) and constant folding; the tracker records it
// as an AND/XOR circuit, whose gate count and multiplicative (AND) depth are reported. The
// abc variant then optimises it with ABC and returns the optimised circuit.
Circuit compile(fhebench::Program& p, const std::vector<Input>& inputs, const Circuit& circuit) {
  auto tracer = std::make_shared<Tracer>();
  std::vector<CiInt> results;
  {
    auto t = p.phase("compile");
    CiContext::set_config(tracer, std::make_shared<IntOpGenSize>());
    results = circuit(encrypt_all(inputs));
  }
  p.fhe({{"circuit_and_gates", tracer->and_cnt()}, {"circuit_xor_gates", tracer->xor_cnt()},
         {"multiplicative_depth", tracer->mult_depth()}, {"circuit_depth", tracer->depth()}});
  // AND/XOR gates bound the bootstraps from above: on TFHE, OR, NAND, ... are single gates;
  // both variants refuse the same sizes, before ABC runs.
  fhebench::refuse_if_estimated_over(p, tracer->and_cnt() + tracer->xor_cnt(), kSecondsPerGate, kMaxMinutes,
                                     "AND/XOR gates");
  if (p.variant() != "abc") return circuit;
  auto t = p.phase("compile");  // phases named twice accumulate: ABC is part of compile
  return abc_optimise(p, *tracer, results);
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
  const Circuit run = compile(p, inputs, circuit);
  auto exec = keygen(p);
  std::vector<CiInt> encrypted, results;
  {
    auto t = p.phase("encrypt");
    encrypted = encrypt_all(inputs);
  }
  {
    auto t = p.phase("compute");
    results = run(encrypted);
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
