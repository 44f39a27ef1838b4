"""Concrete cardio: the 11 conditions as table lookups and comparisons on 8-bit encrypted
integers, one tensor over all patients."""

import numpy as np

import concrete_program as cp
from fhebench_program import Program, main

# (name, max) in the harness's order; every field starts at 0 (docs/protocol.md).
FIELDS = [("sex", 1), ("antecedent", 1), ("smoker", 1), ("diabetic", 1), ("pressure", 1), ("age", 120),
          ("hdl", 150), ("height", 250), ("weight", 165), ("physical_act", 120), ("drinking", 15)]


def risk(sex, antecedent, smoker, diabetic, pressure, age, hdl, height, weight, physical_act, drinking):
    male_old = (age > 50) & sex  # one lookup each: comparison with a constant, then AND
    female_old = (age > 60) & (1 - sex)
    male_drinks = (drinking > 3) & sex
    female_drinks = (drinking > 2) & (1 - sex)
    return (male_old + female_old + antecedent + smoker + diabetic + pressure + (hdl < 40)
            + (height < weight + 90) + (physical_act < 30) + male_drinks + female_drinks)


def body(p: Program) -> None:
    n = p.size("patients")
    args = [np.array(p.input(name), dtype=np.int64) for name, _ in FIELDS]
    calib = cp.inputset([(0, hi) for _, hi in FIELDS], (n,))
    cp.run(p, risk, [name for name, _ in FIELDS], args, calib, lambda out: {"risk": out[0]})


if __name__ == "__main__":
    main(body)
