"""fhebench_program against the protocol: what it reads, what it writes, how it fails."""

import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fhebench_program import Program, ProgramError

HERE = Path(__file__).resolve().parent.parent


def setup(tmp_path, doc=None, threads="2"):
    inp, out = tmp_path / "input.json", tmp_path / "output.json"
    doc = doc or {"protocol": 1, "benchmark": "cardio", "size": {"patients": 2}, "inputs": {"age": [1, 2]}}
    inp.write_text(json.dumps(doc))
    return {"FHEBENCH_INPUT": str(inp), "FHEBENCH_OUTPUT": str(out), "FHEBENCH_THREADS": threads}, out


def test_reads_input_size_threads(tmp_path):
    env, _ = setup(tmp_path)
    p = Program(env)
    assert p.input("age") == [1, 2]
    assert p.size("patients") == 2
    assert p.threads() == 2
    assert p.benchmark() == "cardio" and p.variant() == "default"
    with pytest.raises(ProgramError, match='no input "hdl"'):
        p.input("hdl")
    with pytest.raises(ProgramError, match='no size "width"'):
        p.size("width")


def test_field_bits_are_the_declared_widths(tmp_path):
    fields = {"sex": {"bits": 1, "max": 1}, "age": {"bits": 8, "max": 120}}
    env, _ = setup(tmp_path, {"protocol": 1, "inputs": {"age": [1]}, "fields": fields})
    p = Program(env)
    assert (p.field_bits("sex"), p.field_bits("age")) == (1, 8)
    with pytest.raises(ProgramError, match='no width for "hdl"'):
        p.field_bits("hdl")
    env, _ = setup(tmp_path)
    with pytest.raises(ProgramError, match="fields.age.bits"):
        Program(env).field_bits("age")


def test_needs_the_harness_environment_and_protocol_1(tmp_path):
    with pytest.raises(ProgramError, match="must be set"):
        Program({})
    env, _ = setup(tmp_path, {"protocol": 2})
    with pytest.raises(ProgramError, match="protocol"):
        Program(env)


def test_phases_accumulate_and_survive_exceptions(tmp_path):
    env, out = setup(tmp_path)
    p = Program(env)
    with p.phase("keygen"):
        pass
    p.record("keygen", 1.5)
    with pytest.raises(RuntimeError):
        with p.phase("compute"):
            raise RuntimeError("boom")
    with p.phase("compile"):
        with p.phase("compile.mlir"):
            pass
    p.output("risk", [3, 4])
    p.finish()
    doc = json.loads(out.read_text())
    names = [ph["name"] for ph in doc["phases"]]
    assert names == ["keygen", "compute", "compile.mlir", "compile"]
    keygen = doc["phases"][0]["seconds"]
    assert 1.5 <= keygen < 2.5
    compile_, sub = doc["phases"][3]["seconds"], doc["phases"][2]["seconds"]
    assert compile_ >= sub >= 0


def test_outputs_fhe_sizes_and_numpy_like_values(tmp_path):
    class Scalar:  # what numpy scalars look like to the helper: .item()
        def __init__(self, v):
            self.v = v

        def item(self):
            return self.v

    class Array:
        def tolist(self):
            return [[1, 2], [3, 4]]

    env, out = setup(tmp_path)
    p = Program(env)
    p.output("image", Array())
    p.output("y", [Scalar(0.5), 2])
    p.fhe({"library": "X"}, scheme="TFHE")
    p.fhe(coeff_modulus_bits=(60, 40))
    p.sizes("ciphertext_bytes", 1024)
    p.finish()
    doc = json.loads(out.read_text())
    assert doc["protocol"] == 1
    assert doc["outputs"] == {"image": [1, 2, 3, 4], "y": [0.5, 2]}
    assert doc["fhe"] == {"library": "X", "scheme": "TFHE", "coeff_modulus_bits": [60, 40]}
    assert doc["sizes"] == {"ciphertext_bytes": 1024}


@pytest.mark.parametrize("bad", [math.nan, math.inf, 2**60, "7", True])
def test_refuses_values_json_cannot_carry_exactly(tmp_path, bad):
    env, _ = setup(tmp_path)
    with pytest.raises(ProgramError):
        Program(env).output("risk", [bad])


def run_program(tmp_path, source):
    env, out = setup(tmp_path)
    script = tmp_path / "prog.py"
    script.write_text(textwrap.dedent(source))
    r = subprocess.run([sys.executable, str(script)], env={**env, "PYTHONPATH": str(HERE)},
                       capture_output=True, text=True, timeout=60)
    return r, out


def test_unsupported_exits_0_with_only_the_reason(tmp_path):
    r, out = run_program(tmp_path, """
        from fhebench_program import main
        main(lambda p: p.unsupported("too big"))
    """)
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text()) == {"protocol": 1, "unsupported": "too big"}


def test_main_turns_an_error_into_one_line_and_no_output(tmp_path):
    r, out = run_program(tmp_path, """
        from fhebench_program import main
        def body(p):
            p.output("risk", [1])
            raise ValueError("decryption failed")
        main(body)
    """)
    assert r.returncode == 1
    assert r.stderr.strip() == "fhebench program: ValueError: decryption failed"
    assert not out.exists() and not Path(str(out) + ".tmp").exists()


def test_main_finishes_and_the_write_is_atomic(tmp_path):
    r, out = run_program(tmp_path, """
        from fhebench_program import main
        main(lambda p: p.output("risk", [p.size("patients")]))
    """)
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text())["outputs"] == {"risk": [2]}
    assert not Path(str(out) + ".tmp").exists()
