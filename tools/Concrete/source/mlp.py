"""Concrete mlp: refused with the limit that stops it.

y = w2·(w1·x + b1)² + b2 must meet 1e-3·max(1, max|y|). Concrete computes on integers, so x
and the weights become fixed-point integers; an error below 1e-3 needs about 10 bits for
each, and then one neuron's w1·x sums `features` products of 20 bits: 20 + log2(784) ≈ 30
bits before the square. The square of an encrypted value is a table lookup, and Concrete's
lookups take at most 16-bit inputs; rounding w1·x down to 16 bits first
(fhe.round_bit_pattern) leaves a relative error near 2^-16·784 ≈ 1e-2 after the square and
the second layer, ten times the tolerance."""

import math

from fhebench_program import Program, main

LOOKUP_BITS = 16
VALUE_BITS = 10  # fixed-point bits per operand for a 1e-3 result


def body(p: Program) -> None:
    features = p.size("features")
    need = 2 * VALUE_BITS + math.ceil(math.log2(max(features, 2)))
    p.unsupported(f"fixed point needs {need}-bit integers before the square (2 x {VALUE_BITS}-bit operands, "
                  f"{features} features) and Concrete's table lookups take at most {LOOKUP_BITS} bits: "
                  f"rounding to {LOOKUP_BITS} bits misses the 1e-3 tolerance")


if __name__ == "__main__":
    main(body)
