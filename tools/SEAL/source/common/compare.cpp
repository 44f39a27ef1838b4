#include "compare.hpp"

#include <bit>
#include <stdexcept>

namespace sealbench {
namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }
int64_t pow4(int e) { return int64_t{1} << (2 * e); }

// One-hot encoding of the 2-bit number (b1 b0): one multiplication.
std::array<Value, 4> one_hot(Circuit& c, const Value& b0, const Value& b1) {
  Value both = c.mul(b0, b1);
  Value only0 = c.sub(b0, both), only1 = c.sub(b1, both);
  Value none = c.sub(c.not_(b0), only1);  // 1 − b0 − b1 + b0·b1
  return {none, only0, only1, both};
}

}  // namespace

// ---- ConstantComparator ----

Value ConstantComparator::greater_than(uint64_t c) {
  int n = static_cast<int>(x_.size());
  if (n < 64 && (c >> n) != 0) return circuit_.constant(0);
  return compare(kGt, 0, n, c);
}

Value ConstantComparator::less_than(uint64_t c) {
  int n = static_cast<int>(x_.size());
  if (n < 64 && (c >> n) != 0) return circuit_.constant(1);
  return compare(kLt, 0, n, c);
}

Value ConstantComparator::bit(Op op, int i, uint64_t c_bit) {
  const Value& x = x_[i];
  switch (op) {
    case kEq: return c_bit ? x : circuit_.not_(x);
    case kGt: return c_bit ? circuit_.constant(0) : x;
    case kLt: return c_bit ? circuit_.not_(x) : circuit_.constant(0);
  }
  throw std::logic_error("bad comparison");
}

// gt(H‖L) = gt(H) + eq(H)·gt(L), lt likewise, eq(H‖L) = eq(H)·eq(L).
Value ConstantComparator::compare(Op op, int lo, int len, uint64_t c) {
  uint64_t bits = len >= 64 ? c : c & ((uint64_t{1} << len) - 1);
  auto key = std::make_tuple(static_cast<int>(op), lo, len, bits);
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  Value r;
  if (len == 1) {
    r = bit(op, lo, bits & 1);
  } else {
    int low = len / 2;
    Value high_eq = compare(kEq, lo + low, len - low, bits >> low);
    Value low_part = compare(op, lo, low, bits);
    r = op == kEq ? circuit_.mul(high_eq, low_part)
                  : circuit_.add(compare(op, lo + low, len - low, bits >> low),
                                 circuit_.mul(high_eq, low_part));
  }
  memo_.emplace(key, r);
  return r;
}

// ---- DifferenceComparator ----

DifferenceComparator::DifferenceComparator(Circuit& circuit, Bits x, Bits y) : circuit_(circuit) {
  if (x.size() != y.size()) throw std::invalid_argument("operands of different widths");
  if (x.size() % 2) {
    x.push_back(circuit.constant(0));
    y.push_back(circuit.constant(0));
  }
  digits_ = static_cast<int>(x.size() / 2);
  for (int j = 0; j < digits_; ++j) {
    hot_[0].push_back(one_hot(circuit, x[2 * j], x[2 * j + 1]));
    hot_[1].push_back(one_hot(circuit, y[2 * j], y[2 * j + 1]));
  }
}

Value DifferenceComparator::at_least(int64_t k) { return ge(0, digits_, k); }

Value DifferenceComparator::in_set(int j, int side, unsigned mask) {
  std::vector<Value> terms;
  for (int v = 0; v < 4; ++v)
    if (mask >> v & 1) terms.push_back(hot_[side][j][v]);
  return circuit_.sum(terms);
}

Value DifferenceComparator::hot_times_set(int j, int side, int v, unsigned mask) {
  if (mask == 0) return circuit_.constant(0);
  if (mask == 0xF) return hot_[side][j][v];
  auto key = std::make_tuple(j, side, v, mask);
  if (auto it = product_memo_.find(key); it != product_memo_.end()) return it->second;
  Value r = circuit_.mul(hot_[side][j][v], in_set(j, 1 - side, mask));
  product_memo_.emplace(key, r);
  return r;
}

// [X − Y ≥ k] = Σ_x [X = x]·[Y ≤ x − k] = Σ_y [Y = y]·[X ≥ y + k]: the cheaper of the two.
Value DifferenceComparator::digit_ge(int j, int64_t k) {
  std::array<std::array<unsigned, 4>, 2> masks{};
  std::array<int, 2> cost{};
  for (int v = 0; v < 4; ++v) {
    for (int u = 0; u < 4; ++u) {
      if (u <= v - k) masks[0][v] |= 1u << u;  // side 0: X = v, Y = u
      if (u >= v + k) masks[1][v] |= 1u << u;  // side 1: Y = v, X = u
    }
    for (int s = 0; s < 2; ++s) cost[s] += masks[s][v] != 0 && masks[s][v] != 0xF;
  }
  int side = cost[1] < cost[0] ? 1 : 0;
  std::vector<Value> terms;
  for (int v = 0; v < 4; ++v) terms.push_back(hot_times_set(j, side, v, masks[side][v]));
  return circuit_.sum(terms);
}

// [X − Y = k] = Σ_x [X = x]·[Y = x − k].
Value DifferenceComparator::digit_eq(int j, int64_t k) {
  std::vector<Value> terms;
  for (int v = 0; v < 4; ++v)
    if (v - k >= 0 && v - k < 4) terms.push_back(hot_times_set(j, 0, v, 1u << (v - k)));
  return circuit_.sum(terms);
}

Value DifferenceComparator::ge(int lo, int len, int64_t k) {
  int64_t max = pow4(len) - 1;  // |D| ≤ max
  if (k <= -max) return circuit_.constant(1);
  if (k > max) return circuit_.constant(0);
  auto key = std::make_tuple(lo, len, k);
  if (auto it = ge_memo_.find(key); it != ge_memo_.end()) return it->second;
  Value r;
  if (len == 1) {
    r = digit_ge(lo, k);
  } else {
    int low = len / 2;
    int64_t base = pow4(low), low_max = base - 1;
    int64_t decided = ceil_div(k + low_max, base);  // D_H ≥ decided: true whatever D_L is
    std::vector<Value> terms{ge(lo + low, len - low, decided)};
    for (int64_t d = ceil_div(k - low_max, base); d < decided; ++d)
      terms.push_back(circuit_.mul(eq(lo + low, len - low, d), ge(lo, low, k - base * d)));
    r = circuit_.sum(terms);
  }
  ge_memo_.emplace(key, r);
  return r;
}

Value DifferenceComparator::eq(int lo, int len, int64_t k) {
  int64_t max = pow4(len) - 1;
  if (k < -max || k > max) return circuit_.constant(0);
  auto key = std::make_tuple(lo, len, k);
  if (auto it = eq_memo_.find(key); it != eq_memo_.end()) return it->second;
  Value r;
  if (len == 1) {
    r = digit_eq(lo, k);
  } else {
    int low = len / 2;
    int64_t base = pow4(low), low_max = base - 1;
    std::vector<Value> terms;
    for (int64_t d = ceil_div(k - low_max, base); d <= floor_div(k + low_max, base); ++d)
      terms.push_back(circuit_.mul(eq(lo + low, len - low, d), eq(lo, low, k - base * d)));
    r = circuit_.sum(terms);
  }
  eq_memo_.emplace(key, r);
  return r;
}

}  // namespace sealbench
