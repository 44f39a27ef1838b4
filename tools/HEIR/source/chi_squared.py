"""chi_squared as an MLIR function for HEIR: one tensor per input over all instances, BGV with
a batching prime above 2 * alpha's 14,776,336 that is 1 mod 2^16, so it batches in every ring
OpenFHE may choose up to 32768 (tools/SEAL's 33538049 is only 1 mod 2^14: OpenFHE picked
n = 16384 for HEIR's moduli and refused it).
Multiplications by the constants 2 and 4 are written as additions: with a plaintext-constant
multiply, heir-opt 2026.11.1's BGV noise validation fails ("Noise validation failed")."""

from fhebench_program import Program

from circuit import Circuit, Context, bgv_options

PLAIN_MODULUS = 29687809


def circuit(p: Program, _: Context) -> Circuit:
    t = f"tensor<{p.size('instances')}xi32>"
    body = f"""func.func @chi_squared(%n0: {t} {{secret.secret}}, %n1: {t} {{secret.secret}}, %n2: {t} {{secret.secret}}) -> ({t}, {t}, {t}, {t}) {{
  %p = arith.muli %n0, %n2 : {t}
  %p2 = arith.addi %p, %p : {t}
  %p4 = arith.addi %p2, %p2 : {t}
  %s = arith.muli %n1, %n1 : {t}
  %x = arith.subi %p4, %s : {t}
  %alpha = arith.muli %x, %x : {t}
  %u0 = arith.addi %n0, %n0 : {t}
  %u = arith.addi %u0, %n1 : {t}
  %v0 = arith.addi %n2, %n2 : {t}
  %v = arith.addi %v0, %n1 : {t}
  %uu = arith.muli %u, %u : {t}
  %beta1 = arith.addi %uu, %uu : {t}
  %beta2 = arith.muli %u, %v : {t}
  %vv = arith.muli %v, %v : {t}
  %beta3 = arith.addi %vv, %vv : {t}
  return %alpha, %beta1, %beta2, %beta3 : {t}, {t}, {t}, {t}
}}
"""
    return Circuit("chi_squared", body, bgv_options(PLAIN_MODULUS))
