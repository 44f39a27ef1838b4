"""fhebench protocol v1, implementation side: the Python twin of include/fhebench/program.hpp
and js/program.

    from fhebench_program import Program, main
    p = Program()                          # reads $FHEBENCH_INPUT
    age = p.input("age")
    with p.phase("compile"): ...           # monotonic clock; a phase named twice accumulates
    with p.phase("keygen"): ...
    p.output("risk", risk)                 # ints, floats, numpy scalars or arrays
    p.fhe(library="Concrete", scheme="TFHE", declared_security_bits=128)
    p.sizes("ciphertext_bytes", n)
    p.finish()                             # writes $FHEBENCH_OUTPUT atomically

The protocol itself is plain JSON (docs/protocol.md); this module is a convenience. Tool
virtual environments made by fhebench have it on their path.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import time
from typing import Any, Callable, Iterable, Iterator, Mapping, NoReturn

__all__ = ["Program", "ProgramError", "main"]


class ProgramError(Exception):
    """The program was started wrongly or asked for something input.json does not have."""


class Program:
    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        in_path, out_path = env.get("FHEBENCH_INPUT"), env.get("FHEBENCH_OUTPUT")
        if not in_path or not out_path:
            raise ProgramError("FHEBENCH_INPUT and FHEBENCH_OUTPUT must be set (run me through fhebench)")
        self._output_path = out_path
        with open(in_path, encoding="utf-8") as f:
            self._input = json.load(f)
        if not isinstance(self._input, dict) or self._input.get("protocol") != 1:
            raise ProgramError("unsupported protocol version")
        try:
            self._threads = max(1, int(env.get("FHEBENCH_THREADS", "1")))
        except ValueError:
            self._threads = 1
        self._phases: list[dict[str, Any]] = []
        self._outputs: dict[str, list[int | float]] = {}
        self._fhe: dict[str, Any] = {}
        self._sizes: dict[str, int] = {}

    @property
    def raw(self) -> dict[str, Any]:
        return self._input

    def benchmark(self) -> str:
        return self._input["benchmark"]

    def variant(self) -> str:
        return self._input.get("variant", "default")

    def threads(self) -> int:
        return self._threads

    def size(self, key: str) -> int:
        try:
            return self._input["size"][key]
        except KeyError:
            raise ProgramError(f'input.json has no size "{key}"') from None

    def input(self, name: str) -> list:
        try:
            return self._input["inputs"][name]
        except KeyError:
            raise ProgramError(f'input.json has no input "{name}"') from None

    def field_bits(self, name: str) -> int:
        """The unsigned width the harness declares for an integer input (input.json "fields",
        docs/protocol.md): cardio's flags are 1 bit, its numbers 8."""
        bits = self._input.get("fields", {}).get(name, {}).get("bits")
        if not isinstance(bits, int):
            raise ProgramError(f'input.json declares no width for "{name}" (fields.{name}.bits)')
        return bits

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Times the block as phase `name` (sub-phases: "keygen.bootstrap"); recorded even
        when the block raises, so a failing program still shows where its time went."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.record(name, time.perf_counter() - start)

    def record(self, name: str, seconds: float) -> None:
        for ph in self._phases:
            if ph["name"] == name:
                ph["seconds"] += seconds
                return
        self._phases.append({"name": name, "seconds": seconds})

    def output(self, name: str, values: Iterable) -> None:
        self._outputs[name] = [_number(v) for v in _flat(values)]

    def fhe(self, params: Mapping[str, Any] | None = None, **more: Any) -> None:
        """FHE parameters (merged): library, library_version, scheme, poly_modulus_degree,
        coeff_modulus_bits, plain_modulus, declared_security_bits, ..."""
        self._fhe.update(_plain(dict(params or {}, **more)))

    def sizes(self, name: str, nbytes: int) -> None:
        self._sizes[name] = int(nbytes)

    def finish(self) -> None:
        out: dict[str, Any] = {"protocol": 1, "phases": self._phases, "outputs": self._outputs}
        if self._fhe:
            out["fhe"] = self._fhe
        if self._sizes:
            out["sizes"] = self._sizes
        self._write(out)

    def unsupported(self, reason: str) -> NoReturn:
        """The requested size cannot be handled: recorded as unsupported, not as a failure."""
        self._write({"protocol": 1, "unsupported": str(reason)})
        sys.exit(0)

    def _write(self, doc: dict[str, Any]) -> None:
        # A reader of FHEBENCH_OUTPUT sees nothing or the whole file: write, then rename.
        text = json.dumps(doc, allow_nan=False) + "\n"
        tmp = self._output_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, self._output_path)


def main(body: Callable[[Program], None]) -> None:
    """Runs body(Program()) and finishes; any error becomes one line on stderr and exit 1."""
    try:
        p = Program()
        body(p)
        p.finish()
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 - the harness records this line as the reason
        print(f"fhebench program: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)


def _flat(values: Any) -> Iterator[Any]:
    if hasattr(values, "tolist"):  # numpy arrays and scalars
        values = values.tolist()
    if isinstance(values, (list, tuple)):
        for v in values:
            yield from _flat(v)
    else:
        yield values


def _number(v: Any) -> int | float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        if hasattr(v, "item"):
            return _number(v.item())
        raise ProgramError(f"not a number: {v!r}")
    if isinstance(v, float) and not math.isfinite(v):
        raise ProgramError(f"not a finite number: {v}")
    if isinstance(v, int) and abs(v) > 2**53:
        raise ProgramError(f"value {v} does not fit a JSON number exactly")
    return v


def _plain(v: Any) -> Any:
    """numpy values in parameters become JSON numbers and lists."""
    if hasattr(v, "tolist"):
        return v.tolist()
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v
