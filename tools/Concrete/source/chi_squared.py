"""Concrete chi_squared on 5-bit counts (0..31).

alpha = (4·n0·n2 − n1²)² reaches 3844² ≈ 2^23.8: more bits than one table lookup holds
(Concrete's lookups take at most 16-bit inputs and the result has to fit the circuit's
width). The program squares a = 4·n0·n2 − n1² (13 bits signed) with two lookups instead, one
for the low 12 bits and one for the high bits of a², and adds the halves after decryption
(alpha = hi·2^12 + lo). beta1 = 2b², beta2 = b·c, beta3 = 2c² with b = 2n0 + n1, c = 2n2 + n1
(≤ 93) are at most 17298 and are computed directly."""

import numpy as np

import concrete_program as cp
from concrete import fhe
from fhebench_program import Program, main

LOW_BITS = 12


def chi(n0, n1, n2):
    a = 4 * (n0 * n2) - n1 * n1
    b = 2 * n0 + n1
    c = 2 * n2 + n1
    low = fhe.univariate(lambda x: (x * x) % (1 << LOW_BITS))(a)
    high = fhe.univariate(lambda x: (x * x) >> LOW_BITS)(a)
    return low, high, 2 * (b * b), b * c, 2 * (c * c)


def decode(out):
    low, high, beta1, beta2, beta3 = out
    alpha = np.asarray(high, dtype=np.int64) * (1 << LOW_BITS) + np.asarray(low, dtype=np.int64)
    return {"alpha": alpha, "beta1": beta1, "beta2": beta2, "beta3": beta3}


def body(p: Program) -> None:
    n = p.size("instances")
    args = [np.array(p.input(name), dtype=np.int64) for name in ("n0", "n1", "n2")]
    cp.run(p, chi, ["n0", "n1", "n2"], args, cp.inputset([(0, 31)] * 3, (n,)), decode)


if __name__ == "__main__":
    main(body)
