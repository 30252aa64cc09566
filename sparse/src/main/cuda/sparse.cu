// GPU variants of the sparse library's tasks (dev.legate.sparse.internal.GpuVariants).
//
// Compiled to PTX by scripts/gpu-ptx into
// src/main/resources/dev/legate/sparse/internal/sparse.ptx, which is committed; the library
// loads it once per GPU through dev.legate.core.DeviceContext.
//
// Conventions shared by all kernels:
// - 1-d arrays are passed as "global-index" pointers: element i of the store (store
//   coordinates, not tile coordinates) is p[i]. The Java side computes them from the tile's
//   device address and makes strided inputs dense first, so every 1-d pointer has unit stride.
// - CSR row ranges are (lo[r], hi[r]) with hi[r] == lo[r + 1] (views of one indptr).
// - Arithmetic follows the CPU variants operation by operation, with each product and sum
//   rounded on its own (__dmul_rn / __dadd_rn never contract into a fused multiply-add), so
//   the GPU variants give the CPU variants' bits: SpMV sums each row in index order, the block
//   sums use the CPU's four accumulators, the final sum its pairwise tree.
// - Loops over 64-bit indices are grid-stride loops, so any grid size is correct.

#include <stdint.h>

typedef long long i64;
typedef unsigned long long u64;
typedef unsigned int u32;

