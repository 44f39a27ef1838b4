"""mlp as an MLIR function for HEIR, CKKS: x encrypted, the weights and biases clear arguments
(so one compiled program serves every draw of them), two linalg.matvec with the square
between; HEIR picks the packing (its diagonal matrix-vector kernels), rotations and moduli."""

from fhebench_program import Program

from circuit import Circuit, Context, ckks_options


def circuit(p: Program, _: Context) -> Circuit:
    f, h, c = p.size("features"), p.size("hidden"), p.size("classes")
    mlir = f"""func.func @mlp(%x: tensor<{f}xf32> {{secret.secret}}, %w1: tensor<{h}x{f}xf32>, %b1: tensor<{h}xf32>, %w2: tensor<{c}x{h}xf32>, %b2: tensor<{c}xf32>) -> tensor<{c}xf32> {{
  %z1 = arith.constant dense<0.0> : tensor<{h}xf32>
  %m1 = linalg.matvec ins(%w1, %x : tensor<{h}x{f}xf32>, tensor<{f}xf32>) outs(%z1 : tensor<{h}xf32>) -> tensor<{h}xf32>
  %a1 = arith.addf %m1, %b1 : tensor<{h}xf32>
  %s1 = arith.mulf %a1, %a1 : tensor<{h}xf32>
  %z2 = arith.constant dense<0.0> : tensor<{c}xf32>
  %m2 = linalg.matvec ins(%w2, %s1 : tensor<{c}x{h}xf32>, tensor<{h}xf32>) outs(%z2 : tensor<{c}xf32>) -> tensor<{c}xf32>
  %y = arith.addf %m2, %b2 : tensor<{c}xf32>
  return %y : tensor<{c}xf32>
}}
"""
    return Circuit("mlp", mlir, ckks_options())
