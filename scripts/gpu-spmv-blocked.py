#!/usr/bin/env python3
"""Experiment: column-blocked CSR SpMV against cuSPARSE (through CuPy) on the flagship's matrix.

The flagship's SpMV gathers x at random over 80 MB (n = 1e7 float64), more than an H100's L2
holds, so most gathers go to HBM. Splitting the columns into B blocks of n / B makes each pass's
slice of x fit in L2. Pass b adds row r's entries whose columns fall in block b to y[r], so each
row is still summed in index order (the passes continue the same running sum): the result equals
the unblocked kernel's bit for bit.

usage: gpu-spmv-blocked.py N DENSITY        prints one line per variant (median of event-timed runs)
"""
import sys

import cupy as cp
import cupyx.scipy.sparse as sparse

SRC = r"""
typedef long long i64;
// V lanes per row; lane 0 adds the V products of each step in index order (shuffles), starting
// from y[r] when `cont` (a later pass) or from 0.
template <int V>
__device__ void vec(const int* __restrict__ lo, const int* __restrict__ hi, const int* __restrict__ crd,
                    const double* __restrict__ val, const double* __restrict__ x, double* __restrict__ y,
                    int n, int cont) {
    int lane = threadIdx.x & 31;
    int sub = lane % V;
    i64 t = (i64)blockIdx.x * blockDim.x + threadIdx.x;
    i64 r = t / V;
    i64 stride = (i64)gridDim.x * blockDim.x / V;
    for (i64 rb = r - (lane / V); rb < n; rb += stride) {
        i64 row = rb + lane / V;
        int a = 0, b = 0;
        if (row < n) { a = lo[row]; b = hi[row]; }
        int len = b - a;
        int longest = len;
        for (int o = 16; o >= 1; o >>= 1) longest = max(longest, __shfl_xor_sync(0xffffffffu, longest, o));
        double s = 0;
        if (cont && sub == 0 && row < n) s = y[row];
        for (int base = 0; base < longest; base += V) {
            double p = 0;
            if (base + sub < len) {
                int k = a + base + sub;
                p = __dmul_rn(__ldcs(val + k), __ldg(x + __ldcs(crd + k)));
            }
            int m = min(V, len - base);
#pragma unroll
            for (int j = 0; j < V; j++) {
                double q = __shfl_sync(0xffffffffu, p, j, V);
                if (j < m) s = __dadd_rn(s, q);
            }
        }
        if (sub == 0 && row < n) y[row] = s;
    }
}
extern "C" __global__ void vec4(const int* lo, const int* hi, const int* crd, const double* val, const double* x,
                                double* y, int n, int cont) { vec<4>(lo, hi, crd, val, x, y, n, cont); }
extern "C" __global__ void vec8(const int* lo, const int* hi, const int* crd, const double* val, const double* x,
                                double* y, int n, int cont) { vec<8>(lo, hi, crd, val, x, y, n, cont); }
extern "C" __global__ void vec16(const int* lo, const int* hi, const int* crd, const double* val, const double* x,
                                 double* y, int n, int cont) { vec<16>(lo, hi, crd, val, x, y, n, cont); }
// One thread per row.
extern "C" __global__ void scalar(const int* __restrict__ lo, const int* __restrict__ hi, const int* __restrict__ crd,
                                  const double* __restrict__ val, const double* __restrict__ x,
                                  double* __restrict__ y, int n, int cont) {
    for (i64 r = (i64)blockIdx.x * blockDim.x + threadIdx.x; r < n; r += (i64)gridDim.x * blockDim.x) {
        int a = lo[r], b = hi[r];
        double s = cont ? y[r] : 0.0;
        for (int k = a; k < b; k++) s = __dadd_rn(s, __dmul_rn(__ldcs(val + k), __ldg(x + __ldcs(crd + k))));
        y[r] = s;
    }
}
"""


def timed(fn, reps=15, warm=3):
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
    return sorted(times)[reps // 2]


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10_000_000
    density = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-6
    A = sparse.random(n, n, density=density, format="csr", dtype=cp.float64, random_state=0)
    A = (0.5 * (A + A.T) + n * sparse.eye(n, format="csr")).tocsr()
    A.sort_indices()
    x = cp.random.rand(n)
    ref = A @ x
    t_cusparse = timed(lambda: A @ x)
    print(f"cusparse n={n} nnz={A.nnz} ms={t_cusparse:.3f}", flush=True)

    mod = cp.RawModule(code=SRC, options=("-std=c++11",))
    ptr = A.indptr.astype(cp.int32)
    crd = A.indices.astype(cp.int32)
    val = A.data
    rows = (cp.searchsorted(ptr, cp.arange(A.nnz, dtype=cp.int32), side="right") - 1).astype(cp.int32)
    y = cp.empty(n)
    threads = 256
    grid = 132 * 16

    base = {}
    for name in ("scalar", "vec4", "vec8", "vec16"):
        k = mod.get_function(name)
        run = lambda k=k: k((grid,), (threads,), (ptr[:-1], ptr[1:], crd, val, x, y, cp.int32(n), cp.int32(0)))
        ms = timed(run)
        run()
        base[name] = y.copy()
        err = float(cp.max(cp.abs(y - ref)) / cp.max(cp.abs(ref)))
        print(f"unblocked kernel={name} ms={ms:.3f} vs_cusparse={t_cusparse / ms:.2f}x rel_err={err:.1e}", flush=True)

    for B in (2, 3, 4, 6, 8):
        width = (n + B - 1) // B
        blk = crd // width
        parts = []
        for b in range(B):
            mask = blk == b
            cnt = cp.bincount(rows[mask], minlength=n)
            p = cp.zeros(n + 1, dtype=cp.int32)
            cp.cumsum(cnt, out=p[1:])
            parts.append((p, crd[mask].copy(), val[mask].copy()))
        for name in ("scalar", "vec4", "vec8"):
            k = mod.get_function(name)

            def run(k=k):
                for b, (p, c, v) in enumerate(parts):
                    k((grid,), (threads,), (p[:-1], p[1:], c, v, x, y, cp.int32(n), cp.int32(1 if b else 0)))

            ms = timed(run)
            run()
            same = bool(cp.all(y == base[name]))
            print(f"blocked B={B} kernel={name} ms={ms:.3f} vs_cusparse={t_cusparse / ms:.2f}x "
                  f"bitwise_equal_unblocked={same}", flush=True)
        del parts
        # The same passes over the matrix as it is: per-row offsets of each block's first entry.
        segs = [ptr[:-1]]
        for b in range(1, B):
            segs.append((ptr[:-1] + cp.bincount(rows[blk < b], minlength=n)).astype(cp.int32))
        segs.append(ptr[1:])
        for name in ("scalar", "vec4", "vec8"):
            k = mod.get_function(name)

            def run(k=k):
                for b in range(B):
                    k((grid,), (threads,), (segs[b], segs[b + 1], crd, val, x, y, cp.int32(n), cp.int32(1 if b else 0)))

            ms = timed(run)
            run()
            same = bool(cp.all(y == base[name]))
            print(f"segmented B={B} kernel={name} ms={ms:.3f} vs_cusparse={t_cusparse / ms:.2f}x "
                  f"bitwise_equal_unblocked={same}", flush=True)
        del segs


if __name__ == "__main__":
    main()