__device__ __forceinline__ i64 first_index() {
    return (i64)blockIdx.x * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ i64 grid_stride() {
    return (i64)gridDim.x * blockDim.x;
}

__device__ __forceinline__ double mul_rn(double a, double b) { return __dmul_rn(a, b); }
__device__ __forceinline__ float mul_rn(float a, float b) { return __fmul_rn(a, b); }
__device__ __forceinline__ double add_rn(double a, double b) { return __dadd_rn(a, b); }
__device__ __forceinline__ float add_rn(float a, float b) { return __fadd_rn(a, b); }

// ---------------------------------------------------------------------------------------------
// SpMV y = A x (CSR-stream). Each block takes `rows` consecutive rows; when their entries fit in
// shared memory, all threads form the products val[k] * x[crd[k]] with coalesced streaming loads
// (many independent gathers in flight), then one thread per row adds its products in index
// order. Blocks whose rows hold more entries than fit (long rows) give each row to a warp: the
// warp forms 32 products at a time and every lane adds them in order through shuffles. Either
// way a row's sum is the CPU's sequential sum, whatever the block or tile boundaries.
// val and crd are read once (evict-first loads), which leaves the L2 cache to x.
template <typename T, int CAP>
__device__ __forceinline__ void spmv_stream(const i64* __restrict__ lo, const i64* __restrict__ hi,
                                            const int* __restrict__ crd, const T* __restrict__ val,
                                            const T* __restrict__ x, T* __restrict__ y, i64 r0, i64 r1, int rows) {
    __shared__ T prod[CAP];
    for (i64 rb = r0 + (i64)blockIdx.x * rows; rb < r1; rb += (i64)gridDim.x * rows) {
        i64 re = min(rb + (i64)rows, r1);
        i64 k0 = lo[rb];
        i64 cnt = hi[re - 1] - k0;
        if (cnt <= CAP) {
            int n = (int)cnt;
#pragma unroll 4
            for (int i = threadIdx.x; i < n; i += blockDim.x) {
                prod[i] = mul_rn(__ldcs(val + k0 + i), __ldg(x + __ldcs(crd + k0 + i)));
            }
            __syncthreads();
            for (i64 r = rb + threadIdx.x; r < re; r += blockDim.x) {
                int a = (int)(lo[r] - k0);
                int b = (int)(hi[r] - k0);
                T s = 0;
                for (int k = a; k < b; k++) {
                    s = add_rn(s, prod[k]);
                }
                y[r] = s;
            }
            __syncthreads();
        } else {
            int lane = threadIdx.x & 31;
            int warps = blockDim.x >> 5;
            for (i64 r = rb + (threadIdx.x >> 5); r < re; r += warps) {
                i64 a = lo[r];
                i64 b = hi[r];
                T s = 0;
                for (i64 base = a; base < b; base += 32) {
                    i64 k = base + lane;
                    T p = 0;
                    if (k < b) {
                        p = mul_rn(__ldcs(val + k), __ldg(x + __ldcs(crd + k)));
                    }
                    int n = (int)min((i64)32, b - base);
                    for (int j = 0; j < n; j++) {
                        s = add_rn(s, __shfl_sync(0xffffffffu, p, j));
                    }
                }
                if (lane == 0) {
                    y[r] = s;
                }
            }
        }
    }
}

extern "C" __global__ void __launch_bounds__(256) sparse_spmv_f64(const i64* lo, const i64* hi, const int* crd,
                                                                  const double* val, const double* x, double* y,
                                                                  i64 r0, i64 r1, int rows) {
    spmv_stream<double, 4096>(lo, hi, crd, val, x, y, r0, r1, rows);
}

extern "C" __global__ void __launch_bounds__(256) sparse_spmv_f32(const i64* lo, const i64* hi, const int* crd,
                                                                  const float* val, const float* x, float* y,
                                                                  i64 r0, i64 r1, int rows) {
    spmv_stream<float, 8192>(lo, hi, crd, val, x, y, r0, r1, rows);
}

// CSR-vector: V lanes per row (V = 8, 16 or 32; 32 / V rows per warp), nothing staged in shared
// memory. Each group of V lanes forms V products at a time and every lane adds them in order
// through shuffles, so a row's sum is again the CPU's sequential sum. The loops run the same
// number of times on all lanes of a warp (the longest row of the warp decides), so the shuffles
// never diverge.
template <typename T, int V>
__device__ __forceinline__ void spmv_vector(const i64* __restrict__ lo, const i64* __restrict__ hi,
                                            const int* __restrict__ crd, const T* __restrict__ val,
                                            const T* __restrict__ x, const T* yin, T* y, i64 r0, i64 r1) {
    const int lane = threadIdx.x & 31;
    const int sub = lane % V;
    const i64 rows_per_warp = 32 / V;
    i64 warp = first_index() >> 5;
    i64 warps = grid_stride() >> 5;
    for (i64 rb = r0 + warp * rows_per_warp; rb < r1; rb += warps * rows_per_warp) {
        i64 r = rb + lane / V;
        i64 a = 0;
        i64 b = 0;
        if (r < r1) {
            a = lo[r];
            b = hi[r];
        }
        i64 len = b - a;
        i64 longest = len;
        for (int o = 16; o >= 1; o >>= 1) {
            longest = max(longest, (i64)__shfl_xor_sync(0xffffffffu, (long long)longest, o));
        }
        T s = 0;
        if (yin != nullptr && sub == 0 && r < r1) {
            s = yin[r];
        }
        for (i64 base = 0; base < longest; base += V) {
            i64 k = a + base + sub;
            T p = 0;
            if (base + sub < len) {
                p = mul_rn(__ldcs(val + k), __ldg(x + __ldcs(crd + k)));
            }
            i64 n = min((i64)V, len - base);
#pragma unroll
            for (int j = 0; j < V; j++) {
                T q = __shfl_sync(0xffffffffu, p, j, V);
                if (j < n) {
                    s = add_rn(s, q);
                }
            }
        }
        if (sub == 0 && r < r1) {
            y[r] = s;
        }
    }
}

#define SPMV_VECTOR(T, NAME, V)                                                                                     \
    extern "C" __global__ void NAME(const i64* lo, const i64* hi, const int* crd, const T* val, const T* x, T* y,  \
                                    i64 r0, i64 r1) {                                                               \
        spmv_vector<T, V>(lo, hi, crd, val, x, nullptr, y, r0, r1);                                                 \
    }

// y += A x, continuing each row's running sum from y's value (the column-blocked SpMV's later
// passes: a row's blocks hold its entries in index order, so the passes together add them in
// index order, as one pass over the whole row does). yin and y may be the same array.
#define SPMV_ADD_VECTOR(T, NAME, V)                                                                                 \
    extern "C" __global__ void NAME(const i64* lo, const i64* hi, const int* crd, const T* val, const T* x,        \
                                    const T* yin, T* y, i64 r0, i64 r1) {                                           \
        spmv_vector<T, V>(lo, hi, crd, val, x, yin, y, r0, r1);                                                     \
    }

SPMV_VECTOR(double, sparse_spmv_vector4_f64, 4)
SPMV_VECTOR(float, sparse_spmv_vector4_f32, 4)
SPMV_ADD_VECTOR(double, sparse_spmv_add_vector4_f64, 4)
SPMV_ADD_VECTOR(double, sparse_spmv_add_vector8_f64, 8)
SPMV_ADD_VECTOR(double, sparse_spmv_add_vector16_f64, 16)
SPMV_ADD_VECTOR(double, sparse_spmv_add_vector32_f64, 32)
SPMV_ADD_VECTOR(float, sparse_spmv_add_vector4_f32, 4)
SPMV_ADD_VECTOR(float, sparse_spmv_add_vector8_f32, 8)
SPMV_ADD_VECTOR(float, sparse_spmv_add_vector16_f32, 16)
SPMV_ADD_VECTOR(float, sparse_spmv_add_vector32_f32, 32)

// ---------------------------------------------------------------------------------------------
// Column blocks (ColumnBlocks): the entries of each row whose columns lie in [c0, c1), found by
// binary search in the row's sorted indices, counted, then copied in order to the block's arrays.
__device__ __forceinline__ i64 first_column_at_least(const int* __restrict__ crd, i64 a, i64 b, int c) {
    while (a < b) {
        i64 m = a + ((b - a) >> 1);
        if (crd[m] < c) {
            a = m + 1;
        } else {
            b = m;
        }
    }
    return a;
}

extern "C" __global__ void sparse_column_range_count(const i64* __restrict__ lo, const i64* __restrict__ hi,
                                                     const int* __restrict__ crd, i64* __restrict__ counts, i64 r0,
                                                     i64 r1, int c0, int c1) {
    for (i64 r = r0 + first_index(); r < r1; r += grid_stride()) {
        i64 a = lo[r];
        i64 b = hi[r];
        counts[r] = first_column_at_least(crd, a, b, c1) - first_column_at_least(crd, a, b, c0);
    }
}

template <typename T>
__device__ __forceinline__ void column_range_copy(const i64* __restrict__ lo, const i64* __restrict__ hi,
                                                  const int* __restrict__ crd, const T* __restrict__ val,
                                                  const i64* __restrict__ blo, int* __restrict__ bcrd,
                                                  T* __restrict__ bval, i64 r0, i64 r1, int c0, int c1) {
    for (i64 r = r0 + first_index(); r < r1; r += grid_stride()) {
        i64 a = lo[r];
        i64 b = hi[r];
        i64 k0 = first_column_at_least(crd, a, b, c0);
        i64 k1 = first_column_at_least(crd, k0, b, c1);
        i64 o = blo[r] - k0;
        for (i64 k = k0; k < k1; k++) {
            bcrd[o + k] = crd[k];
            bval[o + k] = val[k];
        }
    }
}

extern "C" __global__ void sparse_column_range_copy_f64(const i64* lo, const i64* hi, const int* crd,
                                                        const double* val, const i64* blo, int* bcrd, double* bval,
                                                        i64 r0, i64 r1, int c0, int c1) {
    column_range_copy<double>(lo, hi, crd, val, blo, bcrd, bval, r0, r1, c0, c1);
}

extern "C" __global__ void sparse_column_range_copy_f32(const i64* lo, const i64* hi, const int* crd,
                                                        const float* val, const i64* blo, int* bcrd, float* bval,
                                                        i64 r0, i64 r1, int c0, int c1) {
    column_range_copy<float>(lo, hi, crd, val, blo, bcrd, bval, r0, r1, c0, c1);
}

SPMV_VECTOR(double, sparse_spmv_vector8_f64, 8)
SPMV_VECTOR(double, sparse_spmv_vector16_f64, 16)
SPMV_VECTOR(double, sparse_spmv_vector32_f64, 32)
SPMV_VECTOR(float, sparse_spmv_vector8_f32, 8)
SPMV_VECTOR(float, sparse_spmv_vector16_f32, 16)
SPMV_VECTOR(float, sparse_spmv_vector32_f32, 32)

// ---------------------------------------------------------------------------------------------
// SpMM Y = A X for a dense X: one thread per output element (r, c), c fastest, accumulating in
// double in index order as the CPU variant does; X and Y with any 2-d element strides.
template <typename T>
__device__ __forceinline__ void spmm(const i64* __restrict__ lo, const i64* __restrict__ hi,
                                     const int* __restrict__ crd, const T* __restrict__ val, const T* __restrict__ xs,
                                     i64 xs0, i64 xs1, T* __restrict__ ys, i64 ys0, i64 ys1, i64 r0, i64 r1, i64 c0,
                                     i64 c1) {
    i64 cols = c1 - c0;
    i64 n = (r1 - r0) * cols;
    for (i64 t = first_index(); t < n; t += grid_stride()) {
        i64 r = r0 + t / cols;
        i64 c = c0 + t % cols;
        double acc = 0;
        for (i64 k = lo[r], e = hi[r]; k < e; k++) {
            acc = __dadd_rn(acc, __dmul_rn((double)val[k], (double)xs[(i64)crd[k] * xs0 + c * xs1]));
        }
        ys[r * ys0 + c * ys1] = (T)acc;
    }
}

extern "C" __global__ void sparse_spmm_f64(const i64* lo, const i64* hi, const int* crd, const double* val,
                                           const double* xs, i64 xs0, i64 xs1, double* ys, i64 ys0, i64 ys1, i64 r0,
                                           i64 r1, i64 c0, i64 c1) {
    spmm<double>(lo, hi, crd, val, xs, xs0, xs1, ys, ys0, ys1, r0, r1, c0, c1);
}

extern "C" __global__ void sparse_spmm_f32(const i64* lo, const i64* hi, const int* crd, const float* val,
                                           const float* xs, i64 xs0, i64 xs1, float* ys, i64 ys0, i64 ys1, i64 r0,
                                           i64 r1, i64 c0, i64 c1) {
    spmm<float>(lo, hi, crd, val, xs, xs0, xs1, ys, ys0, ys1, r0, r1, c0, c1);
}

// ---------------------------------------------------------------------------------------------
// Deterministic vector reductions (ReduceKernels): block sums, then the pairwise final sum.
#define MODE_SUM 0
#define MODE_DOT 1
#define MODE_SUMSQ 2

template <typename T>
__device__ __forceinline__ double term(const T* x, const T* y, int mode, i64 k) {
    double a = (double)x[k];
    if (mode == MODE_SUM) {
        return a;
    } else if (mode == MODE_DOT) {
        return __dmul_rn(a, (double)y[k]);
    } else if (mode == MODE_SUMSQ) {
        return __dmul_rn(a, a);
    }
    return fabs(a);
}

// Four consecutive threads take one block b of bs elements (its part in [lo, hi)): thread j adds
// the terms at i + 4m + j as the CPU's accumulator s_j does, thread 0 adds the tail, and
// out[b] += (s0 + s1) + (s2 + s3).
template <typename T>
__device__ __forceinline__ void block_sums(const T* __restrict__ x, const T* __restrict__ y, double* __restrict__ out,
                                           i64 lo, i64 hi, i64 bs, int mode) {
    i64 b0 = lo / bs;
    i64 nb = (hi - 1) / bs - b0 + 1;
    i64 n = nb * 4;
    for (i64 t = first_index(); t < ((n + 31) & ~31LL); t += grid_stride()) {
        int j = (int)(t & 3);
        i64 b = b0 + (t >> 2);
        double s = 0;
        i64 i = 0;
        i64 end = 0;
        i64 k = 0;
        if (t < n) {
            i = max(lo, b * bs);
            end = min(hi, (b + 1) * bs);
            for (k = i + j; k + 3 - j < end; k += 4) {
                s = __dadd_rn(s, term(x, y, mode, k));
            }
            if (j == 0) {
                for (; k < end; k++) {
                    s = __dadd_rn(s, term(x, y, mode, k));
                }
            }
        }
        double s1 = __shfl_down_sync(0xffffffffu, s, 1);
        double s2 = __shfl_down_sync(0xffffffffu, s, 2);
        double s3 = __shfl_down_sync(0xffffffffu, s, 3);
        if (t < n && j == 0) {
            out[b] = __dadd_rn(out[b], __dadd_rn(__dadd_rn(s, s1), __dadd_rn(s2, s3)));
        }
    }
}

extern "C" __global__ void sparse_block_sums_f64(const double* x, const double* y, double* out, i64 lo, i64 hi, i64 bs,
                                                 int mode) {
    block_sums<double>(x, y, out, lo, hi, bs, mode);
}

extern "C" __global__ void sparse_block_sums_f32(const float* x, const float* y, double* out, i64 lo, i64 hi, i64 bs,
                                                 int mode) {
    block_sums<float>(x, y, out, lo, hi, bs, mode);
}

extern "C" __global__ void sparse_block_sums_i64(const i64* x, const i64* y, double* out, i64 lo, i64 hi, i64 bs,
                                                 int mode) {
    block_sums<i64>(x, y, out, lo, hi, bs, mode);
}

extern "C" __global__ void sparse_block_sums_i32(const int* x, const int* y, double* out, i64 lo, i64 hi, i64 bs,
                                                 int mode) {
    block_sums<int>(x, y, out, lo, hi, bs, mode);
}

// The CPU's pairwise(v, a, b): ranges of at most 8 are added in order, longer ones split at
// a + (b - a) / 2. The recursion tree depends on the length only. Node i of level d is found by
// following the bits of i from the root; tmp[i << (depth - d)] holds its value. Leaves are added
// first, then the levels from the deepest up, each node once its children are done.
__device__ __forceinline__ void pairwise_node(i64 lo, i64 hi, i64 node, int level, i64* a, i64* b, int* leaf) {
    *a = lo;
    *b = hi;
    *leaf = -1;
    for (int d = 0; d < level; d++) {
        if (*b - *a <= 8) {
            *leaf = d;
            return;
        }
        i64 m = *a + (*b - *a) / 2;
        if ((node >> (level - 1 - d)) & 1) {
            *a = m;
        } else {
            *b = m;
        }
    }
    if (*b - *a <= 8) {
        *leaf = level;
    }
}

extern "C" __global__ void sparse_finish_sum(const double* __restrict__ v, i64 lo, i64 hi, double* __restrict__ tmp,
                                             int depth, double* __restrict__ out, int take_sqrt) {
    i64 width = 1LL << depth;
    for (i64 t = threadIdx.x; t < width; t += blockDim.x) {
        i64 a, b;
        int leaf;
        pairwise_node(lo, hi, t, depth, &a, &b, &leaf);
        if (leaf >= 0 && (t & ((1LL << (depth - leaf)) - 1)) == 0) {
            double s = 0;
            for (i64 i = a; i < b; i++) {
                s = __dadd_rn(s, v[i]);
            }
            tmp[t] = s;
        }
    }
    __syncthreads();
    for (int d = depth - 1; d >= 0; d--) {
        i64 nodes = 1LL << d;
        for (i64 i = threadIdx.x; i < nodes; i += blockDim.x) {
            i64 a, b;
            int leaf;
            pairwise_node(lo, hi, i, d, &a, &b, &leaf);
            if (leaf < 0) {
                i64 at = i << (depth - d);
                tmp[at] = __dadd_rn(tmp[at], tmp[at + (1LL << (depth - d - 1))]);
            }
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        *out = take_sqrt ? __dsqrt_rn(tmp[0]) : tmp[0];
    }
}

// ---------------------------------------------------------------------------------------------
// Philox4x32-10, as dev.legate.sparse.internal.Philox: uniform [0, 1) values by global index.
__device__ __forceinline__ u64 philox_low(u64 seed, u64 pos, u32 stream, u32 sub) {
    u32 x0 = (u32)pos, x1 = (u32)(pos >> 32), x2 = stream, x3 = sub;
    u32 k0 = (u32)seed, k1 = (u32)(seed >> 32);
    for (int r = 0; r < 10; r++) {
        u32 p0lo = 0xD2511F53u * x0, p0hi = __umulhi(0xD2511F53u, x0);
        u32 p1lo = 0xCD9E8D57u * x2, p1hi = __umulhi(0xCD9E8D57u, x2);
        u32 y0 = p1hi ^ x1 ^ k0;
        u32 y2 = p0hi ^ x3 ^ k1;
        x1 = p1lo;
        x3 = p0lo;
        x0 = y0;
        x2 = y2;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    return (u64)x0 | ((u64)x1 << 32);
}

__device__ __forceinline__ double uniform(u64 bits) {
    return (double)(bits >> 11) * 0x1.0p-53;
}

extern "C" __global__ void sparse_rand_f64(double* x, i64 lo, i64 hi, u64 seed) {
    for (i64 i = lo + first_index(); i < hi; i += grid_stride()) {
        x[i] = uniform(philox_low(seed, (u64)i, 0x7ec7u, 0u));
    }
}

extern "C" __global__ void sparse_rand_f32(float* x, i64 lo, i64 hi, u64 seed) {
    for (i64 i = lo + first_index(); i < hi; i += grid_stride()) {
        x[i] = __double2float_rn(uniform(philox_low(seed, (u64)i, 0x7ec7u, 0u)));
    }
}

// ---------------------------------------------------------------------------------------------
// Exclusive scan of n int64 counts into out[0..n] (out[0] = 0, out[i + 1] = counts[0..i]), in
// three launches: per-tile sums, a scan of the tile sums by one block, then each tile's scan
// with its offset. Integers, so the order of additions does not matter.
#define SCAN_THREADS 256
#define SCAN_ITEMS 8
#define SCAN_TILE (SCAN_THREADS * SCAN_ITEMS)

__device__ __forceinline__ i64 block_exclusive_scan(i64 v, i64* total) {
    __shared__ i64 warp_sums[SCAN_THREADS / 32];
    int lane = threadIdx.x & 31;
    int warp = threadIdx.x >> 5;
    i64 inc = v;
    for (int o = 1; o < 32; o <<= 1) {
        i64 u = __shfl_up_sync(0xffffffffu, inc, o);
        if (lane >= o) {
            inc += u;
        }
    }
    if (lane == 31) {
        warp_sums[warp] = inc;
    }
    __syncthreads();
    i64 before = 0;
    i64 all = 0;
    for (int w = 0; w < SCAN_THREADS / 32; w++) {
        if (w < warp) {
            before += warp_sums[w];
        }
        all += warp_sums[w];
    }
    __syncthreads();
    *total = all;
    return before + inc - v;
}

extern "C" __global__ void __launch_bounds__(SCAN_THREADS) sparse_scan_tiles(const i64* __restrict__ counts, i64 n,
                                                                             i64* __restrict__ sums) {
    for (i64 tile = blockIdx.x; tile * SCAN_TILE < n; tile += gridDim.x) {
        i64 base = tile * SCAN_TILE + (i64)threadIdx.x * SCAN_ITEMS;
        i64 s = 0;
        for (int j = 0; j < SCAN_ITEMS; j++) {
            if (base + j < n) {
                s += counts[base + j];
            }
        }
        i64 total;
        block_exclusive_scan(s, &total);
        if (threadIdx.x == 0) {
            sums[tile] = total;
        }
    }
}

extern "C" __global__ void __launch_bounds__(SCAN_THREADS) sparse_scan_sums(i64* sums, i64 tiles) {
    i64 carry = 0;
    for (i64 base = 0; base < tiles; base += SCAN_THREADS) {
        i64 i = base + threadIdx.x;
        i64 v = i < tiles ? sums[i] : 0;
        i64 total;
        i64 ex = block_exclusive_scan(v, &total);
        if (i < tiles) {
            sums[i] = carry + ex;
        }
        carry += total;
    }
}

extern "C" __global__ void __launch_bounds__(SCAN_THREADS) sparse_scan_apply(const i64* __restrict__ counts, i64 n,
                                                                             const i64* __restrict__ sums,
                                                                             i64* __restrict__ out) {
    if (blockIdx.x == 0 && threadIdx.x == 0) {
        out[0] = 0;
    }
    for (i64 tile = blockIdx.x; tile * SCAN_TILE < n; tile += gridDim.x) {
        i64 base = tile * SCAN_TILE + (i64)threadIdx.x * SCAN_ITEMS;
        i64 c[SCAN_ITEMS];
        i64 s = 0;
#pragma unroll
        for (int j = 0; j < SCAN_ITEMS; j++) {
            c[j] = base + j < n ? counts[base + j] : 0;
            s += c[j];
        }
        i64 total;
        i64 run = sums[tile] + block_exclusive_scan(s, &total);
#pragma unroll
        for (int j = 0; j < SCAN_ITEMS; j++) {
            run += c[j];
            if (base + j < n) {
                out[base + j + 1] = run;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Building blocks of the structure kernels.

// Dense copies of strided 1-d inputs (elements of 4 or 8 bytes): dst[i] = src[i * stride].
extern "C" __global__ void sparse_gather_4(u32* dst, const u32* src, i64 stride, i64 n) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        dst[i] = src[i * stride];
    }
}

extern "C" __global__ void sparse_gather_8(u64* dst, const u64* src, i64 stride, i64 n) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        dst[i] = src[i * stride];
    }
}

extern "C" __global__ void sparse_fill_i64(i64* p, i64 n, i64 v) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        p[i] = v;
    }
}

extern "C" __global__ void sparse_copy_i64(i64* dst, const i64* src, i64 n) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        dst[i] = src[i];
    }
}

