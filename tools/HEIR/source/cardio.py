"""cardio as an MLIR function for HEIR, BFV: every field's bits as bit planes (one
tensor<patients x i32> each), and the circuit of tools/SEAL and tools/OpenFHE
(fhebench::cardio_conditions in include/fhebench/compare.hpp) written out gate by gate as
MLIR by gen/cardio_mlir.cpp, so all three evaluate the same circuit. BFV, not BGV: for depth 4
heir-opt 2026.11.1's BGV noise validation fails (a product of five values fails already).
t = 65537: the risk is at most 11."""

import hashlib
import subprocess
from pathlib import Path

from fhebench_program import Program, ProgramError

from circuit import Circuit, Context, bfv_options

GEN = Path(__file__).resolve().parent / "gen" / "cardio_mlir.cpp"


def generator(ctx: Context) -> Path:
    """gen/cardio_mlir.cpp, compiled once per source and header content (cached)."""
    h = hashlib.sha256(GEN.read_bytes() + (ctx.home / "include/fhebench/compare.hpp").read_bytes())
    binary = ctx.cache / f"cardio_mlir-{h.hexdigest()[:16]}"
    if not binary.is_file():
        ctx.cache.mkdir(parents=True, exist_ok=True)
        tmp = binary.with_suffix(".tmp")
        r = subprocess.run(["c++", "-std=c++20", "-O1", f"-I{ctx.home / 'include'}", str(GEN), "-o", str(tmp)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise ProgramError("building gen/cardio_mlir.cpp failed: " + r.stderr[-800:])
        tmp.replace(binary)
    return binary


def calls(fields: list[tuple[str, int]]) -> str:
    """The driver's view of the generated signatures: one encrypt function per bit plane."""
    n = sum(bits for _, bits in fields)
    return "\n".join([
        "// Written by cardio.py: the bit planes in the order of cardio's arguments.",
        "#define CARDIO_FIELDS {" + ", ".join(f'{{"{name}", {bits}}}' for name, bits in fields) + "}",
        "#define CARDIO_ENCRYPTS {" + ", ".join(f"&cardio__encrypt__arg{i}" for i in range(n)) + "}",
        "#define CARDIO_CALL(cc, in) cardio(cc, " + ", ".join(f"in[{i}]" for i in range(n)) + ")", ""])


def circuit(p: Program, ctx: Context) -> Circuit:
    fields = [(name, p.field_bits(name)) for name in p.raw["fields"]]
    args = [str(generator(ctx)), str(p.size("patients"))] + [f"{name}:{bits}" for name, bits in fields]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        raise ProgramError("gen/cardio_mlir failed: " + r.stderr[-800:])
    return Circuit("cardio", r.stdout, bfv_options(65537), {"calls.inc": calls(fields)})
