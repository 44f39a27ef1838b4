// cardio in Cingulata's C++ circuit language: the 11 conditions as comparisons of CiInts (one
// patient's inputs), their population count as the risk.
#include <ci_fncs.hxx>

#include <algorithm>

#include "cingulata_program.hpp"

using namespace cingulata;
using namespace cingubench;

namespace {

// A patient's CiInts in this order, each as wide as input.json declares (flags 1 bit, numbers 8).
const std::vector<std::string> kFields = {"sex", "antecedent", "smoker",   "diabetic",     "pressure", "age",
                                          "hdl", "height",     "weight",   "physical_act", "drinking"};

CiInt c(unsigned v, const CiInt& like) { return CiInt(v, like.size(), false); }  // as wide as `like`

CiInt risk(const CiInt* in) {
  const CiBit& sex = in[0][0];
  const CiInt &age = in[5], &hdl = in[6], &height = in[7], &weight = in[8], &activity = in[9], &drinking = in[10];
  // height < weight + 90 compares one bit wider than weight, so that the sum cannot wrap.
  const unsigned sum_bits = std::max(height.size(), weight.size()) + 1;
  // op_mux(c, a, b) is c ? b : a: the sex-dependent rules exclude each other.
  std::vector<CiBit> conditions = {
      op_mux(sex, c(60, age) < age, c(50, age) < age),
      in[1][0], in[2][0], in[3][0], in[4][0],
      hdl < c(40, hdl),
      height.resize(sum_bits) < weight.resize(sum_bits) + CiInt(90u, sum_bits, false),
      activity < c(30, activity),
      op_mux(sex, c(2, drinking) < drinking, c(3, drinking) < drinking),
  };
  return sum(conditions);
}

}  // namespace

int main() {
  fhebench::Program p;
  const size_t n = p.size("patients");
  const std::vector<Input> inputs = p.bit_inputs(kFields, n);
  auto circuit = [n](const std::vector<CiInt>& in) {
    std::vector<CiInt> out;
    for (size_t i = 0; i < n; ++i) out.push_back(risk(&in[i * kFields.size()]));
    return out;
  };
  p.output("risk", run_circuit(p, inputs, circuit, false));
  return p.finish();
}