// counts[c] = number of entries in column c.
extern "C" __global__ void sparse_column_counts(const int* __restrict__ crd, i64 k0, i64 k1, u64* counts) {
    for (i64 k = k0 + first_index(); k < k1; k += grid_stride()) {
        atomicAdd(counts + crd[k], 1ull);
    }
}

// Entry k of row r goes to position next[c]++ of its column c (in no particular order within
// the column; sparse_sort_segments restores row order).
template <typename T>
__device__ __forceinline__ void scatter_transpose(const i64* __restrict__ ptr, i64 rows, const int* __restrict__ crd,
                                                  const T* __restrict__ val, u64* next, int* __restrict__ tcrd,
                                                  T* __restrict__ tval) {
    for (i64 r = first_index(); r < rows; r += grid_stride()) {
        for (i64 k = ptr[r], e = ptr[r + 1]; k < e; k++) {
            u64 at = atomicAdd(next + crd[k], 1ull);
            tcrd[at] = (int)r;
            tval[at] = val[k];
        }
    }
}

extern "C" __global__ void sparse_scatter_transpose_f64(const i64* ptr, i64 rows, const int* crd, const double* val,
                                                        u64* next, int* tcrd, double* tval) {
    scatter_transpose<double>(ptr, rows, crd, val, next, tcrd, tval);
}

