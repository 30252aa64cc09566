"""SciPy peer of the sparse benchmarks (modelled on shared/bench/power_iteration.py).

usage:
  python3 scipy_peer.py power N DENSITY ITERS   the flagship power iteration; one line as the reference prints
  python3 scipy_peer.py spmv N DENSITY REPS     SpMV alone on the flagship's matrix: ms per product
  python3 scipy_peer.py cg GRID RTOL            CG on the 2-D Poisson matrix (5-point Laplacian), b = ones
"""
import sys
import time

import numpy as np
import scipy.sparse as sparse
import scipy.sparse.linalg as spla


def flagship_matrix(n, density):
    a = sparse.random(n, n, density=density, format="csr", dtype=np.float64, random_state=np.random.default_rng(0))
    a = 0.5 * (a + a.T) + n * sparse.eye(n, format="csr")
    return a.tocsr()


def power(n, density, iters):
    np.random.seed(0)
    t0 = time.perf_counter()
    a = flagship_matrix(n, density)
    t1 = time.perf_counter()
    x = np.random.rand(a.shape[0])
    for _ in range(iters):
        x = a @ x
        x /= np.linalg.norm(x)
    result = np.dot(x.T, a @ x)
    t2 = time.perf_counter()
    nnz = a.nnz
    idx = a.indices.dtype.itemsize
    bytes_spmv = nnz * (8 + idx) + (n + 1) * a.indptr.dtype.itemsize + 2 * n * 8
    per_iter = (t2 - t1) / (iters + 1)
    print(f"backend=numpy n={n} nnz={nnz} build_s={t1 - t0:.3f} loop_s={t2 - t1:.4f} "
          f"per_iter_ms={per_iter * 1e3:.3f} spmv_GBps_lowerbound={bytes_spmv / per_iter / 1e9:.1f} "
          f"result={float(result):.6e}")


def spmv(n, density, reps):
    a = flagship_matrix(n, density)
    x = np.random.default_rng(1).random(n)
    a @ x
    t0 = time.perf_counter()
    for _ in range(reps):
        a @ x
    ms = (time.perf_counter() - t0) / reps * 1e3
    print(f"scipy_spmv n={n} nnz={a.nnz} ms={ms:.3f}")


def cg(grid, rtol):
    t0 = time.perf_counter()
    t = sparse.diags_array([-1.0, 2.0, -1.0], offsets=[-1, 0, 1], shape=(grid, grid))
    i = sparse.identity(grid)
    a = (sparse.kron(i, t) + sparse.kron(t, i)).tocsr()
    b = np.ones(grid * grid)
    t1 = time.perf_counter()
    its = [0]

    def count(_):
        its[0] += 1

    x, info = spla.cg(a, b, rtol=rtol, maxiter=100000, callback=count)
    t2 = time.perf_counter()
    print(f"scipy_cg N={grid} unknowns={grid * grid} build_s={t1 - t0:.3f} solve_s={t2 - t1:.4f} "
          f"iterations={its[0]} residual={np.linalg.norm(b - a @ x):.3e} info={info}")


def main():
    mode = sys.argv[1]
    if mode == "power":
        power(int(float(sys.argv[2])), float(sys.argv[3]), int(sys.argv[4]))
    elif mode == "spmv":
        spmv(int(float(sys.argv[2])), float(sys.argv[3]), int(sys.argv[4]))
    elif mode == "cg":
        cg(int(sys.argv[2]), float(sys.argv[3]))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
