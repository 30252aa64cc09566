// Hand-written kernels of numeric's GPU variants (dev.legate.numeric.internal.gpu). Compiled by
// scripts/gpu-ptx (with --fmad=false: no multiply-add contraction, so floating results are those of
// the CPU's IEEE operations) into src/main/resources/dev/legate/numeric/internal/gpu/numeric.ptx,
// which is committed; NumericPtxTest checks that it matches this file.
//
// Kernels that evaluate element-wise programs are generated at run time instead (see
// ElementwiseGpu, ReduceGpu and prelude.cuh).
//
// Tiles of up to three dimensions (Rank3 on the host merges more) are described by extents e0..e2,
// element strides s0..s2 and, for random streams, the global row-major linear strides l0..l2 of the
// whole array: element (q0, q1, q2) of the tile is at out[q0 s0 + q1 s1 + q2 s2] and has global
// index first + q0 l0 + q1 l1 + q2 l2.

typedef long long i64;
typedef unsigned long long u64;
typedef unsigned int u32;

__device__ __forceinline__ i64 first_index() { return (i64)blockIdx.x * blockDim.x + threadIdx.x; }
__device__ __forceinline__ i64 grid_stride() { return (i64)gridDim.x * blockDim.x; }

extern "C" __global__ void numeric_clear_flag(int* flag) {
    flag[0] = 0;
    flag[1] = 0;
}

// ---- Philox4x32-10 (internal/kernels/Philox): block pos of stream (seed, stream, attempt) -------

struct Block {
    u64 lo;
    u64 hi;
};

__device__ __forceinline__ Block philox(u64 seed, u32 stream, u32 attempt, u64 pos) {
    u32 x0 = (u32)pos, x1 = (u32)(pos >> 32), x2 = stream, x3 = attempt;
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
    Block b;
    b.lo = (u64)x0 | ((u64)x1 << 32);
    b.hi = (u64)x2 | ((u64)x3 << 32);
    return b;
}

__device__ __forceinline__ u64 bits64(u64 seed, u32 stream, i64 i) {
    Block b = philox(seed, stream, 0, (u64)i >> 1);
    return (i & 1) == 0 ? b.lo : b.hi;
}

__device__ __forceinline__ u32 bits32(u64 seed, u32 stream, i64 i) {
    Block b = philox(seed, stream, 0, (u64)i >> 2);
    u64 w = (((u64)i >> 1) & 1) == 0 ? b.lo : b.hi;
    return (i & 1) == 0 ? (u32)w : (u32)(w >> 32);
}

__device__ __forceinline__ double unit64(u64 bits) { return (double)(i64)(bits >> 11) * 0x1.0p-53; }
__device__ __forceinline__ float unit32(u32 bits) { return (float)(int)(bits >> 8) * 0x1.0p-24f; }

// PortableMath: fdlibm's log and sin/cos kernels in IEEE basic operations only.
__device__ __forceinline__ double portable_log(double x) {
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01, lg3 = 2.857142874366239149e-01;
    const double lg4 = 2.222219843214978396e-01, lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01;
    const double lg7 = 1.479819860511658591e-01;
    i64 bits = __double_as_longlong(x);
    i64 k = (bits - 0x3fe6a09e667f3bcdLL) >> 52;
    double f = __longlong_as_double(bits - (k << 52)) - 1.0;
    double s = f / (2.0 + f);
    double z = s * s;
    double w = z * z;
    double t1 = w * (lg2 + w * (lg4 + w * lg6));
    double t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
    double r = t2 + t1;
    double hfsq = 0.5 * f * f;
    double dk = (double)k;
    return dk * ln2_hi - ((hfsq - (s * (hfsq + r) + dk * ln2_lo)) - f);
}

__device__ __forceinline__ double sin_kernel(double x) {
    const double s1 = -1.66666666666666324348e-01, s2 = 8.33333333332248946124e-03;
    const double s3 = -1.98412698298579493134e-04, s4 = 2.75573137070700676789e-06;
    const double s5 = -2.50507602534068634195e-08, s6 = 1.58969099521155010221e-10;
    double z = x * x;
    double v = z * x;
    double r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)));
    return x + v * (s1 + z * r);
}

__device__ __forceinline__ double cos_kernel(double x) {
    const double c1 = 4.16666666666666019037e-02, c2 = -1.38888888888741095749e-03;
    const double c3 = 2.48015872894767294178e-05, c4 = -2.75573143513906633035e-07;
    const double c5 = 2.08757232129817482790e-09, c6 = -1.13596475577881948265e-11;
    double z = x * x;
    double r = z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))));
    double hz = 0.5 * z;
    double w = 1.0 - hz;
    return w + (((1.0 - w) - hz) + z * r);
}

