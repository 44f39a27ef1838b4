// chi_squared in Cingulata's C++ circuit language: n0, n1, n2 as 5-bit CiInts, widened to the
// exact result widths before each operation (Cingulata's operators keep the wider operand's width).
#include <ci_fncs.hxx>

#include "cingulata_program.hpp"

using namespace cingulata;
using namespace cingubench;

namespace {

constexpr unsigned kInputBits = 5;  // inputs are 0..31
constexpr unsigned kDiffBits = 13;  // 4·n0·n2 − n1² lies in −961..3844

std::vector<CiInt> statistics(const CiInt& n0, const CiInt& n1, const CiInt& n2) {
  const CiInt x = (n0.resize(7) << 1) + n1.resize(7);  // 2·n0 + n1 ≤ 93
  const CiInt y = (n2.resize(7) << 1) + n1.resize(7);  // 2·n2 + n1
  const CiInt d = (n0.alter(kDiffBits, true) * n2.alter(kDiffBits, true) << 2) -
                  n1.alter(kDiffBits, true) * n1.alter(kDiffBits, true);
  const CiInt m = cingulata::select(d[kDiffBits - 1], CiInt(0u, kDiffBits, true) - d, d).alter(12, false);  // |d| ≤ 3844
  const CiInt x14 = x.resize(14), y14 = y.resize(14), m24 = m.resize(24);
  return {m24 * m24, (x14 * x14).resize(15) << 1, x14 * y14, (y14 * y14).resize(15) << 1};
}

}  // namespace

int main() {
  fhebench::Program p;
  const size_t n = p.size("instances");
  auto n0 = p.input<std::vector<uint64_t>>("n0"), n1 = p.input<std::vector<uint64_t>>("n1"),
       n2 = p.input<std::vector<uint64_t>>("n2");
  std::vector<Input> inputs;
  for (size_t i = 0; i < n; ++i)
    for (uint64_t v : {n0.at(i), n1.at(i), n2.at(i)}) inputs.push_back({v, kInputBits});
  auto circuit = [n](const std::vector<CiInt>& in) {
    std::vector<CiInt> out;  // alpha, beta1, beta2, beta3 of instance 0, then of instance 1, ...
    for (size_t i = 0; i < n; ++i)
      for (CiInt& w : statistics(in[3 * i], in[3 * i + 1], in[3 * i + 2])) out.push_back(std::move(w));
    return out;
  };
  const std::vector<int64_t> flat = run_circuit(p, inputs, circuit, false);
  p.outputs_interleaved({"alpha", "beta1", "beta2", "beta3"}, flat);
  return p.finish();
}
