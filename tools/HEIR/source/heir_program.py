"""The HEIR driver: `heir_program.py BENCHMARK PREFIX CACHE FHEBENCH_DIR`.

The compile phase is HEIR's pipeline (heir-opt to the scheme, then to OpenFHE, heir-translate
to C++) plus the C++ build of the generated code with the benchmark's driver (cxx/), against
the OpenFHE at PREFIX. Its result is cached in CACHE under a hash of everything it depends on,
so a warm run does not recompile (compile is then the time to find it). The driver program
then replaces this process and runs keygen, encrypt, compute and decrypt itself."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from fhebench_program import Program, ProgramError

from circuit import Context

HERE = Path(__file__).resolve().parent
CXX = HERE / "cxx"


def tree_digest(h: "hashlib._Hash", root: Path) -> None:
    for f in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")


def cache_key(circuit, prefix: Path, home: Path) -> str:
    h = hashlib.sha256()
    h.update(json.dumps([circuit.function, circuit.mlir, circuit.pipeline, circuit.includes, version("heir-py"),
                         str(prefix)]).encode())
    for root in (CXX, home / "include", home / "cmake", prefix / "lib" / "OpenFHE"):
        if root.is_dir():
            tree_digest(h, root)
    for tool in (["c++", "--version"], ["cmake", "--version"]):
        h.update(subprocess.run(tool, capture_output=True, text=True).stdout.encode())
    return h.hexdigest()[:24]


def run(argv: list[str], what: str, **kw) -> str:
    r = subprocess.run(argv, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        lines = [l for l in (r.stderr or r.stdout).splitlines() if "Unable to find backend attribute" not in l]
        raise ProgramError(f"{what} failed: " + " | ".join(lines[-6:])[-1500:])
    return r.stdout


EMPTY = re.compile(r"^\s*(%[\w.]+) = tensor\.empty\(\) : (tensor<1x![\w.]+>)$", re.M)


def separate_results(mlir: str) -> str:
    """Works around a heir-translate 2026.11.1 bug: results that are one-ciphertext tensors
    get one shared `tensor.empty`, and the emitter turns each `tensor.insert` into it into an
    in-place store to the same C++ vector, so every result was the last (chi_squared's four
    outputs all decrypted to beta3). `tensor.insert %x into <empty>[%c0]` of a one-element
    tensor is the same value as `tensor.from_elements %x`, which the emitter copies."""
    for name, ty in EMPTY.findall(mlir):
        insert = re.compile(rf"= tensor\.insert (%[\w.]+) into {re.escape(name)}\[%[\w.]+\] : {re.escape(ty)}$", re.M)
        if len(insert.findall(mlir)) > 1:  # only a shared one is miscompiled
            mlir = insert.sub(lambda m: f"= tensor.from_elements {m.group(1)} : {ty}", mlir)
    return mlir


def heir_pipeline(circuit, out: Path) -> None:
    """MLIR → scheme → OpenFHE dialect → generated.h / generated.cpp in `out`."""
    heir = files("heir")
    opt, translate = str(heir / "heir-opt"), str(heir / "heir-translate")
    scheme = run([opt, *circuit.pipeline], "heir-opt " + " ".join(circuit.pipeline), input=circuit.mlir)
    openfhe = separate_results(run([opt, f"--scheme-to-openfhe=entry-function={circuit.function}"],
                                   "heir-opt --scheme-to-openfhe", input=scheme))
    for flag, name in (("--emit-openfhe-pke-header", "generated.h"), ("--emit-openfhe-pke", "generated.cpp")):
        run([translate, flag, "--openfhe-include-type=install-relative", "-o", str(out / name)], "heir-translate " + flag,
            input=openfhe)
    # For larger tensors HEIR's function takes encrypted zeros from the client as one more
    # argument (<function>__encrypt__zeros); the drivers pass them when this says so.
    zeros = f"{circuit.function}__encrypt__zeros(" in (out / "generated.h").read_text()
    (out / "heir_features.h").write_text(f"#define HEIR_ENCRYPT_ZEROS {int(zeros)}\n")


def cxx_build(benchmark: str, generated: Path, build: Path, prefix: Path, home: Path, jobs: int) -> None:
    lib = prefix / "lib"
    run(["cmake", "-S", str(CXX), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release", f"-DCMAKE_PREFIX_PATH={prefix}",
         f"-Dfhebench_DIR={home / 'cmake'}", f"-DHEIR_BENCHMARK={benchmark}", f"-DHEIR_GENERATED={generated}",
         f"-DCMAKE_BUILD_RPATH={lib}", "-DCMAKE_EXE_LINKER_FLAGS=-Wl,--disable-new-dtags"], "cmake configure")
    run(["cmake", "--build", str(build), "-j", str(jobs)], "C++ build of HEIR's output")


def heir_settings(generated_cpp: Path) -> dict:
    """The parameters HEIR chose, as its generated context sets them (params.SetX(v))."""
    found = re.findall(r"params\.Set(\w+)\(([^)]*)\)", generated_cpp.read_text())
    snake = lambda n: re.sub(r"(?<!^)(?=[A-Z])", "_", n).lower()  # noqa: E731
    return {f"heir_{snake(k)}": (int(v) if v.isdigit() else v) for k, v in found}


def compile_cached(benchmark: str, circuit, prefix: Path, cache: Path, home: Path, jobs: int) -> tuple[Path, dict, dict]:
    start = time.perf_counter()
    entry = cache / cache_key(circuit, prefix, home)
    phases: dict[str, float] = {}
    if not (entry / "program").is_file():
        cache.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=entry.name + ".", dir=cache))
        work.chmod(0o755)  # mkdtemp's 0700 would keep the cached program from other users
        try:
            (work / "generated").mkdir()
            (work / "function.mlir").write_text(circuit.mlir)
            for name, text in circuit.includes.items():
                (work / "generated" / name).write_text(text)
            t = time.perf_counter()
            heir_pipeline(circuit, work / "generated")
            phases["compile.heir"] = time.perf_counter() - t
            t = time.perf_counter()
            cxx_build(benchmark, work / "generated", work / "build", prefix, home, jobs)
            phases["compile.cxx"] = time.perf_counter() - t
            shutil.copy2(work / "build" / "program", work / "program")
            shutil.rmtree(work / "build")
            os.replace(work, entry)  # whole or absent: a concurrent or killed compile leaves no half entry
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    phases["compile"] = time.perf_counter() - start
    info = {"library": "HEIR", "compiler": "HEIR", "heir_version": version("heir-py"), "backend": "OpenFHE",
            "compile_cached": "compile.heir" not in phases, "heir_pipeline": " ".join(circuit.pipeline)}
    info.update(heir_settings(entry / "generated" / "generated.cpp"))
    return entry / "program", phases, info


def main() -> None:
    benchmark, prefix, cache, home = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    p = Program()
    try:
        circuit = importlib.import_module(benchmark).circuit(p, Context(cache, home))
        program, phases, info = compile_cached(benchmark, circuit, prefix, cache, home, p.threads())
    except (ProgramError, OSError, ValueError, KeyError, TypeError) as e:  # one line, not a traceback
        print(f"{benchmark}: {type(e).__name__ if not isinstance(e, ProgramError) else 'error'}: {e}", file=sys.stderr)
        sys.exit(1)
    env = dict(os.environ, FHEBENCH_HEIR_PHASES=json.dumps(phases), FHEBENCH_HEIR_INFO=json.dumps(info))
    os.execve(program, [str(program)], env)


if __name__ == "__main__":
    main()
