// Arithmetic on encrypted bits in BFV slots (every slot 0 or 1) or public constants. Operations
// on known constants cost nothing, which keeps comparisons against public numbers cheap. Callers
// write OR/XOR of mutually exclusive terms as sums, exact mod the batching prime t.
// The same design as tools/SEAL's circuit, so both libraries evaluate the same circuit.
#pragma once

#include <fhebench/compare.hpp>

#include <map>
#include <optional>
#include <vector>

#include "context.hpp"

namespace ofhebench {

struct Value {
  std::optional<int64_t> constant;  // a public value, or else:
  Ciphertext ct;                    // an encrypted one
  int depth = 0;                    // ciphertext multiplications on its longest path

  bool is(int64_t c) const { return constant && *constant == c; }
};

class Circuit {
 public:
  explicit Circuit(const Context& cc) : cc_(cc) {}

  Value constant(int64_t c) const { return Value{c, nullptr, 0}; }
  Value encrypted(Ciphertext ct) const { return Value{std::nullopt, std::move(ct), 0}; }

  Value add(const Value& a, const Value& b);
  Value sub(const Value& a, const Value& b);
  Value mul(const Value& a, const Value& b);  // EvalMult relinearizes: depth + 1
  Value not_(const Value& a) { return sub(constant(1), a); }
  Value mux(const Value& s, const Value& a, const Value& b);  // b + s·(a − b)
  Value sum(const std::vector<Value>& terms);

  int multiplications() const { return multiplications_; }

 private:
  Plaintext& plain(int64_t c);  // c in every slot, cached

  Context cc_;
  std::map<int64_t, Plaintext> plains_;
  int multiplications_ = 0;
};

// The comparators of include/fhebench/compare.hpp over this circuit.
using Bits = std::vector<Value>;  // an encrypted unsigned integer, LSB first
using ConstantComparator = fhebench::ConstantComparator<Circuit, Value>;
using DifferenceComparator = fhebench::DifferenceComparator<Circuit, Value>;

}  // namespace ofhebench
