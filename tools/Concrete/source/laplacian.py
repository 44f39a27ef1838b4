"""Concrete laplacian: 11·p minus the 3×3 box sum on the interior, border pixels kept; only
additions and multiplications by clear constants, so no bootstrap at all (leveled)."""

import numpy as np

import concrete_program as cp
from fhebench_program import Program, main


def sharpen(image):
    w = image.shape[0]
    box = image[0:w - 2, 0:w - 2] * 0
    for dr in range(3):
        for dc in range(3):
            box = box + image[dr:w - 2 + dr, dc:w - 2 + dc]
    out = image * 1
    out[1:w - 1, 1:w - 1] = image[1:w - 1, 1:w - 1] * 11 - box
    return out


def body(p: Program) -> None:
    w = p.size("width")
    image = np.array(p.input("image"), dtype=np.int64).reshape(w, w)
    if w < 3:  # no interior: the output is the input, still encrypted and decrypted
        function = lambda image: image * 1  # noqa: E731
    else:
        function = sharpen
    cp.run(p, function, ["image"], lambda: [image], cp.inputset([(0, 255)], (w, w)), lambda out: {"image": out[0]})


if __name__ == "__main__":
    main(body)
