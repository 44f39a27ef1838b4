// cardio, batched: BFV t = 65537, n = 8192 as tools/SEAL. Bit-sliced: one ciphertext per input
// bit, slot j holding patient j; the conditions are the comparator circuits of compare.hpp
// (depth 4) and the risk is the sum of the 9 condition bits (the sex-dependent pairs are
// multiplexers), exact mod t.
#include <map>
#include <string>

#include "common/compare.hpp"

using namespace ofhebench;

namespace {

struct Field {
  const char* name;
  int bits;  // 1 for the {0,1} flags, 8 for the numbers
};
const Field kFields[] = {{"sex", 1},    {"antecedent", 1}, {"smoker", 1}, {"diabetic", 1},
                         {"pressure", 1}, {"age", 8},       {"hdl", 8},    {"height", 8},
                         {"weight", 8},  {"physical_act", 8}, {"drinking", 8}};
const BfvSpec kSpec{8192, 65537, 4};

std::vector<Value> conditions(Circuit& c, std::map<std::string, Bits>& in) {
  const Value& sex = in.at("sex")[0];
  ConstantComparator age(c, in.at("age")), hdl(c, in.at("hdl")), activity(c, in.at("physical_act")),
      drinking(c, in.at("drinking"));
  DifferenceComparator weight_minus_height(c, in.at("weight"), in.at("height"));
  return {c.mux(sex, age.greater_than(50), age.greater_than(60)),
          in.at("antecedent")[0], in.at("smoker")[0], in.at("diabetic")[0], in.at("pressure")[0],
          hdl.less_than(40),
          weight_minus_height.at_least(-89),  // height < weight + 90
          activity.less_than(30),
          c.mux(sex, drinking.greater_than(3), drinking.greater_than(2))};
}

}  // namespace

int main() {
  fhebench::Program p;
  use_threads(p);
  size_t patients = p.size("patients");
  if (patients > kSpec.ring_dim)
    p.unsupported(std::to_string(patients) + " patients > " + std::to_string(kSpec.ring_dim) + " slots");

  KeyOptions options{.relin = true};
  Context cc;
  KeyPair keys;
  {
    auto t = p.phase("keygen");
    cc = make_bfv(kSpec);
    keys = generate_keys(p, cc, options);
  }

  std::map<std::string, std::vector<Ciphertext>> encrypted;
  {
    auto t = p.phase("encrypt");
    for (const Field& f : kFields) {
      auto values = p.input<std::vector<int64_t>>(f.name);
      for (int b = 0; b < f.bits; ++b) {
        std::vector<int64_t> slots(patients);
        for (size_t j = 0; j < patients; ++j) slots[j] = (values.at(j) >> b) & 1;
        encrypted[f.name].push_back(cc->Encrypt(keys.publicKey, cc->MakePackedPlaintext(slots)));
      }
    }
  }

  Circuit circuit(cc);
  Value risk;
  {
    auto t = p.phase("compute");
    std::map<std::string, Bits> in;
    for (auto& [name, cts] : encrypted)
      for (auto& ct : cts) in[name].push_back(circuit.encrypted(ct));
    risk = circuit.sum(conditions(circuit, in));
  }

  std::vector<int64_t> result;
  {
    auto t = p.phase("decrypt");
    Plaintext pt;
    cc->Decrypt(keys.secretKey, risk.ct, &pt);
    pt->SetLength(patients);
    result = pt->GetPackedValue();
  }

  p.output("risk", result);
  p.fhe({{"circuit_depth", risk.depth}, {"ciphertext_multiplications", circuit.multiplications()}});
  report(p, cc, kSpec.depth, keys, options, encrypted.at("age")[0]);
  return p.finish();
}
