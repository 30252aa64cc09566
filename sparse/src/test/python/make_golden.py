"""Writes the sparse library's golden files (SciPy results on small cases) for the Java tests.

usage: python3 make_golden.py [OUTDIR]   (default: ../resources/golden beside this script)

Each file is plain text, one array per line: `name v1 v2 ...`; floats are written with
17 significant digits so they read back bitwise. Matrices are given as their CSR arrays
(`<name>.shape`, `<name>.indptr`, `<name>.indices`, `<name>.data`), canonical (sorted, summed).
"""
import os
import sys

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def fmt(v):
    return " ".join(repr(float(x)) if isinstance(x, (float, np.floating)) else str(int(x)) for x in v)


def put(lines, name, arr):
    lines.append(f"{name} {fmt(np.asarray(arr).ravel())}".rstrip())


def put_csr(lines, name, m):
    m = sp.csr_array(m)
    m.sum_duplicates()
    m.sort_indices()
    put(lines, name + ".shape", np.array(m.shape))
    put(lines, name + ".indptr", m.indptr)
    put(lines, name + ".indices", m.indices)
    put(lines, name + ".data", m.data.astype(np.float64))


def random_csr(rng, m, n, density):
    dense = rng.random((m, n))
    dense[rng.random((m, n)) > density] = 0.0
    return sp.csr_array(dense)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "resources", "golden")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20240601)
    a = random_csr(rng, 9, 7, 0.4)
    b = random_csr(rng, 9, 7, 0.4)
    c = random_csr(rng, 7, 6, 0.5)
    x = rng.random(7)
    dense = rng.random((7, 3))

    lines = [f"# scipy {scipy.__version__} numpy {np.__version__}"]
    put_csr(lines, "A", a)
    put_csr(lines, "B", b)
    put_csr(lines, "C", c)
    put(lines, "x", x)
    put(lines, "spmv", a @ x)
    put(lines, "dense.shape", np.array(dense.shape))
    put(lines, "dense", dense)
    put(lines, "spmm", a @ dense)
    put_csr(lines, "spgemm", a @ c)
    put_csr(lines, "transpose", a.T)
    put_csr(lines, "add", a + b)
    put_csr(lines, "sub", a - b)
    put_csr(lines, "mul", a.multiply(b))
    put(lines, "rowsum", a.sum(axis=1))
    put(lines, "colsum", a.sum(axis=0))
    put(lines, "diag1", a.diagonal(1))
    put(lines, "diagm2", a.diagonal(-2))
    put_csr(lines, "kron", sp.kron(c, b))

    grid = 8
    t = sp.diags_array([-1.0, 2.0, -1.0], offsets=[-1, 0, 1], shape=(grid, grid))
    i = sp.identity(grid)
    lap = (sp.kron(i, t) + sp.kron(t, i)).tocsr()
    rhs = np.arange(1, grid * grid + 1, dtype=np.float64) / (grid * grid)
    iters = [0]

    def count(_):
        iters[0] += 1

    sol, info = spla.cg(lap, rhs, rtol=1e-10, callback=count)
    assert info == 0
    put_csr(lines, "poisson", lap)
    put(lines, "poisson.b", rhs)
    put(lines, "cg.x", sol)
    put(lines, "cg.iterations", np.array([iters[0]]))
    with open(os.path.join(out, "cases.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
