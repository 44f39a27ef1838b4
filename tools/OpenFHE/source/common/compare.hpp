// Comparisons of encrypted unsigned integers given as bits (LSB first), as sums of mutually
// exclusive products with balanced product trees. The algorithms are tools/SEAL's (its
// README): depth log2(bits) against a public constant; depth 4 for x − y ≥ k on 8-bit operands.
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
// Sub-results are memoized, so age > 50 and age > 60 share equal high parts.
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

// [x − y ≥ k] for encrypted x, y of equal width and public k, on base-4 digits
// D_j = X_j − Y_j ∈ [−3, 3]: one-hot encodings of the 2-bit digits (one multiplication each),
// digit predicates as sums of one-hot products, and for digits split into high H and low L:
// [D ≥ k] = [D_H ≥ δ*] + Σ_δ [D_H = δ]·[D_L ≥ k − 4^|L|·δ] over the δ where L decides.
class DifferenceComparator {
 public:
  DifferenceComparator(Circuit& circuit, Bits x, Bits y);
  Value at_least(int64_t k) { return ge(0, digits_, k); }

 private:
  Value ge(int lo, int len, int64_t k);
  Value eq(int lo, int len, int64_t k);
  Value digit_ge(int j, int64_t k);
  Value digit_eq(int j, int64_t k);
  Value hot_times_set(int j, int side, int v, unsigned mask);  // [side's digit = v]·[other's ∈ mask]

  Circuit& c_;
  int digits_ = 0;
  std::array<std::vector<std::array<Value, 4>>, 2> hot_;  // [side][digit][value]
  std::map<std::tuple<int, int, int64_t>, Value> ge_memo_, eq_memo_;
  std::map<std::tuple<int, int, int, unsigned>, Value> product_memo_;
};

}  // namespace ofhebench