extern "C" __global__ void sparse_scatter_transpose_f32(const i64* ptr, i64 rows, const int* crd, const float* val,
                                                        u64* next, int* tcrd, float* tval) {
    scatter_transpose<float>(ptr, rows, crd, val, next, tcrd, tval);
}

// Sorts each segment [ptr[s], ptr[s + 1]) of (key, value) pairs by key (keys distinct within a
// segment), a warp per segment: up to 32 pairs by counting smaller keys, longer segments by a
// bitonic network over the segment in place (compare-exchange (i, l) with l = i ^ (k - 1), then
// l = i ^ j for j = k/4 .. 1; pairs with l past the end are skipped, which is the same as
// padding with +infinity).
template <typename T>
__device__ __forceinline__ void sort_segments(const i64* __restrict__ ptr, i64 segments, int* keys, T* vals) {
    int lane = threadIdx.x & 31;
    i64 warp = first_index() >> 5;
    i64 warps = grid_stride() >> 5;
    for (i64 s = warp; s < segments; s += warps) {
        i64 a = ptr[s];
        i64 n = ptr[s + 1] - a;
        int* key = keys + a;
        T* val = vals + a;
        if (n <= 1) {
            continue;
        }
        if (n <= 32) {
            int kk = lane < n ? key[lane] : 0x7fffffff;
            T vv = lane < n ? val[lane] : (T)0;
            int rank = 0;
            for (int j = 0; j < n; j++) {
                int other = __shfl_sync(0xffffffffu, kk, j);
                rank += other < kk ? 1 : 0;
            }
            __syncwarp();
            if (lane < n) {
                key[rank] = kk;
                val[rank] = vv;
            }
            __syncwarp();
            continue;
        }
        for (i64 k = 2; k < 2 * n; k <<= 1) {
            for (i64 j = k >> 1; j > 0; j >>= 1) {
                for (i64 i = lane; i < n; i += 32) {
                    i64 l = j == (k >> 1) ? (i ^ (k - 1)) : (i ^ j);
                    if (l > i && l < n && key[i] > key[l]) {
                        int tk = key[i];
                        key[i] = key[l];
                        key[l] = tk;
                        T tv = val[i];
                        val[i] = val[l];
                        val[l] = tv;
                    }
                }
                __syncwarp();
            }
        }
    }
}

