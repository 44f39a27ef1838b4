"""Concrete chi_squared on base-4 digits, so that no lookup is wide.

alpha = (4·n0·n2 − n1²)² reaches 3844² ≈ 2^23.8 and the betas 2·93² = 17298: one ciphertext
holding such a value would need parameters for a 24-bit (or 15-bit) message. Each count
(0..31) is encrypted instead as its three base-4 digits (split in the clear in the encrypt
phase), every product is a schoolbook product of digits (two small lookups per digit pair:
its low and high digit) and every sum is normalised by a carry chain of small lookups
(radix.py). The outputs are digit tensors, joined (Σ dᵢ·4^i) after decryption, inside the
timed decrypt phase."""

import numpy as np

import concrete_program as cp
import radix
from fhebench_program import Program, main

MAX = 31  # docs/benchmarks.md: n0, n1, n2 are 0..31


def chi(n0, n1, n2):
    n0, n1, n2 = (radix.digits(x, MAX) for x in (n0, n1, n2))
    # alpha is the square of n1² − 4·n0·n2 (the negated a: same square); 4· is a digit shift.
    a = radix.normalize(radix.add(radix.multiply(n1, n1), radix.multiply(n0, n2), cb=-1, shift=1) + [radix.ZERO])
    b = radix.normalize(radix.add(n1, n0, cb=2) + [radix.ZERO])
    c = radix.normalize(radix.add(n1, n2, cb=2) + [radix.ZERO])
    return tuple(radix.array(radix.normalize(cols + [radix.ZERO]))
                 for cols in (radix.multiply(a, a), radix.multiply(b, b, 2), radix.multiply(b, c), radix.multiply(c, c, 2)))


def decode(out):
    return dict(zip(("alpha", "beta1", "beta2", "beta3"), (radix.decode(d) for d in out)))


def calibration(n: int) -> list:
    return [tuple(radix.encode(v, MAX) for v in values) for values in cp.inputset([(0, MAX)] * 3, (n,))]


def body(p: Program) -> None:
    n = p.size("instances")
    encode = lambda: [radix.encode(p.input(name), MAX) for name in ("n0", "n1", "n2")]  # noqa: E731
    cp.run(p, chi, ["n0", "n1", "n2"], encode, calibration(n), decode)


if __name__ == "__main__":
    main(body)
