// cardio, batched: BFV t = 65537, n = 8192 as tools/SEAL. Bit-sliced: one ciphertext per input
// bit, slot j holding patient j; the conditions are the comparator circuits of compare.hpp
// (depth 4) and the risk is the sum of the 9 condition bits (the sex-dependent pairs are
// multiplexers), exact mod t.
#include <fhebench/main.hpp>
#include <fhebench/packing.hpp>
#include <algorithm>
#include <map>
#include <string>

#include "common/circuit.hpp"

using namespace ofhebench;

namespace {

const char* const kFields[] = {"sex", "antecedent", "smoker", "diabetic", "pressure", "age",
                               "hdl", "height",     "weight", "physical_act", "drinking"};
const BfvSpec kSpec{8192, 65537, 4};

// Encrypts patients [start, start + count): one ciphertext per field bit.
std::map<std::string, Bits> encrypt_batch(Circuit& circuit, const Context& cc, const KeyPair& keys,
                                          const std::map<std::string, fhebench::IntField<int64_t>>& plain,
                                          size_t start, size_t count) {
  std::map<std::string, Bits> in;
  for (const auto& [name, f] : plain) {
    for (int b = 0; b < f.bits; ++b) {
      auto slots = fhebench::packing::bit_plane(f.values, b, start, count);
      in[name].push_back(circuit.encrypted(cc->Encrypt(keys.publicKey, cc->MakePackedPlaintext(slots))));
    }
  }
  return in;
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  use_threads(p);
  size_t patients = p.size("patients");
  const auto plain = p.int_fields<int64_t>(kFields);  // encrypted as their declared bits, LSB first

  KeyOptions options{.relin = true};
  const auto [cc, keys] = keygen_bfv(p, kSpec, options);
  for (const char* phase : {"encrypt", "compute", "decrypt"}) p.record(phase, 0.0);

  Circuit circuit(cc);
  std::vector<int64_t> risks;
  Ciphertext sample;
  int depth = 0;
  size_t slots = cc->GetRingDimension();
  for (size_t start = 0; start < patients; start += slots) {  // one batch of slots after the other
    size_t count = std::min(slots, patients - start);
    std::map<std::string, Bits> in;
    {
      auto t = p.phase("encrypt");
      in = encrypt_batch(circuit, cc, keys, plain, start, count);
    }
    if (!sample) sample = in.at("age")[0].ct;
    Value risk;
    {
      auto t = p.phase("compute");
      risk = circuit.sum(fhebench::cardio_conditions<Circuit, Value>(circuit, in));
    }
    depth = risk.depth;
    {
      auto t = p.phase("decrypt");
      Plaintext pt;
      cc->Decrypt(keys.secretKey, risk.ct, &pt);
      pt->SetLength(count);
      const auto& v = pt->GetPackedValue();
      risks.insert(risks.end(), v.begin(), v.end());
    }
  }

  p.output("risk", risks);
  p.fhe({{"circuit_depth", depth}, {"ciphertext_multiplications", circuit.multiplications() / ((patients + slots - 1) / slots)}});
  report(p, cc, kSpec.depth, keys, options, sample);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
