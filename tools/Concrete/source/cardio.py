"""Concrete cardio on encrypted bits: each field is encrypted as its bits (as wide as
input.json's "fields" declare; the split is done in the clear in the encrypt phase, as the
other bit-level tools do), and every comparison is a borrow chain over CHUNK bits at a time,
so that no table lookup is wider than a few bits and Concrete's parameters stay small."""

import numpy as np

import concrete_program as cp
from concrete import fhe
from fhebench_program import Program, main

FLAGS = ["antecedent", "smoker", "diabetic", "pressure"]
FIELDS = ["sex", *FLAGS, "age", "hdl", "height", "weight", "physical_act", "drinking"]  # the harness's order
CHUNK = 3  # bits of each operand per lookup: lookups are CHUNK + 2 bits wide (1, 2, 3 measured in README.md)


def negative(terms, const: int):
    """1 where Σ sign·x + const < 0, for encrypted bit tensors x (patients × bits, least
    significant bit first) and a clear integer const. Chunk j's digit sum plus the carry from
    below goes through one lookup that gives the next carry (floor division, so carries are
    signed and the chunk remainders are never negative); the last lookup gives the sign."""
    bits = max(x.shape[1] for _, x in terms)
    top = -(-bits // CHUNK) * CHUNK
    high = const >> top  # floor: const = high·2^top + low with 0 <= low < 2^top
    low = const - (high << top)
    carry = None
    for lo in range(0, top, CHUNK):
        t = (low >> lo) % (1 << CHUNK)
        for sign, x in terms:
            for i in range(lo, min(lo + CHUNK, x.shape[1])):
                t = t + sign * (1 << (i - lo)) * x[:, i]
        if carry is not None:
            t = t + carry
        if lo + CHUNK < top:
            carry = fhe.univariate(lambda s: np.floor_divide(s, 1 << CHUNK))(t)
        else:
            return fhe.univariate(lambda s: (np.floor_divide(s, 1 << CHUNK) + high < 0).astype(np.int64))(t)
    raise ValueError("no bits to compare")


def by_sex(sex, if_male, if_female):
    """if_male where sex = 1 else if_female (all 0/1): one 3-bit lookup."""
    return fhe.univariate(lambda v: np.where(v >= 4, (v >> 1) & 1, v & 1))(4 * sex + 2 * if_male + if_female)


def risk(sex, antecedent, smoker, diabetic, pressure, age, hdl, height, weight, physical_act, drinking):
    s = sex[:, 0]
    older = by_sex(s, negative([(-1, age)], 50), negative([(-1, age)], 60))  # age > 50, age > 60
    drinks = by_sex(s, negative([(-1, drinking)], 3), negative([(-1, drinking)], 2))
    return (older + drinks + antecedent[:, 0] + smoker[:, 0] + diabetic[:, 0] + pressure[:, 0]
            + negative([(1, hdl)], -40) + negative([(1, height), (-1, weight)], -90)
            + negative([(1, physical_act)], -30))


def to_bits(values, bits: int) -> np.ndarray:
    v = np.asarray(values, dtype=np.int64)
    if v.size and (v.min() < 0 or v.max() >> bits):
        raise ValueError(f"a value does not fit its declared {bits} bits")
    return (v[:, None] >> np.arange(bits)) & 1


def inputset(widths: list[int], n: int, samples: int = 60, seed: int = 1) -> list:
    """Calibration bits (never the benchmark's inputs): all zeros, all ones, the two
    alternations of all-zero and all-one fields (the extremes of every borrow chain, height
    against weight included), then random mixes of zero, one and random fields."""
    rng = np.random.default_rng(seed)

    def field(w, kind):
        return [np.zeros((n, w), np.int64), np.ones((n, w), np.int64), rng.integers(0, 2, (n, w))][kind]

    kinds = [[0] * len(widths), [1] * len(widths), [i % 2 for i in range(len(widths))],
             [1 - i % 2 for i in range(len(widths))]]
    kinds += [list(rng.integers(0, 3, len(widths))) for _ in range(samples)]
    return [tuple(field(w, k) for w, k in zip(widths, ks)) for ks in kinds]


def body(p: Program) -> None:
    n = p.size("patients")
    widths = [p.field_bits(name) for name in FIELDS]
    if any(p.field_bits(name) != 1 for name in ["sex", *FLAGS]):
        raise ValueError("cardio's sex and flags must be declared 1 bit wide")
    encode = lambda: [to_bits(p.input(name), w) for name, w in zip(FIELDS, widths)]  # noqa: E731
    cp.run(p, risk, FIELDS, encode, inputset(widths, n), lambda out: {"risk": out[0]})


if __name__ == "__main__":
    main(body)
