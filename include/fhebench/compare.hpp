// Comparisons of encrypted unsigned integers given as bits (LSB first), library-neutral: the
// comparators run over a small circuit interface that each tool implements on its library's
// ciphertexts (tools/SEAL, tools/OpenFHE):
//   Value constant(int64_t) const;  Value add(a, b), sub(a, b), mul(a, b), not_(a);
//   Value sum(const std::vector<Value>&);
// where Value is copyable. Results are sums of mutually exclusive products, so they are exact
// mod 2 and mod any larger t, and every product tree is balanced: depth log2(bits) against a
// public constant, 1 + log2(bits) for the difference of two encrypted numbers against one.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace fhebench {
namespace compare_detail {

inline int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
inline int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }
inline int64_t pow2(int e) { return int64_t{1} << e; }

template <class Map, class Key, class Make>
auto memoized(Map& memo, const Key& key, Make make) -> typename Map::mapped_type {
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  auto v = make();
  memo.emplace(key, v);
  return v;
}

}  // namespace compare_detail

// [x > c] and [x < c] for public c: gt(H‖L) = gt(H) + eq(H)·gt(L), eq(H‖L) = eq(H)·eq(L).
// Where the constant's bits are all 0, gt = 1 − eq (all 1: lt = 1 − eq). Sub-results are
// memoized, so age > 50 and age > 60 share equal high parts.
template <class Circuit, class Value>
class ConstantComparator {
 public:
  ConstantComparator(Circuit& circuit, std::vector<Value> x) : c_(circuit), x_(std::move(x)) {}

  Value greater_than(uint64_t k) {
    const int n = static_cast<int>(x_.size());
    return n < 64 && (k >> n) ? c_.constant(0) : compare(kGt, 0, n, k);
  }
  Value less_than(uint64_t k) {
    const int n = static_cast<int>(x_.size());
    return n < 64 && (k >> n) ? c_.constant(1) : compare(kLt, 0, n, k);
  }

 private:
  enum Op { kEq, kGt, kLt };

  Value compare(Op op, int lo, int len, uint64_t k) {
    const uint64_t ones = len >= 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1;
    const uint64_t bits = k & ones;
    return compare_detail::memoized(memo_, std::make_tuple(static_cast<int>(op), lo, len, bits), [&]() -> Value {
      if (len > 1 && ((op == kGt && bits == 0) || (op == kLt && bits == ones)))
        return c_.not_(compare(kEq, lo, len, bits));  // x > 0 ⟺ x ≠ 0; x < 2^len − 1 likewise
      if (len == 1) {
        const Value& x = x_[lo];
        const bool one = bits & 1;
        if (op == kEq) return one ? x : c_.not_(x);
        if (op == kGt) return one ? c_.constant(0) : x;
        return one ? c_.not_(x) : c_.constant(0);
      }
      const int low = len / 2;
      Value high_eq = compare(kEq, lo + low, len - low, bits >> low);
      Value low_part = compare(op, lo, low, bits);
      if (op == kEq) return c_.mul(high_eq, low_part);
      return c_.add(compare(op, lo + low, len - low, bits >> low), c_.mul(high_eq, low_part));
    });
  }

  Circuit& c_;
  std::vector<Value> x_;
  std::map<std::tuple<int, int, int, uint64_t>, Value> memo_;
};

