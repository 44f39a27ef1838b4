// cardio, bit-level: every input bit is one TFHE ciphertext; the 11 conditions are gate
// circuits (comparators, one adder) and the risk is their population count.
#include <fhebench/main.hpp>
#include "bit_program.hpp"

using namespace tfhebench;

namespace {

const std::vector<std::string> kFlags = {"sex", "antecedent", "smoker", "diabetic", "pressure"};
const std::vector<std::string> kBytes = {"age", "hdl", "height", "weight", "physical_act", "drinking"};
constexpr size_t kWordsPerPatient = 11;

Word risk(Gates& g, const Word* in) {
  auto c = [&](uint64_t v) { return constant_word(g, v, 8); };
  const Bit& sex = in[0][0];
  const Word &age = in[5], &hdl = in[6], &height = in[7], &weight = in[8], &activity = in[9], &drinking = in[10];
  // The sex-dependent pairs of rules exclude each other: one MUX picks the rule that applies.
  std::vector<Word> conditions = {
      {g.MUX(sex, less_than(g, c(50), age), less_than(g, c(60), age))},
      in[1], in[2], in[3], in[4],
      {less_than(g, hdl, c(40))},
      {less_than(g, height, add(g, weight, c(90)))},
      {less_than(g, activity, c(30))},
      {g.MUX(sex, less_than(g, c(3), drinking), less_than(g, c(2), drinking))},
  };
  return sum(g, conditions);
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  size_t n = p.size("patients");
  std::vector<Input> inputs;
  for (size_t i = 0; i < n; ++i) {
    for (const auto& name : kFlags) inputs.push_back({p.input<std::vector<uint64_t>>(name).at(i), 1});
    for (const auto& name : kBytes) inputs.push_back({p.input<std::vector<uint64_t>>(name).at(i), 8});
  }
  auto circuit = [n](Gates& g, const std::vector<Word>& in) {
    std::vector<Word> out;
    for (size_t i = 0; i < n; ++i) out.push_back(risk(g, &in[i * kWordsPerPatient]));
    return out;
  };
  std::vector<int64_t> risks = run_bit_level(p, inputs, circuit, false);
  p.output("risk", risks);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