// Sine (sin_out) and cosine of 2 pi t 2^-64 for the turn fraction in the top 53 bits of t.
__device__ __forceinline__ void sin_cos_turn(u64 t, double* sin_out, double* cos_out) {
    const double quarter_turn_unit = 3.141592653589793 / 2 * 0x1.0p-51;
    i64 a = (i64)(t >> 11);
    i64 q = (i64)((u64)(a + (1LL << 50)) >> 51);
    double x = (double)(a - (q << 51)) * quarter_turn_unit;
    double s = sin_kernel(x);
    double c = cos_kernel(x);
    bool swap = (q & 1) != 0;
    i64 sin_sign = (i64)((u64)(q & 2) << 62);
    i64 cos_sign = (i64)((u64)((q + 1) & 2) << 62);
    *sin_out = __longlong_as_double(__double_as_longlong(swap ? c : s) ^ sin_sign);
    *cos_out = __longlong_as_double(__double_as_longlong(swap ? s : c) ^ cos_sign);
}

// PhiloxNormal.element: Box-Muller on block i / 2.
__device__ __forceinline__ double normal(u64 seed, u32 stream, i64 i) {
    Block b = philox(seed, stream, 0, (u64)i >> 1);
    double r = sqrt(-2.0 * portable_log(1.0 - unit64(b.lo)));
    double sn, cs;
    sin_cos_turn(b.hi, &sn, &cs);
    return r * ((i & 1) == 0 ? cs : sn);
}

// PhiloxIntegers.fillLongs: Lemire's method with retries on counter word 3.
__device__ __forceinline__ i64 integer64(u64 seed, u32 stream, i64 i, i64 low, i64 span) {
    u64 x = bits64(seed, stream, i);
    if (span == -1) {
        return (i64)((u64)low + x);
    }
    u64 r = (u64)span + 1;
    u64 threshold = (0 - r) % r;
    u32 attempt = 0;
    while (x * r < threshold) {
        Block b = philox(seed, stream, ++attempt, (u64)i >> 1);
        x = (i & 1) == 0 ? b.lo : b.hi;
    }
    return (i64)((u64)low + __umul64hi(x, r));
}

// PhiloxIntegers.fillInts.
__device__ __forceinline__ int integer32(u64 seed, u32 stream, i64 i, int low, int span) {
    u32 x = bits32(seed, stream, i);
    if (span == -1) {
        return (int)((u32)low + x);
    }
    u64 r = (u64)(u32)span + 1;
    u64 threshold = ((1ULL << 32) - r) % r;
    u64 m = (u64)x * r;
    u32 attempt = 0;
    while ((m & 0xffffffffULL) < threshold) {
        Block b = philox(seed, stream, ++attempt, (u64)i >> 2);
        u64 w = (((u64)i >> 1) & 1) == 0 ? b.lo : b.hi;
        m = (u64)((i & 1) == 0 ? (u32)w : (u32)(w >> 32)) * r;
    }
    return (int)((u32)low + (u32)(m >> 32));
}

// Element t of a tile: its offset in the tile and its global index.
__device__ __forceinline__ void position(i64 t, i64 e1, i64 e2, i64 s0, i64 s1, i64 s2, i64 l0, i64 l1, i64 l2,
                                         i64 first, i64* off, i64* global) {
    i64 q2 = t % e2;
    i64 r = t / e2;
    i64 q1 = r % e1;
    i64 q0 = r / e1;
    *off = q0 * s0 + q1 * s1 + q2 * s2;
    *global = first + q0 * l0 + q1 * l1 + q2 * l2;
}

#define RANDOM_KERNEL(NAME, T, EXPR)                                                                    \
    extern "C" __global__ void NAME(T* out, i64 e0, i64 e1, i64 e2, i64 s0, i64 s1, i64 s2, i64 l0, i64 l1, \
                                    i64 l2, i64 first, u64 seed, u32 stream, i64 low, i64 span) {       \
        i64 n = e0 * e1 * e2;                                                                           \
        for (i64 t = first_index(); t < n; t += grid_stride()) {                                        \
            i64 off, i;                                                                                 \
            position(t, e1, e2, s0, s1, s2, l0, l1, l2, first, &off, &i);                               \
            out[off] = EXPR;                                                                            \
        }                                                                                               \
    }

RANDOM_KERNEL(numeric_uniform_f64, double, unit64(bits64(seed, stream, i)))
RANDOM_KERNEL(numeric_uniform_f32, float, unit32(bits32(seed, stream, i)))
RANDOM_KERNEL(numeric_normal_f64, double, normal(seed, stream, i))
RANDOM_KERNEL(numeric_normal_f32, float, (float)normal(seed, stream, i))
RANDOM_KERNEL(numeric_integers_i64, i64, integer64(seed, stream, i, low, span))
RANDOM_KERNEL(numeric_integers_i32, int, integer32(seed, stream, i, (int)low, (int)span))

