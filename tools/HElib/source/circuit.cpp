#include "circuit.hpp"

#include <NTL/ZZ.h>

#include <algorithm>

namespace helibbench {

namespace {

Value encrypted_result(helib::Ctxt ct, int depth) {
  return Value{std::nullopt, std::make_shared<helib::Ctxt>(std::move(ct)), depth};
}

// ct + c for a ciphertext and a public constant.
Value plus_constant(const Value& x, long c) {
  if (c == 0) return x;
  helib::Ctxt r = *x.ct;
  r.addConstant(NTL::ZZ(c));
  return encrypted_result(std::move(r), x.depth);
}

}  // namespace

Value Circuit::add(const Value& a, const Value& b) const {
  if (a.constant && b.constant) return constant(*a.constant + *b.constant);
  if (a.constant) return plus_constant(b, *a.constant);
  if (b.constant) return plus_constant(a, *b.constant);
  helib::Ctxt r = *a.ct;
  r += *b.ct;
  return encrypted_result(std::move(r), std::max(a.depth, b.depth));
}

Value Circuit::sub(const Value& a, const Value& b) const {
  if (b.constant) return add(a, constant(-*b.constant));
  helib::Ctxt r = *b.ct;  // a − b = −b + a
  r.negate();
  Value neg = encrypted_result(std::move(r), b.depth);
  return add(neg, a);
}

Value Circuit::mul(const Value& a, const Value& b) {
  if (a.is(0) || b.is(0)) return constant(0);
  if (a.constant && b.constant) return constant(*a.constant * *b.constant);
  if (a.is(1)) return b;
  if (b.is(1)) return a;
  const Value& x = a.constant ? b : a;
  if (a.constant || b.constant) {
    helib::Ctxt r = *x.ct;
    r.multByConstant(NTL::ZZ(a.constant ? *a.constant : *b.constant));
    return encrypted_result(std::move(r), x.depth);
  }
  ++multiplications_;
  helib::Ctxt r = *a.ct;
  r.multiplyBy(*b.ct);  // tensor, relinearize, modulus switching as HElib decides
  return encrypted_result(std::move(r), std::max(a.depth, b.depth) + 1);
}

Value Circuit::sum(const std::vector<Value>& terms) const {
  Value total = constant(0);
  for (const Value& t : terms) total = add(total, t);
  return total;
}

}  // namespace helibbench
