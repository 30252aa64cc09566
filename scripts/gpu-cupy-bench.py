#!/usr/bin/env python3
"""CuPy references for scripts/gpu-run, printed as BENCH lines like the Java self-tests.

usage: gpu-cupy-bench.py transfers          1 GiB host<->device from pinned memory, device copy, fill
       gpu-cupy-bench.py spmv N DENSITY     SpMV (cuSPARSE through CuPy) on the flagship's matrix
                                            0.5 (A + A^T) + N I, and the flagship's loop body
       gpu-cupy-bench.py gemm               matmul 8192^3 float32 and float64 (cuBLAS through CuPy)
       gpu-cupy-bench.py fma                a*b + c over 2^28 float64, unfused as CuPy evaluates it
       gpu-cupy-bench.py jacobi N ITERS     the 2-D Jacobi sweep of ../shared/bench/numeric_ref.py (warm and
                                            cold, as examples/numeric's Jacobi times itself)
Each time is the median of event-timed runs after warm-ups, on CuPy's current stream."""
import sys

import cupy as cp
import numpy as np


def timed(fn, reps=10, warm=3):
    start, end = cp.cuda.Event(), cp.cuda.Event()
    for _ in range(warm):
        fn()
    times = []
    for _ in range(reps):
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(cp.cuda.get_elapsed_time(start, end))
    return sorted(times)[reps // 2] / 1e3


def bench(key, value, unit, what):
    print(f"BENCH {key} {value:.3f} {unit} {what}", flush=True)


def transfers():
    n = 1 << 30
    rt = cp.cuda.runtime
    stream = cp.cuda.get_current_stream().ptr
    pinned = cp.cuda.alloc_pinned_memory(n)
    host = np.frombuffer(pinned, dtype=np.uint8, count=n)
    host[:] = np.arange(n, dtype=np.uint64).astype(np.uint8)
    d = cp.empty(n, dtype=cp.uint8)
    d2 = cp.empty(n, dtype=cp.uint8)
    h2d = timed(lambda: rt.memcpyAsync(d.data.ptr, host.ctypes.data, n, rt.memcpyHostToDevice, stream))
    bench("cupy.h2d_pinned_GBps", n / h2d / 1e9, "GB/s", "cudaMemcpyAsync 1 GiB from pinned host memory")
    d2h = timed(lambda: rt.memcpyAsync(host.ctypes.data, d.data.ptr, n, rt.memcpyDeviceToHost, stream))
    bench("cupy.d2h_pinned_GBps", n / d2h / 1e9, "GB/s", "cudaMemcpyAsync 1 GiB to pinned host memory")
    d2d = timed(lambda: rt.memcpyAsync(d2.data.ptr, d.data.ptr, n, rt.memcpyDeviceToDevice, stream))
    bench("cupy.d2d_GBps", 2 * n / d2d / 1e9, "GB/s", "cudaMemcpyAsync 1 GiB on the device, bytes read + written")
    f = cp.empty(n // 8, dtype=cp.float64)
    fill = timed(lambda: f.fill(1.5))
    bench("cupy.fill_GBps", n / fill / 1e9, "GB/s", "ndarray.fill(1.5) of 1 GiB float64")
    assert float(f[-1]) == 1.5


def spmv(n, density):
    import cupyx.scipy.sparse as sparse
    cp.random.seed(0)
    a = sparse.random(n, n, density=density, format="csr", dtype=cp.float64, random_state=0)
    a = (0.5 * (a + a.T) + n * sparse.eye(n, format="csr")).tocsr()
    x = cp.random.rand(n)
    nnz = a.nnz
    byts = nnz * (8 + a.indices.dtype.itemsize) + (n + 1) * a.indptr.dtype.itemsize + 2 * n * 8
    t = timed(lambda: a @ x, reps=30)
    bench("cupy.spmv_ms", t * 1e3, "ms", f"flagship matrix, y = A @ x (cuSPARSE), {nnz} nnz, {byts / t / 1e9:.0f} GB/s "
          "(lower bound)")
    s = sparse.random(n, n, density=4e-7, format="csr", dtype=cp.float64, random_state=5)
    t = timed(lambda: s @ x, reps=30)
    sb = s.nnz * (8 + s.indices.dtype.itemsize) + (n + 1) * s.indptr.dtype.itemsize + 2 * n * 8
    bench("cupy.spmv_short_ms", t * 1e3, "ms", f"random, 4 per row, y = A @ x (cuSPARSE), {s.nnz} nnz, "
          f"{sb / t / 1e9:.0f} GB/s (lower bound)")
    del s

    def body():
        y = a @ x
        y /= cp.linalg.norm(y)
    t = timed(body, reps=30)
    bench("cupy.power_iter_ms", t * 1e3, "ms", "x = A @ x; x /= norm(x), one iteration")


def gemm():
    n = 8192
    for dt in (cp.float32, cp.float64):
        a = cp.random.rand(n, n).astype(dt)
        b = cp.random.rand(n, n).astype(dt)
        t = timed(lambda: a @ b, reps=5)
        bench(f"cupy.gemm_{np.dtype(dt).name}_TFLOPs", 2.0 * n ** 3 / t / 1e12, "TFLOP/s", "matmul 8192^3 (cuBLAS)")


def fma():
    n = 1 << 28
    rng = cp.random.default_rng(0)
    a, b, c = rng.random(n), rng.random(n), rng.random(n)
    t = timed(lambda: a * b + c, reps=10)
    bench("cupy.fma_ms", t * 1e3, "ms", f"a*b + c over 2^28 float64 (two kernels, one temporary), "
          f"{4 * 8 * n / t / 1e9:.0f} GB/s counting 3 reads + 1 write")


def jacobi(n, iters):
    g = cp.random.default_rng(0).random((n, n))

    def run():
        u = g.copy()
        for _ in range(iters):
            u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
        return u
    start, end = cp.cuda.Event(), cp.cuda.Event()
    start.record()
    run()
    end.record()
    end.synchronize()
    cold = cp.cuda.get_elapsed_time(start, end) / 1e3
    t = timed(run, reps=3, warm=0)
    bench("cupy.jacobi_s", t, "s", f"jacobi {n}x{n} x{iters} (u = g.copy(), then the sweeps), median of 3 after "
          "one warm-up run")
    bench("cupy.jacobi_cold_s", cold, "s", "the warm-up run alone (first use of its kernels in this process)")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "transfers"
    if mode == "transfers":
        transfers()
    elif mode == "spmv":
        spmv(int(float(sys.argv[2])), float(sys.argv[3]))
    elif mode == "gemm":
        gemm()
    elif mode == "fma":
        fma()
    elif mode == "jacobi":
        jacobi(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(f"unknown mode {mode!r}; use transfers, spmv N DENSITY, gemm, fma or jacobi N ITERS")


if __name__ == "__main__":
    main()