extern "C" __global__ void sparse_sort_segments_f64(const i64* ptr, i64 segments, int* keys, double* vals) {
    sort_segments<double>(ptr, segments, keys, vals);
}

extern "C" __global__ void sparse_sort_segments_f32(const i64* ptr, i64 segments, int* keys, float* vals) {
    sort_segments<float>(ptr, segments, keys, vals);
}

// ---------------------------------------------------------------------------------------------
// Merging two patterns row by row (RowKernels: alpha A + beta B, or A .* B), in two passes:
// counts of the entries that survive (cancelled zeros dropped), then the entries themselves at
// the offsets a scan of the counts gave. One thread per row; values computed in double.
template <typename T>
__device__ __forceinline__ i64 merge_row(const i64* alo, const i64* ahi, const int* acrd, const T* aval,
                                         const i64* blo, const i64* bhi, const int* bcrd, const T* bval, i64 r, int op,
                                         double alpha, double beta, int* ccrd, T* cval) {
    i64 i = alo[r], ie = ahi[r], j = blo[r], je = bhi[r];
    i64 n = 0;
    while (i < ie || j < je) {
        i64 ci = i < ie ? (i64)acrd[i] : 0x7fffffffffffffffLL;
        i64 cj = j < je ? (i64)bcrd[j] : 0x7fffffffffffffffLL;
        i64 c;
        double v;
        if (ci == cj) {
            c = ci;
            v = op == 1 ? __dmul_rn((double)aval[i], (double)bval[j])
                        : __dadd_rn(__dmul_rn(alpha, (double)aval[i]), __dmul_rn(beta, (double)bval[j]));
            i++;
            j++;
        } else if (ci < cj) {
            c = ci;
            v = op == 1 ? 0.0 : __dmul_rn(alpha, (double)aval[i]);
            i++;
        } else {
            c = cj;
            v = op == 1 ? 0.0 : __dmul_rn(beta, (double)bval[j]);
            j++;
        }
        if (v != 0.0) {
            if (ccrd != nullptr) {
                ccrd[n] = (int)c;
                cval[n] = (T)v;
            }
            n++;
        }
    }
    return n;
}

