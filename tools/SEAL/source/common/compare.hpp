// Comparisons of encrypted unsigned integers given as bits (LSB first). Results are sums of
// mutually exclusive products, so they are exact mod 2 and mod any larger t, and every
// product tree is balanced: depth log2(bits) against a public constant, 1 + log2(bits) for
// the difference of two encrypted numbers against a constant.
#pragma once

#include "circuit.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

namespace sealbench {

using Bits = std::vector<Value>;

// [x > c] and [x < c] for public c. Equal high parts of different constants share their
// sub-results (age > 50 and age > 60 share the high nibble).
class ConstantComparator {
 public:
  ConstantComparator(Circuit& circuit, Bits x) : circuit_(circuit), x_(std::move(x)) {}
  Value greater_than(uint64_t c);
  Value less_than(uint64_t c);

 private:
  enum Op { kEq, kGt, kLt };
  Value compare(Op op, int lo, int len, uint64_t c);  // c: the constant's bits lo..lo+len-1
  Value bit(Op op, int i, uint64_t c_bit);

  Circuit& circuit_;
  Bits x_;
  std::map<std::tuple<int, int, int, uint64_t>, Value> memo_;
};

// [x − y ≥ k] for encrypted x, y of equal width and public k. Works on the signed digits
// D_i = x_i − y_i ∈ {−1, 0, 1}, one-hot encoded with one multiplication x_i·y_i (depth 1); for
// a range of digits split into high H and low L:
//   [D ≥ k] = [D_H ≥ δ*] + Σ_δ [D_H = δ]·[D_L ≥ k − 2^|L|·δ]
//   [D = k] = Σ_δ [D_H = δ]·[D_L = k − 2^|L|·δ]
// over the ≤ 2 values δ for which the low part decides. 8-bit operands: depth 4 (a carry-save
// plus prefix adder needs 5), 38 multiplications for height < weight + 90.
class DifferenceComparator {
 public:
  DifferenceComparator(Circuit& circuit, const Bits& x, const Bits& y);
  Value at_least(int64_t k);

 private:
  Value ge(int lo, int len, int64_t k);
  Value eq(int lo, int len, int64_t k);

  Circuit& circuit_;
  std::vector<std::array<Value, 3>> digit_;  // [i][d + 1] = [D_i = d]
  std::map<std::tuple<int, int, int64_t>, Value> ge_memo_, eq_memo_;
};

}  // namespace sealbench
