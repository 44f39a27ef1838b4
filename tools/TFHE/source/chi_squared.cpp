// chi_squared, bit-level: n0, n1, n2 as 5-bit encrypted words; adders, one subtractor, an
// absolute value and multipliers give the four outputs exactly.
#include <fhebench/main.hpp>
#include "bit_program.hpp"

using namespace tfhebench;

namespace {

constexpr int kInputBits = 5;    // inputs are 0..31
constexpr int kDiffBits = 13;    // 4·n0·n2 − n1² lies in −961..3844

std::vector<Word> statistics(Gates& g, const Word& n0, const Word& n1, const Word& n2) {
  Word x = add(g, shift_left(n0, 1), n1);  // 2·n0 + n1
  Word y = add(g, shift_left(n2, 1), n1);  // 2·n2 + n1
  Word d = subtract(g, shift_left(multiply(g, n0, n2), 2), square(g, n1), kDiffBits);
  Word m = magnitude(g, d);  // squaring |d| needs 12-bit, not 24-bit, operands
  return {square(g, m), shift_left(square(g, x), 1), multiply(g, x, y),
          shift_left(square(g, y), 1)};
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  size_t n = p.size("instances");
  auto n0 = p.input<std::vector<uint64_t>>("n0"), n1 = p.input<std::vector<uint64_t>>("n1"),
       n2 = p.input<std::vector<uint64_t>>("n2");
  std::vector<Input> inputs;
  for (size_t i = 0; i < n; ++i)
    for (uint64_t v : {n0.at(i), n1.at(i), n2.at(i)}) inputs.push_back({v, kInputBits});
  auto circuit = [n](Gates& g, const std::vector<Word>& in) {
    std::vector<Word> out;  // alpha, beta1, beta2, beta3 of instance 0, then of instance 1, ...
    for (size_t i = 0; i < n; ++i)
      for (Word& w : statistics(g, in[3 * i], in[3 * i + 1], in[3 * i + 2])) out.push_back(std::move(w));
    return out;
  };
  std::vector<int64_t> flat = run_bit_level(p, inputs, circuit, false);
  p.outputs_interleaved({"alpha", "beta1", "beta2", "beta3"}, flat);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
