// Arithmetic on encrypted bits in BGV slots (every slot 0 or 1) or public constants, over which
// include/fhebench/compare.hpp's comparators run. Operations on known constants cost nothing,
// which keeps comparisons against public numbers cheap; OR/XOR of mutually exclusive terms are
// sums, exact mod p. The same design as tools/SEAL's and tools/OpenFHE's circuits, so the three
// libraries evaluate the same circuit.
#pragma once

#include <fhebench/compare.hpp>
#include <helib/helib.h>

#include <memory>
#include <optional>
#include <vector>

namespace helibbench {

struct Value {
  std::optional<long> constant;       // a public value, or else:
  std::shared_ptr<helib::Ctxt> ct;    // an encrypted one (shared: never modified in place)
  int depth = 0;                      // ciphertext multiplications on its longest path

  bool is(long c) const { return constant && *constant == c; }
};

class Circuit {
 public:
  Value constant(long c) const { return Value{c, nullptr, 0}; }
  Value encrypted(helib::Ctxt ct) const { return Value{std::nullopt, std::make_shared<helib::Ctxt>(std::move(ct)), 0}; }

  Value add(const Value& a, const Value& b) const;
  Value sub(const Value& a, const Value& b) const;
  Value mul(const Value& a, const Value& b);  // relinearizes: depth + 1
  Value not_(const Value& a) const { return sub(constant(1), a); }
  Value mux(const Value& s, const Value& a, const Value& b) { return add(b, mul(s, sub(a, b))); }
  Value sum(const std::vector<Value>& terms) const;

  int multiplications() const { return multiplications_; }

 private:
  int multiplications_ = 0;
};

using Bits = std::vector<Value>;  // an encrypted unsigned integer, LSB first
using ConstantComparator = fhebench::ConstantComparator<Circuit, Value>;
using DifferenceComparator = fhebench::DifferenceComparator<Circuit, Value>;

}  // namespace helibbench
