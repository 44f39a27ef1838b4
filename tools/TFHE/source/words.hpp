// Integer circuits on little-endian vectors of encrypted bits, built from Gates.
//
// Unsigned words keep only the bits they need: results are trimmed of high bits that constant
// folding proved zero. Signed results use two's complement of an explicit width.
#pragma once

#include <cstdint>
#include <vector>

#include "gates.hpp"

namespace tfhebench {

using Word = std::vector<Bit>;  // bit i has weight 2^i

Word constant_word(Gates& g, uint64_t value, int width);
Word zero_extend(Word a, int width);  // also truncates when width < a.size()
Word shift_left(const Word& a, int k);
Word trim(Word a);  // drops known-zero high bits (keeps at least one bit)

Word add(Gates& g, const Word& a, const Word& b);              // a + b, unsigned, exact
Word sum(Gates& g, std::vector<Word> terms);                   // balanced adder tree
Word subtract(Gates& g, const Word& a, const Word& b, int width);  // (a - b) mod 2^width
Word multiply(Gates& g, const Word& a, const Word& b);         // a · b, unsigned, exact
Word square(Gates& g, const Word& a);                          // a², half the partial products
Word magnitude(Gates& g, const Word& a);                       // |a| for two's complement a
Bit less_than(Gates& g, const Word& a, const Word& b);         // a < b, unsigned

}  // namespace tfhebench