template <typename T>
__device__ __forceinline__ void merge_count(const i64* alo, const i64* ahi, const int* acrd, const T* aval,
                                            const i64* blo, const i64* bhi, const int* bcrd, const T* bval,
                                            i64* counts, i64 r0, i64 r1, int op, double alpha, double beta) {
    for (i64 r = r0 + first_index(); r < r1; r += grid_stride()) {
        counts[r] = merge_row<T>(alo, ahi, acrd, aval, blo, bhi, bcrd, bval, r, op, alpha, beta, nullptr, nullptr);
    }
}

template <typename T>
__device__ __forceinline__ void merge_fill(const i64* alo, const i64* ahi, const int* acrd, const T* aval,
                                           const i64* blo, const i64* bhi, const int* bcrd, const T* bval,
                                           const i64* clo, int* ccrd, T* cval, i64 r0, i64 r1, int op, double alpha,
                                           double beta) {
    for (i64 r = r0 + first_index(); r < r1; r += grid_stride()) {
        i64 at = clo[r];
        merge_row<T>(alo, ahi, acrd, aval, blo, bhi, bcrd, bval, r, op, alpha, beta, ccrd + at, cval + at);
    }
}

extern "C" __global__ void sparse_merge_count_f64(const i64* alo, const i64* ahi, const int* acrd, const double* aval,
                                                  const i64* blo, const i64* bhi, const int* bcrd, const double* bval,
                                                  i64* counts, i64 r0, i64 r1, int op, double alpha, double beta) {
    merge_count<double>(alo, ahi, acrd, aval, blo, bhi, bcrd, bval, counts, r0, r1, op, alpha, beta);
}

