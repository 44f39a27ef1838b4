#include "compare.hpp"

#include <bit>
#include <stdexcept>

namespace sealbench {
namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }
int64_t pow2(int e) { return int64_t{1} << e; }

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
  uint64_t ones = len >= 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1;
  Value r;
  if (len == 1) {
    r = bit(op, lo, bits & 1);
  } else if ((op == kGt && bits == 0) || (op == kLt && bits == ones)) {
    r = circuit_.not_(compare(kEq, lo, len, bits));  // x > 0 ⟺ x ≠ 0; x < 2^len − 1 likewise
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

DifferenceComparator::DifferenceComparator(Circuit& circuit, const Bits& x, const Bits& y)
    : circuit_(circuit) {
  if (x.size() != y.size()) throw std::invalid_argument("operands of different widths");
  for (size_t i = 0; i < x.size(); ++i) {
    Value both = circuit.mul(x[i], y[i]);
    Value up = circuit.sub(x[i], both), down = circuit.sub(y[i], both);
    digit_.push_back({down, circuit.sub(circuit.not_(up), down), up});
  }
}

Value DifferenceComparator::at_least(int64_t k) { return ge(0, static_cast<int>(digit_.size()), k); }

Value DifferenceComparator::ge(int lo, int len, int64_t k) {
  int64_t max = pow2(len) - 1;  // |D| ≤ max
  if (k <= -max) return circuit_.constant(1);
  if (k > max) return circuit_.constant(0);
  auto key = std::make_tuple(lo, len, k);
  if (auto it = ge_memo_.find(key); it != ge_memo_.end()) return it->second;
  Value r;
  if (len == 1) {
    r = k <= 0 ? circuit_.sub(circuit_.constant(1), digit_[lo][0]) : digit_[lo][2];  // k ∈ {0, 1}
  } else {
    int low = len / 2;
    int64_t base = pow2(low), low_max = base - 1;
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
  int64_t max = pow2(len) - 1;
  if (k < -max || k > max) return circuit_.constant(0);
  auto key = std::make_tuple(lo, len, k);
  if (auto it = eq_memo_.find(key); it != eq_memo_.end()) return it->second;
  Value r;
  if (len == 1) {
    r = digit_[lo][k + 1];
  } else {
    int low = len / 2;
    int64_t base = pow2(low), low_max = base - 1;
    std::vector<Value> terms;
    for (int64_t d = ceil_div(k - low_max, base); d <= floor_div(k + low_max, base); ++d)
      terms.push_back(circuit_.mul(eq(lo + low, len - low, d), eq(lo, low, k - base * d)));
    r = circuit_.sum(terms);
  }
  eq_memo_.emplace(key, r);
  return r;
}

}  // namespace sealbench
