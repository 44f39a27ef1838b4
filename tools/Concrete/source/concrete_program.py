"""The driver shared by the Concrete programs: compile a traced integer function for the
input's shape, refuse sizes that would run over 10 minutes, then keygen, encrypt, run,
decrypt, each timed, and report Concrete's own statistics."""

from __future__ import annotations

import itertools
from typing import Callable, Sequence

import numpy as np
from concrete import fhe
from concrete.fhe.compilation.configuration import SecurityLevel

from fhebench_program import Program

LIMIT_SECONDS = 600
# Seconds per programmable bootstrap on one core, by the largest PBS precision (bits) of the
# circuit, used only to refuse sizes whose estimate is above LIMIT_SECONDS. A first guess,
# doubling per bit, NOT calibrated: through the harness (README) cardio's 5-bit lookups took
# 0.15 s each and chi_squared's 6-bit ones 0.22 s of wall time, with the 2 cores shared by
# about ten processes (load average ≈ 10), so the same order per core as the table.
PBS_SECONDS = {4: 0.012, 5: 0.016, 6: 0.025, 7: 0.045, 8: 0.08, 9: 0.16, 10: 0.3, 11: 0.6, 12: 1.2,
               13: 2.5, 14: 5.0, 15: 10.0, 16: 20.0}


def configuration() -> fhe.Configuration:
    # 128 bits is Concrete's default security level; spelled out because it is reported.
    return fhe.Configuration(security_level=SecurityLevel.SECURITY_128_BITS,
                             parameter_selection_strategy=fhe.ParameterSelectionStrategy.MONO,
                             single_precision=False, show_progress=False)


def estimate_seconds(stats: dict, max_bits: int) -> float:
    per = PBS_SECONDS.get(max_bits, PBS_SECONDS[16] if max_bits > 16 else PBS_SECONDS[4])
    return stats.get("programmable_bootstrap_count", 0) * per


def max_pbs_bits(circuit: fhe.Circuit) -> int:
    """The widest table lookup input of the circuit (0 without any)."""
    bits = 0
    for node in circuit.graph.query_nodes():
        if node.converted_to_table_lookup and node.inputs:
            bits = max(bits, max(getattr(inp.dtype, "bit_width", 0) for inp in node.inputs))
    return bits


def run(p: Program, function: Callable, encrypted: Sequence[str], encode: Callable[[], Sequence[np.ndarray]],
        inputset: list, decode: Callable[[tuple], dict]) -> None:
    """Compiles `function` (parameters named `encrypted`) with `inputset`, then runs it on
    encode()'s arrays (called in the encrypt phase: turning the inputs into the circuit's
    encoding is the client's work); decode turns the decrypted tuple into the outputs."""
    compiler = fhe.Compiler(function, {name: "encrypted" for name in encrypted})
    with p.phase("compile"):
        circuit = compiler.compile(inputset, configuration())
    stats = circuit.statistics
    bits = max_pbs_bits(circuit)
    estimate = estimate_seconds(stats, bits)
    if estimate > LIMIT_SECONDS:
        p.unsupported(f"estimated {estimate / 60:.0f} minutes: {stats['programmable_bootstrap_count']} "
                      f"programmable bootstraps of up to {bits} bits x {PBS_SECONDS.get(bits, 20.0)} s")
    with p.phase("keygen"):
        circuit.keygen(force=True)
    with p.phase("encrypt"):
        encrypted_args = circuit.encrypt(*encode())
    with p.phase("compute"):
        result = circuit.run(encrypted_args)
    with p.phase("decrypt"):
        clear = circuit.decrypt(result)
        outputs = decode(clear if isinstance(clear, tuple) else (clear,))
    for name, values in outputs.items():
        p.output(name, np.asarray(values).reshape(-1))
    report(p, circuit, stats, bits, estimate)


def report(p: Program, circuit: fhe.Circuit, stats: dict, bits: int, estimate: float) -> None:
    from importlib.metadata import version

    p.fhe(library="Concrete", library_version=version("concrete-python"), scheme="TFHE",
          declared_security_bits=int(circuit.configuration.security_level),
          security_note="Concrete's optimizer picks parameters for its declared security level "
                        "(its own lattice estimates); not re-estimated here",
          p_error=stats.get("p_error"), global_p_error=stats.get("global_p_error"),
          programmable_bootstrap_count=stats.get("programmable_bootstrap_count"),
          key_switch_count=stats.get("key_switch_count"),
          packing_key_switch_count=stats.get("packing_key_switch_count"),
          max_table_lookup_bits=bits, estimated_compute_seconds=round(estimate, 3),
          complexity=stats.get("complexity"))
    p.fhe(key_parameters(circuit))
    for key, name in (("size_of_secret_keys", "secret_key_bytes"), ("size_of_bootstrap_keys", "bootstrap_key_bytes"),
                      ("size_of_keyswitch_keys", "keyswitch_key_bytes"), ("size_of_inputs", "ciphertext_bytes"),
                      ("size_of_outputs", "output_ciphertext_bytes")):
        if stats.get(key) is not None:
            p.sizes(name, int(stats[key]))


def key_parameters(circuit: fhe.Circuit) -> dict:
    """The parameters the optimizer chose (MONO: one bootstrap and one key-switching key), named
    as tfhe-rs names them; a leveled circuit has neither."""
    keys = circuit.client.specs.program_info.get_keyset_info()
    out = {}
    for b in keys.bootstrap_keys()[:1]:
        out.update(lwe_dimension=b.input_lwe_dimension(), glwe_dimension=b.glwe_dimension(),
                   polynomial_size=b.polynomial_size(), pbs_base_log=b.base_log(), pbs_level=b.level())
    for k in keys.keyswitch_keys()[:1]:
        out.update(ks_base_log=k.base_log(), ks_level=k.level())
    return out


def inputset(ranges: Sequence[tuple[int, int]], shape: tuple, samples: int = 40, seed: int = 1) -> list:
    """Calibration inputs for Concrete's bit-width inference: the range ends and random draws
    (never the benchmark's inputs: the circuit must not depend on them)."""
    rng = np.random.default_rng(seed)
    # Every corner of the range box for up to 4 inputs (the extremes of products and
    # differences), else the two diagonal corners.
    corners = itertools.product(*ranges) if len(ranges) <= 4 else [[r[0] for r in ranges], [r[1] for r in ranges]]
    sets = [tuple(np.full(shape, v) for v in corner) for corner in corners]
    sets += [tuple(rng.integers(lo, hi + 1, size=shape) for lo, hi in ranges) for _ in range(samples)]
    return sets if len(ranges) > 1 else [s[0] for s in sets]
