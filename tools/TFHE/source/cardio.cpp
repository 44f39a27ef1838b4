// cardio, bit-level: every input bit is one TFHE ciphertext; the 11 conditions are gate
// circuits (comparators, one adder) and the risk is their population count.
#include <fhebench/main.hpp>
#include "bit_program.hpp"

using namespace tfhebench;

namespace {

// A patient's words in this order, each as wide as input.json declares (flags 1 bit, numbers 8).
const std::vector<std::string> kFields = {"sex", "antecedent", "smoker",   "diabetic",     "pressure", "age",
                                          "hdl", "height",     "weight",   "physical_act", "drinking"};

Word risk(Gates& g, const Word* in) {
  const Bit& sex = in[0][0];
  const Word &age = in[5], &hdl = in[6], &height = in[7], &weight = in[8], &activity = in[9], &drinking = in[10];
  auto c = [&](uint64_t v, const Word& like) { return constant_word(g, v, like.size()); };  // as wide as `like`
  // The sex-dependent pairs of rules exclude each other: one MUX picks the rule that applies.
  std::vector<Word> conditions = {
      {g.MUX(sex, less_than(g, c(50, age), age), less_than(g, c(60, age), age))},
      in[1], in[2], in[3], in[4],
      {less_than(g, hdl, c(40, hdl))},
      {less_than(g, height, add(g, weight, c(90, weight)))},
      {less_than(g, activity, c(30, activity))},
      {g.MUX(sex, less_than(g, c(3, drinking), drinking), less_than(g, c(2, drinking), drinking))},
  };
  return sum(g, conditions);
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  size_t n = p.size("patients");
  const std::vector<Input> inputs = p.bit_inputs(kFields, n);
  auto circuit = [n](Gates& g, const std::vector<Word>& in) {
    std::vector<Word> out;
    for (size_t i = 0; i < n; ++i) out.push_back(risk(g, &in[i * kFields.size()]));
    return out;
  };
  std::vector<int64_t> risks = run_bit_level(p, inputs, circuit, false);
  p.output("risk", risks);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
