#include "compare.hpp"

#include <stdexcept>

namespace ofhebench {
namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }
int64_t pow4(int e) { return int64_t{1} << (2 * e); }

// One-hot encoding of the 2-bit number b1b0, with one multiplication.
std::array<Value, 4> one_hot(Circuit& c, const Value& b0, const Value& b1) {
  Value both = c.mul(b0, b1);
  Value only0 = c.sub(b0, both), only1 = c.sub(b1, both);
  return {c.sub(c.not_(b0), only1), only0, only1, both};
}

template <class Map, class Key, class Make>
Value memoized(Map& memo, const Key& key, Make make) {
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  Value v = make();
  memo.emplace(key, v);
  return v;
}

}  // namespace

Value ConstantComparator::greater_than(uint64_t k) {
  int n = static_cast<int>(x_.size());
  return (k >> n) ? c_.constant(0) : compare(kGt, 0, n, k);
}

Value ConstantComparator::less_than(uint64_t k) {
  int n = static_cast<int>(x_.size());
  return (k >> n) ? c_.constant(1) : compare(kLt, 0, n, k);
}

Value ConstantComparator::compare(Op op, int lo, int len, uint64_t k) {
  uint64_t bits = k & ((uint64_t{1} << len) - 1);
  return memoized(memo_, std::make_tuple(static_cast<int>(op), lo, len, bits), [&] {
    if (len == 1) {
      const Value& x = x_[lo];
      bool one = bits & 1;
      if (op == kEq) return one ? x : c_.not_(x);
      if (op == kGt) return one ? c_.constant(0) : x;
      return one ? c_.not_(x) : c_.constant(0);
    }
    int low = len / 2;
    Value high_eq = compare(kEq, lo + low, len - low, bits >> low);
    Value low_part = compare(op, lo, low, bits);
    if (op == kEq) return c_.mul(high_eq, low_part);
    return c_.add(compare(op, lo + low, len - low, bits >> low), c_.mul(high_eq, low_part));
  });
}

DifferenceComparator::DifferenceComparator(Circuit& circuit, Bits x, Bits y) : c_(circuit) {
  if (x.size() != y.size()) throw std::invalid_argument("operands of different widths");
  if (x.size() % 2) {
    x.push_back(c_.constant(0));
    y.push_back(c_.constant(0));
  }
  digits_ = static_cast<int>(x.size() / 2);
  for (int j = 0; j < digits_; ++j) {
    hot_[0].push_back(one_hot(c_, x[2 * j], x[2 * j + 1]));
    hot_[1].push_back(one_hot(c_, y[2 * j], y[2 * j + 1]));
  }
}

Value DifferenceComparator::hot_times_set(int j, int side, int v, unsigned mask) {
  if (mask == 0) return c_.constant(0);
  if (mask == 0xF) return hot_[side][j][v];
  return memoized(product_memo_, std::make_tuple(j, side, v, mask), [&] {
    std::vector<Value> members;
    for (int u = 0; u < 4; ++u)
      if (mask >> u & 1) members.push_back(hot_[1 - side][j][u]);
    return c_.mul(hot_[side][j][v], c_.sum(members));
  });
}

// [X − Y ≥ k] = Σ_x [X = x]·[Y ≤ x − k] = Σ_y [Y = y]·[X ≥ y + k]: whichever needs fewer products.
Value DifferenceComparator::digit_ge(int j, int64_t k) {
  std::array<std::array<unsigned, 4>, 2> masks{};
  std::array<int, 2> cost{};
  for (int v = 0; v < 4; ++v) {
    for (int u = 0; u < 4; ++u) {
      if (u <= v - k) masks[0][v] |= 1u << u;
      if (u >= v + k) masks[1][v] |= 1u << u;
    }
    for (int s = 0; s < 2; ++s) cost[s] += masks[s][v] != 0 && masks[s][v] != 0xF;
  }
  int side = cost[1] < cost[0] ? 1 : 0;
  std::vector<Value> terms;
  for (int v = 0; v < 4; ++v) terms.push_back(hot_times_set(j, side, v, masks[side][v]));
  return c_.sum(terms);
}

// [X − Y = k] = Σ_x [X = x]·[Y = x − k].
Value DifferenceComparator::digit_eq(int j, int64_t k) {
  std::vector<Value> terms;
  for (int v = 0; v < 4; ++v)
    if (v - k >= 0 && v - k < 4) terms.push_back(hot_times_set(j, 0, v, 1u << (v - k)));
  return c_.sum(terms);
}

Value DifferenceComparator::ge(int lo, int len, int64_t k) {
  int64_t max = pow4(len) - 1;  // |D| ≤ max over these digits
  if (k <= -max) return c_.constant(1);
  if (k > max) return c_.constant(0);
  return memoized(ge_memo_, std::make_tuple(lo, len, k), [&] {
    if (len == 1) return digit_ge(lo, k);
    int low = len / 2;
    int64_t base = pow4(low), low_max = base - 1;
    int64_t decided = ceil_div(k + low_max, base);  // D_H ≥ decided: true whatever D_L is
    std::vector<Value> terms{ge(lo + low, len - low, decided)};
    for (int64_t d = ceil_div(k - low_max, base); d < decided; ++d)
      terms.push_back(c_.mul(eq(lo + low, len - low, d), ge(lo, low, k - base * d)));
    return c_.sum(terms);
  });
}

Value DifferenceComparator::eq(int lo, int len, int64_t k) {
  int64_t max = pow4(len) - 1;
  if (k < -max || k > max) return c_.constant(0);
  return memoized(eq_memo_, std::make_tuple(lo, len, k), [&] {
    if (len == 1) return digit_eq(lo, k);
    int low = len / 2;
    int64_t base = pow4(low), low_max = base - 1;
    std::vector<Value> terms;
    for (int64_t d = ceil_div(k - low_max, base); d <= floor_div(k + low_max, base); ++d)
      terms.push_back(c_.mul(eq(lo + low, len - low, d), eq(lo, low, k - base * d)));
    return c_.sum(terms);
  });
}

}  // namespace ofhebench
