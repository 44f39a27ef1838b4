// Arithmetic circuits over BFV ciphertexts holding bits (0/1 in every slot, or in the constant
// coefficient without batching). Values are ciphertexts with their multiplicative depth, or
// public constants: operations on known constants cost nothing (no multiplication by a
// known 0 or 1), which is how comparisons against public numbers stay cheap.
//
// The same code is a Boolean circuit mod t = 2 (XOR = addition) and arithmetic on bits mod a
// batching prime t: callers write OR/XOR of mutually exclusive terms as sums, which is right
// in both rings.
#pragma once

#include <fhebench/compare.hpp>

#include <seal/seal.h>

#include <cstdint>
#include <algorithm>
#include <optional>
#include <vector>

namespace sealbench {

struct Value {
  std::optional<uint64_t> constant;  // a public value (reduced mod t), or else:
  seal::Ciphertext ct;               // an encrypted one
  int depth = 0;                     // multiplications on its longest path

  bool is(uint64_t c) const { return constant && *constant == c; }
};

// Modulus switching: level_drop[d] is how many primes of the coefficient modulus a ciphertext
// of depth d keeps dropped (the last entry holds for deeper ones). In BFV, switching keeps the
// relative noise while it stays above the smaller modulus's rounding floor, so a deep
// ciphertext loses nothing and later products get cheaper (3 of 4 primes ≈ 0.7 of the time).
// The table is fixed per program from measured noise budgets, not from the secret key.
class Circuit {
 public:
  Circuit(const seal::SEALContext& context, const seal::RelinKeys& relin_keys,
          std::vector<int> level_drop = {0});

  Value constant(int64_t c) const;
  Value encrypted(seal::Ciphertext ct) const;

  Value add(const Value& a, const Value& b);
  Value sub(const Value& a, const Value& b);
  Value mul(const Value& a, const Value& b);  // multiply + relinearize: depth + 1
  Value not_(const Value& a) { return sub(constant(1), a); }
  Value xor_(const Value& a, const Value& b);  // a + b − 2ab; a plain addition when t = 2
  Value mux(const Value& s, const Value& a, const Value& b);  // s ? a : b = b + s·(a − b)

  Value sum(const std::vector<Value>& terms);
  Value product(std::vector<Value> factors);  // lowest depths first: a depth-balanced tree

  uint64_t plain_modulus() const { return t_; }
  int multiplications() const { return multiplications_; }

 private:
  seal::Plaintext plain(uint64_t c) const;
  // v's ciphertext at the level of `other` if that is lower (switched into scratch), else v's.
  const seal::Ciphertext& lowered(const Value& v, const Value& other, seal::Ciphertext& scratch);
  // op(x, y, out) on the ciphertexts of a and b at their common (the lower) level; the result
  // has the larger of their depths.
  template <class Op>
  Value at_common_level(const Value& a, const Value& b, Op op) {
    seal::Ciphertext sa, sb;
    Value r;
    op(lowered(a, b, sa), lowered(b, a, sb), r.ct);
    r.depth = std::max(a.depth, b.depth);
    return r;
  }
  void switch_for_depth(Value& v);

  const seal::SEALContext& context_;
  seal::Evaluator evaluator_;
  std::vector<int> level_drop_;
  const seal::RelinKeys& relin_keys_;
  uint64_t t_;
  int multiplications_ = 0;
};

// The comparators of include/fhebench/compare.hpp over this circuit.
using Bits = std::vector<Value>;  // an encrypted unsigned integer, LSB first
using ConstantComparator = fhebench::ConstantComparator<Circuit, Value>;
using DifferenceComparator = fhebench::DifferenceComparator<Circuit, Value>;

}  // namespace sealbench
