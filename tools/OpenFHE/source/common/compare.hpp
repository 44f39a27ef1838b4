// Comparisons of encrypted unsigned integers given as bits (LSB first), as sums of mutually
// exclusive products with balanced product trees. The algorithms are tools/SEAL's (its
// README, same multiplication counts): depth log2(bits) against a public constant; depth 4 for
// x − y ≥ k on 8-bit operands.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "circuit.hpp"

namespace ofhebench {

using Bits = std::vector<Value>;

// [x > c] and [x < c] for public c: gt(H‖L) = gt(H) + eq(H)·gt(L), eq(H‖L) = eq(H)·eq(L).
// Where the constant's bits are all 0, gt = 1 − eq (all 1: lt = 1 − eq). Sub-results are
// memoized, so age > 50 and age > 60 share equal high parts.
class ConstantComparator {
 public:
  ConstantComparator(Circuit& circuit, Bits x) : c_(circuit), x_(std::move(x)) {}
  Value greater_than(uint64_t k);
  Value less_than(uint64_t k);

 private:
  enum Op { kEq, kGt, kLt };
  Value compare(Op op, int lo, int len, uint64_t k);

  Circuit& c_;
  Bits x_;
  std::map<std::tuple<int, int, int, uint64_t>, Value> memo_;
};

// [x − y ≥ k] for encrypted x, y of equal width and public k, on signed binary digits
// D_i = x_i − y_i ∈ {−1, 0, 1} (one-hot with one multiplication per bit), and for digits split
// into high H and low L: [D ≥ k] = [D_H ≥ δ*] + Σ_δ [D_H = δ]·[D_L ≥ k − 2^|L|·δ] over the
// δ where L decides. 8-bit operands: depth 4, 38 multiplications.
class DifferenceComparator {
 public:
  DifferenceComparator(Circuit& circuit, const Bits& x, const Bits& y);
  Value at_least(int64_t k) { return ge(0, static_cast<int>(digits_.size()), k); }

 private:
  Value ge(int lo, int len, int64_t k);
  Value eq(int lo, int len, int64_t k);

  Circuit& c_;
  std::vector<std::array<Value, 3>> digits_;  // [D_i = −1], [D_i = 0], [D_i = 1]
  std::map<std::tuple<int, int, int64_t>, Value> ge_memo_, eq_memo_;
};

}  // namespace ofhebench