// [x − y ≥ k] for encrypted x, y of equal width and public k, on the signed digits
// D_i = x_i − y_i ∈ {−1, 0, 1}, one-hot encoded with one multiplication x_i·y_i; for a range
// of digits split into high H and low L:
//   [D ≥ k] = [D_H ≥ δ*] + Σ_δ [D_H = δ]·[D_L ≥ k − 2^|L|·δ]
//   [D = k] = Σ_δ [D_H = δ]·[D_L = k − 2^|L|·δ]
// over the ≤ 2 values δ for which the low part decides. 8-bit operands: depth 4 (a carry-save
// plus prefix adder needs 5), 38 multiplications for height < weight + 90.
template <class Circuit, class Value>
class DifferenceComparator {
 public:
  DifferenceComparator(Circuit& circuit, const std::vector<Value>& x, const std::vector<Value>& y) : c_(circuit) {
    if (x.size() != y.size()) throw std::invalid_argument("operands of different widths");
    for (size_t i = 0; i < x.size(); ++i) {
      Value both = c_.mul(x[i], y[i]);
      Value up = c_.sub(x[i], both), down = c_.sub(y[i], both);
      digits_.push_back({down, c_.sub(c_.not_(up), down), up});
    }
  }
  Value at_least(int64_t k) { return ge(0, static_cast<int>(digits_.size()), k); }

 private:
  Value ge(int lo, int len, int64_t k) {
    using namespace compare_detail;
    const int64_t max = pow2(len) - 1;  // |D| ≤ max over these digits
    if (k <= -max) return c_.constant(1);
    if (k > max) return c_.constant(0);
    return memoized(ge_memo_, std::make_tuple(lo, len, k), [&]() -> Value {
      if (len == 1) return k <= 0 ? c_.not_(digits_[lo][0]) : digits_[lo][2];  // k ∈ {0, 1}
      const int low = len / 2;
      const int64_t base = pow2(low), low_max = base - 1;
      const int64_t decided = ceil_div(k + low_max, base);  // D_H ≥ decided: true whatever D_L is
      std::vector<Value> terms{ge(lo + low, len - low, decided)};
      for (int64_t d = ceil_div(k - low_max, base); d < decided; ++d)
        terms.push_back(c_.mul(eq(lo + low, len - low, d), ge(lo, low, k - base * d)));
      return c_.sum(terms);
    });
  }

  Value eq(int lo, int len, int64_t k) {
    using namespace compare_detail;
    const int64_t max = pow2(len) - 1;
    if (k < -max || k > max) return c_.constant(0);
    return memoized(eq_memo_, std::make_tuple(lo, len, k), [&]() -> Value {
      if (len == 1) return digits_[lo][k + 1];
      const int low = len / 2;
      const int64_t base = pow2(low), low_max = base - 1;
      std::vector<Value> terms;
      for (int64_t d = ceil_div(k - low_max, base); d <= floor_div(k + low_max, base); ++d)
        terms.push_back(c_.mul(eq(lo + low, len - low, d), eq(lo, low, k - base * d)));
      return c_.sum(terms);
    });
  }

  Circuit& c_;
  std::vector<std::array<Value, 3>> digits_;  // [D_i = −1], [D_i = 0], [D_i = 1]
  std::map<std::tuple<int, int, int64_t>, Value> ge_memo_, eq_memo_;
};

// cardio's 9 condition bits whose sum is the risk (docs/benchmarks.md), the fields' encrypted
// bits by name: the sex-dependent age and drinking rules are exclusive pairs, one multiplexer
// each. Depth 4. (tools/SEAL's cardio_circuit is the same circuit written out.)
template <class Circuit, class Value>
std::vector<Value> cardio_conditions(Circuit& c, const std::map<std::string, std::vector<Value>>& in) {
  const Value& sex = in.at("sex")[0];
  ConstantComparator<Circuit, Value> age(c, in.at("age")), hdl(c, in.at("hdl")), activity(c, in.at("physical_act")),
      drinking(c, in.at("drinking"));
  DifferenceComparator<Circuit, Value> weight_minus_height(c, in.at("weight"), in.at("height"));
  return {c.mux(sex, age.greater_than(50), age.greater_than(60)),
          in.at("antecedent")[0], in.at("smoker")[0], in.at("diabetic")[0], in.at("pressure")[0],
          hdl.less_than(40),
          weight_minus_height.at_least(-89),  // height < weight + 90
          activity.less_than(30),
          c.mux(sex, drinking.greater_than(3), drinking.greater_than(2))};
}

}  // namespace fhebench
