"""Integers as little-endian digits in base 2^K for Concrete circuits, so that no ciphertext
holds a wide value: every digit is an encrypted small integer whose bounds are tracked in the
clear, every lookup's input is hinted with those bounds (Concrete would otherwise infer its
width from the calibration inputset alone), and a product of two digits is split into its
low and high digit by two lookups. Decoding (Σ dᵢ·2^(K·i)) happens after decryption."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from concrete import fhe

K = 2
BASE = 1 << K


@dataclass(frozen=True)
class Term:
    """An encrypted value (a Concrete tracer, or a clear 0) and its bounds."""
    v: Any
    lo: int
    hi: int

    def __add__(self, o: "Term") -> "Term":
        return Term(self.v + o.v, self.lo + o.lo, self.hi + o.hi)

    def scaled(self, c: int) -> "Term":
        lo, hi = sorted((c * self.lo, c * self.hi))
        return Term(c * self.v, lo, hi)


ZERO = Term(0, 0, 0)


def lookup(t: Term, f: Callable[[np.ndarray], np.ndarray]) -> Term:
    """f applied to t by one table lookup sized for t's bounds."""
    out = f(np.arange(t.lo, t.hi + 1))
    hinted = fhe.hint(t.v, can_store=np.array([t.lo, t.hi]))
    return Term(fhe.univariate(f)(hinted), int(out.min()), int(out.max()))


def digits(x, maximum: int) -> list[Term]:
    """An encrypted input of shape (n, digits) holding values 0..maximum."""
    return [Term(x[:, i], 0, min(BASE - 1, maximum >> (K * i))) for i in range(x.shape[1])]


def width(maximum: int) -> int:
    return max(1, -(-maximum.bit_length() // K))


def encode(values, maximum: int) -> np.ndarray:
    """The clear split into digits (client side, in the encrypt phase)."""
    v = np.asarray(values, dtype=np.int64)
    return (v[:, None] >> (K * np.arange(width(maximum)))) % BASE


def decode(d) -> np.ndarray:
    d = np.asarray(d, dtype=np.int64)
    return np.sum(d * (BASE ** np.arange(d.shape[0]))[:, None], axis=0)


def add(a: list[Term], b: list[Term], cb: int = 1, shift: int = 0) -> list[Term]:
    """Columns of a + cb·b·BASE^shift."""
    b = [ZERO] * shift + b
    n = max(len(a), len(b))
    a, b = a + [ZERO] * (n - len(a)), b + [ZERO] * (n - len(b))
    return [x + y.scaled(cb) for x, y in zip(a, b)]


def _pair(x: Term, y: Term, f: int) -> tuple[Term, Term]:
    """Low and high digit of f·x·y, two lookups on one combined input."""
    w = y.hi - y.lo + 1
    v = x.scaled(w) + Term(y.v - y.lo, 0, y.hi - y.lo)
    prod = lambda u: f * np.floor_divide(u, w) * (np.mod(u, w) + y.lo)  # noqa: E731
    return lookup(v, lambda u: np.mod(prod(u), BASE)), lookup(v, lambda u: np.floor_divide(prod(u), BASE))


def _square(x: Term, f: int) -> tuple[Term, Term]:
    return lookup(x, lambda u: np.mod(f * u * u, BASE)), lookup(x, lambda u: np.floor_divide(f * u * u, BASE))


def multiply(a: list[Term], b: list[Term], f: int = 1) -> list[Term]:
    """Columns of f·a·b (a is b: a square, each cross product once, doubled)."""
    cols = [ZERO] * (len(a) + len(b))
    square = a is b
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if square and j > i:
                continue
            low, high = _square(x, f) if square and i == j else _pair(x, y, f * (2 if square else 1))
            cols[i + j] = cols[i + j] + low
            if high.hi or high.lo:
                cols[i + j + 1] = cols[i + j + 1] + high
    return cols


def normalize(cols: list[Term]) -> list[Term]:
    """Digits 0..BASE-1 by a carry chain (floor division: a negative value ends in a
    negative last digit); the last digit is the last column plus the carry, as it is."""
    out, carry = [], ZERO
    for i, c in enumerate(cols):
        s = c + carry
        if i == len(cols) - 1 or (s.lo >= 0 and s.hi < BASE):
            out.append(s)
            carry = ZERO
            continue
        out.append(lookup(s, lambda u: np.mod(u, BASE)))
        carry = lookup(s, lambda u: np.floor_divide(u, BASE))
    return out


def array(d: list[Term]):
    """The digits as one encrypted tensor (digits × n), clear zero digits on top dropped."""
    while len(d) > 1 and isinstance(d[-1].v, int):
        d = d[:-1]
    return fhe.array([t.v for t in d])