extern "C" __global__ void sparse_merge_count_f32(const i64* alo, const i64* ahi, const int* acrd, const float* aval,
                                                  const i64* blo, const i64* bhi, const int* bcrd, const float* bval,
                                                  i64* counts, i64 r0, i64 r1, int op, double alpha, double beta) {
    merge_count<float>(alo, ahi, acrd, aval, blo, bhi, bcrd, bval, counts, r0, r1, op, alpha, beta);
}

extern "C" __global__ void sparse_merge_fill_f64(const i64* alo, const i64* ahi, const int* acrd, const double* aval,
                                                 const i64* blo, const i64* bhi, const int* bcrd, const double* bval,
                                                 const i64* clo, int* ccrd, double* cval, i64 r0, i64 r1, int op,
                                                 double alpha, double beta) {
    merge_fill<double>(alo, ahi, acrd, aval, blo, bhi, bcrd, bval, clo, ccrd, cval, r0, r1, op, alpha, beta);
}

extern "C" __global__ void sparse_merge_fill_f32(const i64* alo, const i64* ahi, const int* acrd, const float* aval,
                                                 const i64* blo, const i64* bhi, const int* bcrd, const float* bval,
                                                 const i64* clo, int* ccrd, float* cval, i64 r0, i64 r1, int op,
                                                 double alpha, double beta) {
    merge_fill<float>(alo, ahi, acrd, aval, blo, bhi, bcrd, bval, clo, ccrd, cval, r0, r1, op, alpha, beta);
}

// ---------------------------------------------------------------------------------------------
// Small row-wise and whole-matrix kernels.

// Row sums in double, in index order.
template <typename T>
__device__ __forceinline__ void row_sums(const i64* lo, const i64* hi, const T* val, T* out, i64 r0, i64 r1) {
    for (i64 r = r0 + first_index(); r < r1; r += grid_stride()) {
        double s = 0;
        for (i64 k = lo[r], e = hi[r]; k < e; k++) {
            s = __dadd_rn(s, (double)val[k]);
        }
        out[r] = (T)s;
    }
}

