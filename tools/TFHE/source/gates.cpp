#include "gates.hpp"

namespace tfhebench {

Bit Gates::fresh() {
  Bit b;
  b.id = next_id_++;
  if (key_)
    b.c.reset(new_gate_bootstrapping_ciphertext(key_->params), delete_gate_bootstrapping_ciphertext);
  return b;
}

Bit Gates::gate(Binary f, const Bit& a, const Bit& b) {
  Bit r = fresh();
  ++bootstraps_;
  if (key_) f(r.c.get(), a.c.get(), b.c.get(), key_);
  return r;
}

Bit Gates::NOT(const Bit& a) {
  if (a.is_known()) return constant(!a.known);
  Bit r = fresh();
  if (key_) bootsNOT(r.c.get(), a.c.get(), key_);
  return r;
}

Bit Gates::AND(const Bit& a, const Bit& b) {
  if (a.is_known()) return a.known ? b : a;
  if (b.is_known()) return b.known ? a : b;
  if (a.id == b.id) return a;
  return gate(bootsAND, a, b);
}

Bit Gates::OR(const Bit& a, const Bit& b) {
  if (a.is_known()) return a.known ? a : b;
  if (b.is_known()) return b.known ? b : a;
  if (a.id == b.id) return a;
  return gate(bootsOR, a, b);
}

Bit Gates::XOR(const Bit& a, const Bit& b) {
  if (a.is_known()) return a.known ? NOT(b) : b;
  if (b.is_known()) return b.known ? NOT(a) : a;
  if (a.id == b.id) return constant(false);
  return gate(bootsXOR, a, b);
}

Bit Gates::ANDNY(const Bit& a, const Bit& b) {
  if (a.is_known() || b.is_known()) return AND(NOT(a), b);
  if (a.id == b.id) return constant(false);
  return gate(bootsANDNY, a, b);
}

Bit Gates::ORNY(const Bit& a, const Bit& b) {
  if (a.is_known() || b.is_known()) return OR(NOT(a), b);
  if (a.id == b.id) return constant(true);
  return gate(bootsORNY, a, b);
}

Bit Gates::MUX(const Bit& s, const Bit& a, const Bit& b) {
  if (s.is_known()) return s.known ? a : b;
  if (a.is_known() && b.is_known()) return a.known == b.known ? a : (a.known ? s : NOT(s));
  if (!a.is_known() && !b.is_known() && a.id == b.id) return a;
  if (!a.is_known() && a.id == s.id) return OR(s, b);   // s ? s : b
  if (!b.is_known() && b.id == s.id) return AND(s, a);  // s ? a : s
  if (a.is_known()) return a.known ? OR(s, b) : ANDNY(s, b);
  if (b.is_known()) return b.known ? ORNY(s, a) : AND(s, a);
  Bit r = fresh();
  bootstraps_ += 2;
  if (key_) bootsMUX(r.c.get(), s.c.get(), a.c.get(), b.c.get(), key_);
  return r;
}

}  // namespace tfhebench
