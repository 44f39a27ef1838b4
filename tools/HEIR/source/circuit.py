"""What a benchmark hands the HEIR driver: its MLIR function and the heir-opt pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Context:
    cache: Path  # {program_cache}: a benchmark may keep its own generators here
    home: Path  # {fhebench_dir}: include/fhebench for C++ helpers


@dataclass(frozen=True)
class Circuit:
    function: str  # the func.func's name: HEIR prefixes the generated C++ functions with it
    mlir: str
    pipeline: list[str]  # heir-opt options from MLIR's arith/tensor dialects to the scheme
    includes: dict[str, str] = field(default_factory=dict)  # extra files beside generated.h


def bgv_options(plain_modulus: int) -> list[str]:
    # BGV and BFV need their loops unrolled for HEIR's parameter selection (heir_py does so too).
    return ["--canonicalize", f"--mlir-to-bgv=unroll-fhe-kernel-loops=true plaintext-modulus={plain_modulus}"]


def bfv_options(plain_modulus: int) -> list[str]:
    return ["--canonicalize", f"--mlir-to-bfv=unroll-fhe-kernel-loops=true plaintext-modulus={plain_modulus}"]


def ckks_options() -> list[str]:
    # Unrolled too: heir-translate 2026.11.1 emits a loop-carried ciphertext vector of a kept
    # loop as `const v43 = {ct23};`, which does not compile (mlp at 784 features).
    return ["--canonicalize", "--mlir-to-ckks=unroll-fhe-kernel-loops=true"]
