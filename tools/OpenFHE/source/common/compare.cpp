#include "compare.hpp"

#include <stdexcept>

namespace ofhebench {
namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }
int64_t pow2(int e) { return int64_t{1} << e; }

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
  uint64_t ones = (uint64_t{1} << len) - 1;
  uint64_t bits = k & ones;
  return memoized(memo_, std::make_tuple(static_cast<int>(op), lo, len, bits), [&] {
    if (len > 1 && ((op == kGt && bits == 0) || (op == kLt && bits == ones)))
      return c_.not_(compare(kEq, lo, len, bits));  // x > 0 ⟺ x ≠ 0; x < 2^len − 1 likewise
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

DifferenceComparator::DifferenceComparator(Circuit& circuit, const Bits& x, const Bits& y) : c_(circuit) {
  if (x.size() != y.size()) throw std::invalid_argument("operands of different widths");
  for (size_t i = 0; i < x.size(); ++i) {
    Value both = c_.mul(x[i], y[i]);
    Value up = c_.sub(x[i], both), down = c_.sub(y[i], both);
    digits_.push_back({down, c_.sub(c_.not_(up), down), up});
  }
}

Value DifferenceComparator::ge(int lo, int len, int64_t k) {
  int64_t max = pow2(len) - 1;  // |D| ≤ max over these digits
  if (k <= -max) return c_.constant(1);
  if (k > max) return c_.constant(0);
  return memoized(ge_memo_, std::make_tuple(lo, len, k), [&] {
    if (len == 1) return k <= 0 ? c_.not_(digits_[lo][0]) : digits_[lo][2];  // k ∈ {0, 1}
    int low = len / 2;
    int64_t base = pow2(low), low_max = base - 1;
    int64_t decided = ceil_div(k + low_max, base);  // D_H ≥ decided: true whatever D_L is
    std::vector<Value> terms{ge(lo + low, len - low, decided)};
    for (int64_t d = ceil_div(k - low_max, base); d < decided; ++d)
      terms.push_back(c_.mul(eq(lo + low, len - low, d), ge(lo, low, k - base * d)));
    return c_.sum(terms);
  });
}

Value DifferenceComparator::eq(int lo, int len, int64_t k) {
  int64_t max = pow2(len) - 1;
  if (k < -max || k > max) return c_.constant(0);
  return memoized(eq_memo_, std::make_tuple(lo, len, k), [&] {
    if (len == 1) return digits_[lo][k + 1];
    int low = len / 2;
    int64_t base = pow2(low), low_max = base - 1;
    std::vector<Value> terms;
    for (int64_t d = ceil_div(k - low_max, base); d <= floor_div(k + low_max, base); ++d)
      terms.push_back(c_.mul(eq(lo + low, len - low, d), eq(lo, low, k - base * d)));
    return c_.sum(terms);
  });
}

}  // namespace ofhebench
