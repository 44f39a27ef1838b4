"""Cardio in the clear, run by the tool's venv: proves the pinned package and the helper
import there (the system Python has neither on its path)."""

import sys
from importlib.metadata import version

import iniconfig  # noqa: F401 - the pinned package must import

from fhebench_program import main


def body(p):
    f = {k: p.input(k) for k in ("sex", "antecedent", "smoker", "diabetic", "pressure", "age", "hdl", "height",
                                 "weight", "physical_act", "drinking")}
    with p.phase("compile"):
        pass
    for ph in ("keygen", "encrypt", "decrypt"):
        p.record(ph, 0)
    with p.phase("compute"):
        risk = []
        for i in range(len(f["sex"])):
            m = f["sex"][i] == 1
            g = lambda k: f[k][i]  # noqa: E731
            risk.append((m and g("age") > 50) + (not m and g("age") > 60) + g("antecedent") + g("smoker")
                        + g("diabetic") + g("pressure") + (g("hdl") < 40) + (g("height") < g("weight") + 90)
                        + (g("physical_act") < 30) + (m and g("drinking") > 3) + (not m and g("drinking") > 2))
    p.output("risk", risk)
    p.fhe(library="none", scheme="none", python=sys.prefix, iniconfig=version("iniconfig"))


if __name__ == "__main__":
    main(body)
