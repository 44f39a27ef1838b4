#include "circuit.hpp"

#include <algorithm>
#include <queue>

namespace sealbench {

Circuit::Circuit(const seal::SEALContext& context, const seal::RelinKeys& relin_keys,
                 std::vector<int> level_drop)
    : context_(context),
      evaluator_(context),
      level_drop_(std::move(level_drop)),
      relin_keys_(relin_keys),
      t_(context.key_context_data()->parms().plain_modulus().value()) {}

Value Circuit::constant(int64_t c) const {
  int64_t t = static_cast<int64_t>(t_);
  Value v;
  v.constant = static_cast<uint64_t>(((c % t) + t) % t);
  return v;
}

Value Circuit::encrypted(seal::Ciphertext ct) const {
  Value v;
  v.ct = std::move(ct);
  return v;
}

seal::Plaintext Circuit::plain(uint64_t c) const {
  seal::Plaintext p(1);
  p[0] = c;  // a constant polynomial: the same value in every slot
  return p;
}

const seal::Ciphertext& Circuit::lowered(const Value& v, const Value& other, seal::Ciphertext& scratch) {
  auto index = [&](const Value& x) { return context_.get_context_data(x.ct.parms_id())->chain_index(); };
  if (index(v) <= index(other)) return v.ct;
  evaluator_.mod_switch_to(v.ct, other.ct.parms_id(), scratch);
  return scratch;
}

void Circuit::switch_for_depth(Value& v) {
  int drop = level_drop_[std::min<size_t>(v.depth, level_drop_.size() - 1)];
  auto top = context_.first_context_data()->chain_index();
  while (context_.get_context_data(v.ct.parms_id())->chain_index() + drop > top)
    evaluator_.mod_switch_to_next_inplace(v.ct);
}

Value Circuit::add(const Value& a, const Value& b) {
  if (a.constant && b.constant) return constant(static_cast<int64_t>((*a.constant + *b.constant) % t_));
  if (a.is(0)) return b;
  if (b.is(0)) return a;
  if (a.constant || b.constant) {
    Value r;
    const Value& e = a.constant ? b : a;
    evaluator_.add_plain(e.ct, plain(a.constant ? *a.constant : *b.constant), r.ct);
    r.depth = e.depth;
    return r;
  }
  return at_common_level(a, b, [&](auto& x, auto& y, auto& out) { evaluator_.add(x, y, out); });
}

Value Circuit::sub(const Value& a, const Value& b) {
  if (b.constant) return add(a, constant(-static_cast<int64_t>(*b.constant)));
  Value r;
  if (a.constant) {
    evaluator_.negate(b.ct, r.ct);
    r.depth = b.depth;
    return add(r, a);
  }
  return at_common_level(a, b, [&](auto& x, auto& y, auto& out) { evaluator_.sub(x, y, out); });
}

Value Circuit::mul(const Value& a, const Value& b) {
  if (a.constant && b.constant) {
    unsigned __int128 p = static_cast<unsigned __int128>(*a.constant) * *b.constant;
    return constant(static_cast<int64_t>(p % t_));
  }
  if (a.is(0) || b.is(0)) return constant(0);
  if (a.is(1)) return b;
  if (b.is(1)) return a;
  Value r;
  if (a.constant || b.constant) {
    const Value& e = a.constant ? b : a;
    evaluator_.multiply_plain(e.ct, plain(a.constant ? *a.constant : *b.constant), r.ct);
    r.depth = e.depth;  // a small public scalar: noise grows by its size only
    return r;
  }
  r = at_common_level(a, b, [&](auto& x, auto& y, auto& out) { evaluator_.multiply(x, y, out); });
  evaluator_.relinearize_inplace(r.ct, relin_keys_);
  r.depth += 1;
  switch_for_depth(r);
  ++multiplications_;
  return r;
}

Value Circuit::xor_(const Value& a, const Value& b) {
  if (t_ == 2) return add(a, b);
  Value ab = mul(a, b);
  return sub(add(a, b), add(ab, ab));
}

Value Circuit::mux(const Value& s, const Value& a, const Value& b) {
  return add(b, mul(s, sub(a, b)));
}

Value Circuit::sum(const std::vector<Value>& terms) {
  Value r = constant(0);
  for (const auto& v : terms) r = add(r, v);
  return r;
}

Value Circuit::product(std::vector<Value> factors) {
  auto deeper = [](const Value& a, const Value& b) { return a.depth > b.depth; };
  std::priority_queue<Value, std::vector<Value>, decltype(deeper)> queue(deeper);
  Value scalar = constant(1);
  for (auto& f : factors) {
    if (f.constant) scalar = mul(scalar, f);
    else queue.push(std::move(f));
  }
  if (scalar.is(0) || queue.empty()) return scalar;
  while (queue.size() > 1) {
    Value a = queue.top();
    queue.pop();
    Value b = queue.top();
    queue.pop();
    queue.push(mul(a, b));
  }
  return mul(scalar, queue.top());
}

}  // namespace sealbench