extern "C" __global__ void sparse_row_sums_f64(const i64* lo, const i64* hi, const double* val, double* out, i64 r0,
                                               i64 r1) {
    row_sums<double>(lo, hi, val, out, r0, r1);
}

extern "C" __global__ void sparse_row_sums_f32(const i64* lo, const i64* hi, const float* val, float* out, i64 r0,
                                               i64 r1) {
    row_sums<float>(lo, hi, val, out, r0, r1);
}

// Element i of diagonal k: the entries (i0 + i, i0 + i + k), found by binary search.
template <typename T>
__device__ __forceinline__ void diagonal(const i64* lo, const i64* hi, const int* crd, const T* val, T* out, i64 d0,
                                         i64 d1, i64 k, i64 i0) {
    for (i64 i = d0 + first_index(); i < d1; i += grid_stride()) {
        i64 col = i0 + i + k;
        double s = 0;
        i64 a = lo[i];
        i64 b = hi[i];
        while (a < b) {
            i64 m = (a + b) >> 1;
            if ((i64)crd[m] < col) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        for (i64 e = hi[i]; a < e && (i64)crd[a] == col; a++) {
            s = __dadd_rn(s, (double)val[a]);
        }
        out[i] = (T)s;
    }
}

extern "C" __global__ void sparse_diagonal_f64(const i64* lo, const i64* hi, const int* crd, const double* val,
                                               double* out, i64 d0, i64 d1, i64 k, i64 i0) {
    diagonal<double>(lo, hi, crd, val, out, d0, d1, k, i0);
}

extern "C" __global__ void sparse_diagonal_f32(const i64* lo, const i64* hi, const int* crd, const float* val,
                                               float* out, i64 d0, i64 d1, i64 k, i64 i0) {
    diagonal<float>(lo, hi, crd, val, out, d0, d1, k, i0);
}

// Ones on diagonal k of an m x n matrix: rows i0 .. i0 + len hold one entry each.
template <typename T>
__device__ __forceinline__ void eye(i64* ptr, int* crd, T* val, i64 m, i64 k, i64 i0, i64 len) {
    for (i64 i = first_index(); i <= m; i += grid_stride()) {
        ptr[i] = min(max(i - i0, 0LL), len);
        if (i < m && i >= i0 && i < i0 + len) {
            crd[i - i0] = (int)(i + k);
            val[i - i0] = (T)1;
        }
    }
}

extern "C" __global__ void sparse_eye_f64(i64* ptr, int* crd, double* val, i64 m, i64 k, i64 i0, i64 len) {
    eye<double>(ptr, crd, val, m, k, i0, len);
}

extern "C" __global__ void sparse_eye_f32(i64* ptr, int* crd, float* val, i64 m, i64 k, i64 i0, i64 len) {
    eye<float>(ptr, crd, val, m, k, i0, len);
}

// The row index of every stored entry.
extern "C" __global__ void sparse_expand_rows(const i64* ptr, i64 rows, int* row) {
    for (i64 r = first_index(); r < rows; r += grid_stride()) {
        for (i64 k = ptr[r], e = ptr[r + 1]; k < e; k++) {
            row[k] = (int)r;
        }
    }
}

// Dense output of a CSR matrix: zeros everywhere, then each row's entries added in order.
template <typename T>
__device__ __forceinline__ void zero_2d(T* out, i64 rows, i64 cols, i64 s0, i64 s1) {
    i64 n = rows * cols;
    for (i64 t = first_index(); t < n; t += grid_stride()) {
        out[(t / cols) * s0 + (t % cols) * s1] = (T)0;
    }
}

template <typename T>
__device__ __forceinline__ void csr_to_dense(const i64* ptr, const int* crd, const T* val, T* out, i64 rows, i64 s0,
                                             i64 s1) {
    for (i64 r = first_index(); r < rows; r += grid_stride()) {
        for (i64 k = ptr[r], e = ptr[r + 1]; k < e; k++) {
            T* at = out + r * s0 + (i64)crd[k] * s1;
            *at = (T)__dadd_rn((double)*at, (double)val[k]);
        }
    }
}

extern "C" __global__ void sparse_zero_2d_f64(double* out, i64 rows, i64 cols, i64 s0, i64 s1) {
    zero_2d<double>(out, rows, cols, s0, s1);
}

extern "C" __global__ void sparse_zero_2d_f32(float* out, i64 rows, i64 cols, i64 s0, i64 s1) {
    zero_2d<float>(out, rows, cols, s0, s1);
}

extern "C" __global__ void sparse_to_dense_f64(const i64* ptr, const int* crd, const double* val, double* out, i64 rows,
                                               i64 s0, i64 s1) {
    csr_to_dense<double>(ptr, crd, val, out, rows, s0, s1);
}

extern "C" __global__ void sparse_to_dense_f32(const i64* ptr, const int* crd, const float* val, float* out, i64 rows,
                                               i64 s0, i64 s1) {
    csr_to_dense<float>(ptr, crd, val, out, rows, s0, s1);
}
