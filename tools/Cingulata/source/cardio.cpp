// cardio in Cingulata's C++ circuit language: the 11 conditions as comparisons of CiInts (one
// patient's inputs), their population count as the risk.
#include <ci_fncs.hxx>

#include "cingulata_program.hpp"

using namespace cingulata;
using namespace cingubench;

namespace {

const std::vector<std::string> kFlags = {"sex", "antecedent", "smoker", "diabetic", "pressure"};
const std::vector<std::string> kBytes = {"age", "hdl", "height", "weight", "physical_act", "drinking"};
constexpr size_t kWordsPerPatient = 11;

CiInt u8(unsigned v) { return CiInt(v, 8, false); }

CiInt risk(const CiInt* in) {
  const CiBit& sex = in[0][0];
  const CiInt &age = in[5], &hdl = in[6], &height = in[7], &weight = in[8], &activity = in[9], &drinking = in[10];
  // op_mux(c, a, b) is c ? b : a: the sex-dependent rules exclude each other.
  std::vector<CiBit> conditions = {
      op_mux(sex, u8(60) < age, u8(50) < age),
      in[1][0], in[2][0], in[3][0], in[4][0],
      hdl < u8(40),
      height.resize(9) < weight.resize(9) + CiInt(90u, 9, false),
      activity < u8(30),
      op_mux(sex, u8(2) < drinking, u8(3) < drinking),
  };
  return sum(conditions);
}

}  // namespace

int main() {
  fhebench::Program p;
  const size_t n = p.size("patients");
  std::vector<Input> inputs;
  for (size_t i = 0; i < n; ++i) {
    for (const auto& name : kFlags) inputs.push_back({p.input<std::vector<uint64_t>>(name).at(i), 1});
    for (const auto& name : kBytes) inputs.push_back({p.input<std::vector<uint64_t>>(name).at(i), 8});
  }
  auto circuit = [n](const std::vector<CiInt>& in) {
    std::vector<CiInt> out;
    for (size_t i = 0; i < n; ++i) out.push_back(risk(&in[i * kWordsPerPatient]));
    return out;
  };
  p.output("risk", run_circuit(p, inputs, circuit, false));
  return p.finish();
}
