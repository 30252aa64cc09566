"""NumPy peer of the numeric benchmarks (bench/numeric): one workload per call, one line out.

usage: python3 numpy_peer.py WORKLOAD [SIZE] [REPS]
Workloads (sizes as in shared/bench/numeric_ref.py and small_ops_ref.py):
  fma N            c = a * b + d on N float64 (new c each time, as the expression allocates)
  fma_out N        np.add(np.multiply(a, b, out=c), d, out=c): the same without allocating
  sum N            float(a.sum())
  axis0 N          m.sum(axis=0) for m = a.reshape(-1, 4096)
  matmul N DTYPE   x @ y for N x N matrices of DTYPE (float64 or float32)
  normal N         rng.standard_normal(N)
  jacobi N ITERS   u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
  smallops         10,000 operations (add, multiply, slice-assign, sum) on 1,000-element arrays
Prints "numpy_s=<median seconds> ..." where ... repeats the parameters.
"""
import statistics
import sys
import time

import numpy as np


def timeit(fn, reps):
    fn()
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def main():
    w = sys.argv[1]
    rng = np.random.default_rng(0)
    if w == "smallops":
        a, b = rng.random(1000), rng.random(1000)

        def run():
            x, acc = a.copy(), 0.0
            for _ in range(2500):
                x = x + b
                x = x * 0.5
                x[10:20] = b[:10]
                acc += float(x.sum())
            return acc
        t = timeit(run, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
        print(f"numpy_s={t:.6f} ops=10000 n=1000")
        return
    n = int(sys.argv[2])
    if w in ("fma", "fma_out", "sum", "axis0", "normal"):
        reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
        a, b, d = rng.random(n), rng.random(n), rng.random(n)
        c = np.empty(n)
        fns = {
            "fma": lambda: a * b + d,
            "fma_out": lambda: np.add(np.multiply(a, b, out=c), d, out=c),
            "sum": lambda: float(a.sum()),
            "axis0": lambda: a.reshape(-1, 4096).sum(axis=0),
            "normal": lambda: rng.standard_normal(n),
        }
        print(f"numpy_s={timeit(fns[w], reps):.6f} n={n}")
    elif w == "matmul":
        dt = np.dtype(sys.argv[3])
        reps = int(sys.argv[4]) if len(sys.argv) > 4 else 3
        x = rng.random((n, n)).astype(dt)
        y = rng.random((n, n)).astype(dt)
        print(f"numpy_s={timeit(lambda: x @ y, reps):.6f} n={n} dtype={dt.name}")
    elif w == "jacobi":
        iters = int(sys.argv[3])
        reps = int(sys.argv[4]) if len(sys.argv) > 4 else 3
        g = rng.random((n, n))

        def jacobi():
            u = g.copy()
            for _ in range(iters):
                u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
            return u
        print(f"numpy_s={timeit(jacobi, reps):.6f} n={n} iters={iters}")
    else:
        raise SystemExit("unknown workload " + w)


if __name__ == "__main__":
    main()
