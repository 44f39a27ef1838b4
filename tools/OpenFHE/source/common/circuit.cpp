#include "circuit.hpp"

#include <algorithm>

namespace ofhebench {

Plaintext& Circuit::plain(int64_t c) {
  auto it = plains_.find(c);
  if (it == plains_.end())
    it = plains_.emplace(c, cc_->MakePackedPlaintext(std::vector<int64_t>(cc_->GetRingDimension(), c))).first;
  return it->second;
}

Value Circuit::add(const Value& a, const Value& b) {
  if (a.constant && b.constant) return constant(*a.constant + *b.constant);
  if (a.is(0)) return b;
  if (b.is(0)) return a;
  if (a.constant) return add(b, a);
  int depth = std::max(a.depth, b.depth);
  if (b.constant) return Value{std::nullopt, cc_->EvalAdd(a.ct, plain(*b.constant)), depth};
  return Value{std::nullopt, cc_->EvalAdd(a.ct, b.ct), depth};
}

Value Circuit::sub(const Value& a, const Value& b) {
  if (b.constant) return add(a, constant(-*b.constant));
  Value neg{std::nullopt, cc_->EvalNegate(b.ct), b.depth};
  return add(a, neg);
}

Value Circuit::mul(const Value& a, const Value& b) {
  if (a.constant && b.constant) return constant(*a.constant * *b.constant);
  if (a.is(0) || b.is(0)) return constant(0);
  if (a.is(1)) return b;
  if (b.is(1)) return a;
  if (a.constant) return mul(b, a);
  if (b.constant) return Value{std::nullopt, cc_->EvalMult(a.ct, plain(*b.constant)), a.depth};
  ++multiplications_;
  return Value{std::nullopt, cc_->EvalMult(a.ct, b.ct), std::max(a.depth, b.depth) + 1};
}

Value Circuit::mux(const Value& s, const Value& a, const Value& b) { return add(b, mul(s, sub(a, b))); }

Value Circuit::sum(const std::vector<Value>& terms) {
  Value r = constant(0);
  for (const Value& t : terms) r = add(r, t);
  return r;
}

}  // namespace ofhebench