// ---- the fixed combination tree (reduce/Pairwise.tree) ------------------------------------------

// Pairwise.tree(op, p, lo, hi): ranges of at most 8 are combined from their first value in order,
// longer ones split at lo + (hi - lo) / 2. Node i of level d is found by following the bits of i
// from the root; tmp[i << (depth - d)] holds its value. Leaves first, then the levels from the
// deepest up, each node once its children are done.
__device__ __forceinline__ void tree_node(i64 lo, i64 hi, i64 node, int level, i64* a, i64* b, int* leaf) {
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

__device__ __forceinline__ double combine(int op, double a, double b) { return op == 0 ? a + b : a * b; }

// Partial q (of rows * blocks) of part `part`: p[(q / blocks) s0 + (q % blocks) s1 + part s2].
__device__ __forceinline__ double partial(const double* p, i64 blocks, i64 s0, i64 s1, i64 s2, int part, i64 q) {
    i64 r = q / blocks;
    return p[r * s0 + (q - r * blocks) * s1 + part * s2];
}

__device__ double tree(const double* p, i64 m, i64 blocks, i64 s0, i64 s1, i64 s2, int part, int op, double* tmp,
                       int depth) {
    if (m == 0) {
        return op == 0 ? 0.0 : 1.0;
    }
    i64 width = 1LL << depth;
    for (i64 t = threadIdx.x; t < width; t += blockDim.x) {
        i64 a, b;
        int leaf;
        tree_node(0, m, t, depth, &a, &b, &leaf);
        if (leaf >= 0 && (t & ((1LL << (depth - leaf)) - 1)) == 0) {
            double s = partial(p, blocks, s0, s1, s2, part, a);
            for (i64 i = a + 1; i < b; i++) {
                s = combine(op, s, partial(p, blocks, s0, s1, s2, part, i));
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
            tree_node(0, m, i, d, &a, &b, &leaf);
            if (leaf < 0) {
                i64 at = i << (depth - d);
                tmp[at] = combine(op, tmp[at], tmp[at + (1LL << (depth - d - 1))]);
            }
        }
        __syncthreads();
    }
    double r = tmp[0];
    __syncthreads();
    return r;
}

__device__ __forceinline__ unsigned short f2h(float f) {
    int doppel = __float_as_int(f);
    int sign_bit = (short)((doppel & 0x80000000) >> 16) & 0xffff;
    if (f != f) {
        return (unsigned short)(sign_bit | 0x7c00 | (doppel & 0x007fe000) >> 13 | (doppel & 0x00001ff0) >> 4
                                | (doppel & 0x0000000f));
    }
    float abs_f = __int_as_float(doppel & 0x7fffffff);
    if (abs_f >= 0x1.ffcp15f + 0x0.002p15f) {
        return (unsigned short)(sign_bit | 0x7c00);
    }
    if (abs_f <= 0x1.0p-24f * 0.5f) {
        return (unsigned short)sign_bit;
    }
    int exp = ((doppel >> 23) & 0xff) - 127;
    int expdelta = 0;
    int msb = 0;
    if (exp < -14) {
        expdelta = -14 - exp;
        exp = -15;
        msb = 0x00800000;
    }
    int f_signif_bits = (doppel & 0x007fffff) | msb;
    int signif_bits = f_signif_bits >> (13 + expdelta);
    int lsb = f_signif_bits & (1 << (13 + expdelta));
    int round = f_signif_bits & (1 << (12 + expdelta));
    int sticky = f_signif_bits & ((1 << (12 + expdelta)) - 1);
    if (round != 0 && ((lsb | sticky) != 0)) {
        signif_bits++;
    }
    return (unsigned short)(sign_bit | (((exp + 15) << 10) + signif_bits));
}

// Output types of the tree: 0 float64, 1 float32, 2 float16, 3 complex128, 4 complex64.
__device__ __forceinline__ void write_typed(void* out, int type, double re, double im) {
    switch (type) {
        case 0: *(double*)out = re; break;
        case 1: *(float*)out = (float)re; break;
        case 2: *(unsigned short*)out = f2h((float)re); break;
        case 3: ((double*)out)[0] = re; ((double*)out)[1] = im; break;
        default: ((float*)out)[0] = (float)re; ((float*)out)[1] = (float)im; break;
    }
}

// The tree over rows * blocks partials (raw double bits) of `parts` parts, written as one value of
// `type` (the real part first). One block; tmp holds 1 << depth doubles.
extern "C" __global__ void numeric_tree(const double* p, i64 rows, i64 blocks, i64 s0, i64 s1, i64 s2, int parts,
                                        int op, double* tmp, int depth, void* out, int type) {
    i64 m = rows * blocks;
    double re = tree(p, m, blocks, s0, s1, s2, 0, op, tmp, depth);
    double im = parts == 2 ? tree(p, m, blocks, s0, s1, s2, 1, op, tmp, depth) : 0.0;
    if (threadIdx.x == 0) {
        write_typed(out, type, re, im);
    }
}

// The index field (at byte offset `at`) of the 0-d argmin/argmax pair `pair`.
extern "C" __global__ void numeric_arg_index(const char* pair, i64 at, i64* out) {
    *out = *(const i64*)(pair + at);
}

// C = 0 for an m x n matrix with strides s0, s1 of elements of `size` bytes (products with k = 0).
extern "C" __global__ void numeric_zero_matrix(char* c, i64 m, i64 n, i64 s0, i64 s1, int size) {
    for (i64 t = first_index(); t < m * n; t += grid_stride()) {
        i64 i = t / n;
        i64 j = t - i * n;
        char* p = c + (i * s0 + j * s1) * size;
        for (int b = 0; b < size; b++) {
            p[b] = 0;
        }
    }
}

// ---- matrix products of types cuBLAS does not take (MatmulTask.naive) ----------------------------

// C[i, j] = sum_p A[i, p] B[p, j] over integers (in 64 bits, bool: or of ands) or complex numbers
// (in doubles), in index order. Element types: 0 bool, 1 int8, 2 int16, 3 int32, 4 int64, 5 uint8,
// 6 uint16, 7 uint32, 8 uint64, 9 complex64, 10 complex128. A(i, p) is at a[i sa0 + p sa2], B(p, j)
// at b[j sb1 + p sb2], C(i, j) at c[i sc0 + j sc1] (element indices; complex elements are pairs).
__device__ __forceinline__ i64 load_int(const void* p, i64 i, int type) {
    switch (type) {
        case 0: return ((const unsigned char*)p)[i] != 0;
        case 1: return ((const signed char*)p)[i];
        case 2: return ((const short*)p)[i];
        case 3: return ((const int*)p)[i];
        case 5: return ((const unsigned char*)p)[i];
        case 6: return ((const unsigned short*)p)[i];
        case 7: return ((const unsigned int*)p)[i];
        default: return ((const i64*)p)[i];
    }
}

__device__ __forceinline__ void store_int(void* p, i64 i, int type, i64 v) {
    switch (type) {
        case 0: ((unsigned char*)p)[i] = v != 0; break;
        case 1: case 5: ((unsigned char*)p)[i] = (unsigned char)(u64)v; break;
        case 2: case 6: ((unsigned short*)p)[i] = (unsigned short)(u64)v; break;
        case 3: case 7: ((unsigned int*)p)[i] = (unsigned int)(u64)v; break;
        default: ((i64*)p)[i] = v; break;
    }
}

extern "C" __global__ void numeric_matmul_naive(const void* a, const void* b, void* c, i64 m, i64 n, i64 k, i64 sa0,
                                                i64 sa2, i64 sb1, i64 sb2, i64 sc0, i64 sc1, int type) {
    for (i64 t = first_index(); t < m * n; t += grid_stride()) {
        i64 i = t / n;
        i64 j = t - i * n;
        if (type >= 9) {
            double re = 0, im = 0;
            for (i64 p = 0; p < k; p++) {
                i64 ai = 2 * (i * sa0 + p * sa2);
                i64 bi = 2 * (j * sb1 + p * sb2);
                double ar, aim, br, bim;
                if (type == 10) {
                    ar = ((const double*)a)[ai]; aim = ((const double*)a)[ai + 1];
                    br = ((const double*)b)[bi]; bim = ((const double*)b)[bi + 1];
                } else {
                    ar = ((const float*)a)[ai]; aim = ((const float*)a)[ai + 1];
                    br = ((const float*)b)[bi]; bim = ((const float*)b)[bi + 1];
                }
                re += ar * br - aim * bim;
                im += ar * bim + aim * br;
            }
            i64 ci = 2 * (i * sc0 + j * sc1);
            if (type == 10) {
                ((double*)c)[ci] = re; ((double*)c)[ci + 1] = im;
            } else {
                ((float*)c)[ci] = (float)re; ((float*)c)[ci + 1] = (float)im;
            }
        } else {
            u64 acc = 0;
            for (i64 p = 0; p < k; p++) {
                u64 x = (u64)load_int(a, i * sa0 + p * sa2, type);
                u64 y = (u64)load_int(b, j * sb1 + p * sb2, type);
                acc = type == 0 ? (acc | (x & y)) : acc + x * y;
            }
            store_int(c, i * sc0 + j * sc1, type, (i64)acc);
        }
    }
}
