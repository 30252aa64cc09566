#!/usr/bin/env python3
"""Writes the NumPy golden files the kernel tests compare against.

Run from the repository root:  python3 numeric/src/test/python/make_kernel_golden.py
Output goes to numeric/src/test/resources/kernels/. Text goldens hold one value per line
(repr of a float64, or an integer), preceded by a header line "# shape d0 d1 ...". The .npy
files exercise the Npy reader with files written by np.save itself.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "kernels")


def write_txt(name, array):
    array = np.asarray(array)
    with open(os.path.join(OUT, name), "w") as f:
        f.write("# shape " + " ".join(str(d) for d in array.shape) + "\n")
        for v in array.ravel():
            f.write((repr(float(v)) if array.dtype.kind == "f" else str(int(v))) + "\n")


def gemm():
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (13, 40))
    b = rng.uniform(-1, 1, (40, 29))
    write_txt("gemm_a.txt", a)
    write_txt("gemm_b.txt", b)
    write_txt("gemm_c.txt", a @ b)


def main():
    os.makedirs(OUT, exist_ok=True)
    gemm()


if __name__ == "__main__":
    main()
