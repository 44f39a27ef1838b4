#include "words.hpp"

#include <algorithm>

namespace tfhebench {

namespace {

// Ripple-carry adder over `width` bits; the carry-out is appended when keep_carry.
// Full adder: t = a ^ b, sum = t ^ c, carry = t ? c : a (two gates and one MUX).
Word ripple(Gates& g, const Word& a, const Word& b, Bit carry, int width, bool keep_carry) {
  Word s;
  s.reserve(width + 1);
  for (int i = 0; i < width; ++i) {
    Bit t = g.XOR(a[i], b[i]);
    s.push_back(g.XOR(t, carry));
    if (i + 1 < width || keep_carry) carry = g.MUX(t, carry, a[i]);
  }
  if (keep_carry) s.push_back(carry);
  return s;
}

Word invert(Gates& g, const Word& a) {
  Word r;
  for (const Bit& b : a) r.push_back(g.NOT(b));
  return r;
}

}  // namespace

Word constant_word(Gates& g, uint64_t value, int width) {
  Word w;
  for (int i = 0; i < width; ++i) w.push_back(g.constant((value >> i) & 1));
  return w;
}

Word zero_extend(Word a, int width) {
  a.resize(width, Bit{nullptr, 0, 0});
  return a;
}

Word shift_left(const Word& a, int k) {
  Word r(k, Bit{nullptr, 0, 0});
  r.insert(r.end(), a.begin(), a.end());
  return r;
}

Word trim(Word a) {
  while (a.size() > 1 && a.back().known == 0) a.pop_back();
  return a;
}

Word add(Gates& g, const Word& a, const Word& b) {
  int w = static_cast<int>(std::max(a.size(), b.size()));
  return trim(ripple(g, zero_extend(a, w), zero_extend(b, w), g.constant(false), w, true));
}

Word sum(Gates& g, std::vector<Word> terms) {
  if (terms.empty()) return {g.constant(false)};
  while (terms.size() > 1) {
    std::vector<Word> next;
    for (size_t i = 0; i + 1 < terms.size(); i += 2) next.push_back(add(g, terms[i], terms[i + 1]));
    if (terms.size() % 2) next.push_back(terms.back());
    terms = std::move(next);
  }
  return terms[0];
}

Word subtract(Gates& g, const Word& a, const Word& b, int width) {
  // a - b = a + ~b + 1 in two's complement.
  return ripple(g, zero_extend(a, width), invert(g, zero_extend(b, width)), g.constant(true), width, false);
}

Word multiply(Gates& g, const Word& a, const Word& b) {
  Word acc{g.constant(false)};
  for (size_t j = 0; j < b.size(); ++j) {
    Word row;
    for (const Bit& x : a) row.push_back(g.AND(x, b[j]));
    acc = add(g, acc, shift_left(row, static_cast<int>(j)));
  }
  return trim(zero_extend(acc, static_cast<int>(a.size() + b.size())));
}

Word square(Gates& g, const Word& a) {
  // a² = Σ a_i·2^(2i) + Σ_{i<j} a_i·a_j·2^(i+j+1): the diagonal needs no gate.
  Word acc;
  for (const Bit& x : a) acc.insert(acc.end(), {x, g.constant(false)});
  for (size_t j = 1; j < a.size(); ++j) {
    Word row;
    for (size_t i = 0; i < j; ++i) row.push_back(g.AND(a[i], a[j]));
    acc = add(g, acc, shift_left(row, static_cast<int>(j + 1)));
  }
  return trim(zero_extend(acc, static_cast<int>(2 * a.size())));
}

Word magnitude(Gates& g, const Word& a) {
  // |a| = (a ^ s) + s with s the sign bit, read as an unsigned word of the same width.
  const Bit& s = a.back();
  Word x;
  for (const Bit& b : a) x.push_back(g.XOR(b, s));
  return trim(ripple(g, x, constant_word(g, 0, static_cast<int>(a.size())), s, static_cast<int>(a.size()), false));
}

Bit less_than(Gates& g, const Word& a, const Word& b) {
  // From the least significant bit up: where a and b differ, b's bit decides.
  int w = static_cast<int>(std::max(a.size(), b.size()));
  Word x = zero_extend(a, w), y = zero_extend(b, w);
  Bit lt = g.constant(false);
  for (int i = 0; i < w; ++i) lt = g.MUX(g.XOR(x[i], y[i]), y[i], lt);
  return lt;
}

}  // namespace tfhebench
