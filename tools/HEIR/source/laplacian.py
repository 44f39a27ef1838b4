"""laplacian as an MLIR function for HEIR, in the loop form HEIR vectorizes (as its box_blur
example): every pixel of a side × side image with cyclic neighbours becomes 11·p − (3×3 sum),
then a clear 0/1 mask keeps the interior's result and the input elsewhere. side is the width
rounded up to a power of two (the driver pads the image with zeros in the encrypt phase and
crops after decryption): with any other side, HEIR 2026.11.1's layout assignment fails
("tensor.insert requires scalar and tensor layout to match"), as it does for an interior-only
loop. 11·p is written as additions (a constant multiply of a ciphertext fails BGV noise
validation: chi_squared.py). Outputs are in −2040..2550; t = 65537 holds them."""

from fhebench_program import Program

from circuit import Circuit, Context, bgv_options


def side(width: int) -> int:
    s = 1
    while s < width:
        s *= 2
    return s


def circuit(p: Program, _: Context) -> Circuit:
    w = p.size("width")
    s = side(w)
    n = s * s
    t = f"tensor<{n}xi32>"
    mask = [int(0 < r < w - 1 and 0 < c < w - 1) for r in range(s) for c in range(s)]
    mlir = f"""func.func @laplacian(%img: {t} {{secret.secret}}) -> {t} {{
  %cn = arith.constant {n} : index
  %cs = arith.constant {s} : index
  %z = arith.constant 0 : i32
  %lap = affine.for %x = 0 to {s} iter_args(%ax = %img) -> ({t}) {{
    %row = affine.for %y = 0 to {s} iter_args(%ay = %ax) -> ({t}) {{
      %box = affine.for %j = -1 to 2 iter_args(%vj = %z) -> (i32) {{
        %bi = affine.for %i = -1 to 2 iter_args(%vi = %vj) -> (i32) {{
          %r = arith.addi %x, %i : index
          %rs = arith.muli %r, %cs : index
          %c = arith.addi %y, %j : index
          %k = arith.addi %rs, %c : index
          %kn = arith.addi %k, %cn : index
          %at = arith.remui %kn, %cn : index
          %q = tensor.extract %img[%at] : {t}
          %sum = arith.addi %vi, %q : i32
          affine.yield %sum : i32
        }}
        affine.yield %bi : i32
      }}
      %xs = arith.muli %x, %cs : index
      %here = arith.addi %xs, %y : index
      %p = tensor.extract %img[%here] : {t}
      %p2 = arith.addi %p, %p : i32
      %p4 = arith.addi %p2, %p2 : i32
      %p8 = arith.addi %p4, %p4 : i32
      %p10 = arith.addi %p8, %p2 : i32
      %p11 = arith.addi %p10, %p : i32
      %v = arith.subi %p11, %box : i32
      %put = tensor.insert %v into %ay[%here] : {t}
      affine.yield %put : {t}
    }}
    affine.yield %row : {t}
  }}
  %interior = arith.constant dense<[{", ".join(map(str, mask))}]> : {t}
  %change = arith.subi %lap, %img : {t}
  %kept = arith.muli %interior, %change : {t}
  %out = arith.addi %img, %kept : {t}
  return %out : {t}
}}
"""
    return Circuit("laplacian", mlir, bgv_options(65537))
