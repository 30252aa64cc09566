// Kernels for the runtime's own tasks (fill, copy) on GPUs: the CUDA provider's GPU variants.
//
// Compiled to PTX by scripts/gpu-ptx into
// src/main/resources/dev/legate/cuda/internal/core.ptx, which is committed; the provider loads
// it once per context with cuModuleLoadData.
//
// Conventions shared by all kernels:
// - Pointers are the address of the tile's first element (its origin); offsets are in elements.
// - Strided kernels see the tile as at most 4 dimensions (the provider merges dimensions whose
//   strides allow it and loops on the host over any further ones): extents e0..e3, with e0
//   implied by n = e0*e1*e2*e3, and signed element strides s0..s3.
// - All loops are grid-stride loops over 64-bit indices, so any grid size is correct.

#include <stdint.h>

typedef long long i64;
typedef unsigned long long u64;

struct alignas(16) V16 {
    u64 lo;
    u64 hi;
};

__device__ __forceinline__ i64 first_index() {
    return (i64)blockIdx.x * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ i64 grid_stride() {
    return (i64)gridDim.x * blockDim.x;
}

// Element offset of the i-th element, in row-major order, of a 4-d tile.
__device__ __forceinline__ i64 offset4(i64 i, i64 e1, i64 e2, i64 e3, i64 s0, i64 s1, i64 s2, i64 s3) {
    i64 i3 = i % e3;
    i /= e3;
    i64 i2 = i % e2;
    i /= e2;
    i64 i1 = i % e1;
    i /= e1;
    return i * s0 + i1 * s1 + i2 * s2 + i3 * s3;
}

template <typename T>
__device__ __forceinline__ void fill_strided(T* p, i64 n, i64 e1, i64 e2, i64 e3, i64 s0, i64 s1, i64 s2, i64 s3,
                                             T v) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        p[offset4(i, e1, e2, e3, s0, s1, s2, s3)] = v;
    }
}

template <typename T>
__device__ __forceinline__ void copy_strided(T* dst, const T* src, i64 n, i64 e1, i64 e2, i64 e3, i64 d0, i64 d1,
                                             i64 d2, i64 d3, i64 s0, i64 s1, i64 s2, i64 s3) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        dst[offset4(i, e1, e2, e3, d0, d1, d2, d3)] = src[offset4(i, e1, e2, e3, s0, s1, s2, s3)];
    }
}

// Fills with an element of 1, 2, 4, 8 or 16 bytes; the value's bytes are (lo, hi), little-endian.
extern "C" __global__ void legate_fill_strided_1(uint8_t* p, i64 n, i64 e1, i64 e2, i64 e3, i64 s0, i64 s1, i64 s2,
                                                 i64 s3, u64 lo, u64 hi) {
    fill_strided<uint8_t>(p, n, e1, e2, e3, s0, s1, s2, s3, (uint8_t)lo);
}

extern "C" __global__ void legate_fill_strided_2(uint16_t* p, i64 n, i64 e1, i64 e2, i64 e3, i64 s0, i64 s1, i64 s2,
                                                 i64 s3, u64 lo, u64 hi) {
    fill_strided<uint16_t>(p, n, e1, e2, e3, s0, s1, s2, s3, (uint16_t)lo);
}

extern "C" __global__ void legate_fill_strided_4(uint32_t* p, i64 n, i64 e1, i64 e2, i64 e3, i64 s0, i64 s1, i64 s2,
                                                 i64 s3, u64 lo, u64 hi) {
    fill_strided<uint32_t>(p, n, e1, e2, e3, s0, s1, s2, s3, (uint32_t)lo);
}

extern "C" __global__ void legate_fill_strided_8(u64* p, i64 n, i64 e1, i64 e2, i64 e3, i64 s0, i64 s1, i64 s2,
                                                 i64 s3, u64 lo, u64 hi) {
    fill_strided<u64>(p, n, e1, e2, e3, s0, s1, s2, s3, lo);
}

extern "C" __global__ void legate_fill_strided_16(V16* p, i64 n, i64 e1, i64 e2, i64 e3, i64 s0, i64 s1, i64 s2,
                                                  i64 s3, u64 lo, u64 hi) {
    V16 v;
    v.lo = lo;
    v.hi = hi;
    fill_strided<V16>(p, n, e1, e2, e3, s0, s1, s2, s3, v);
}

// Dense fill of n 8-byte elements; 16-byte stores when p is 16-byte aligned.
extern "C" __global__ void legate_fill_contig_8(u64* p, i64 n, u64 v) {
    if (((uintptr_t)p & 15) == 0) {
        V16 w;
        w.lo = v;
        w.hi = v;
        V16* q = (V16*)p;
        i64 pairs = n / 2;
        for (i64 i = first_index(); i < pairs; i += grid_stride()) {
            q[i] = w;
        }
        if ((n & 1) && first_index() == 0) {
            p[n - 1] = v;
        }
    } else {
        for (i64 i = first_index(); i < n; i += grid_stride()) {
            p[i] = v;
        }
    }
}

// Dense fill of n 16-byte elements (p is 16-byte aligned: instances are, and so are element offsets).
extern "C" __global__ void legate_fill_contig_16(V16* p, i64 n, u64 lo, u64 hi) {
    V16 v;
    v.lo = lo;
    v.hi = hi;
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        p[i] = v;
    }
}

// Strided copy of elements of 1, 2, 4, 8 or 16 bytes; d* are the destination's strides, s* the source's.
extern "C" __global__ void legate_copy_strided_1(uint8_t* dst, const uint8_t* src, i64 n, i64 e1, i64 e2, i64 e3,
                                                 i64 d0, i64 d1, i64 d2, i64 d3, i64 s0, i64 s1, i64 s2, i64 s3) {
    copy_strided<uint8_t>(dst, src, n, e1, e2, e3, d0, d1, d2, d3, s0, s1, s2, s3);
}

extern "C" __global__ void legate_copy_strided_2(uint16_t* dst, const uint16_t* src, i64 n, i64 e1, i64 e2, i64 e3,
                                                 i64 d0, i64 d1, i64 d2, i64 d3, i64 s0, i64 s1, i64 s2, i64 s3) {
    copy_strided<uint16_t>(dst, src, n, e1, e2, e3, d0, d1, d2, d3, s0, s1, s2, s3);
}

extern "C" __global__ void legate_copy_strided_4(uint32_t* dst, const uint32_t* src, i64 n, i64 e1, i64 e2, i64 e3,
                                                 i64 d0, i64 d1, i64 d2, i64 d3, i64 s0, i64 s1, i64 s2, i64 s3) {
    copy_strided<uint32_t>(dst, src, n, e1, e2, e3, d0, d1, d2, d3, s0, s1, s2, s3);
}

extern "C" __global__ void legate_copy_strided_8(u64* dst, const u64* src, i64 n, i64 e1, i64 e2, i64 e3, i64 d0,
                                                 i64 d1, i64 d2, i64 d3, i64 s0, i64 s1, i64 s2, i64 s3) {
    copy_strided<u64>(dst, src, n, e1, e2, e3, d0, d1, d2, d3, s0, s1, s2, s3);
}

extern "C" __global__ void legate_copy_strided_16(V16* dst, const V16* src, i64 n, i64 e1, i64 e2, i64 e3, i64 d0,
                                                  i64 d1, i64 d2, i64 d3, i64 s0, i64 s1, i64 s2, i64 s3) {
    copy_strided<V16>(dst, src, n, e1, e2, e3, d0, d1, d2, d3, s0, s1, s2, s3);
}

// Validity bitmaps (Arrow layout: bit i is bit i%8 of byte i/8, which on a little-endian GPU is
// bit i%32 of 32-bit word i/32). words is the 4-byte aligned start of the instance; bit0 and
// the strides count bits. One thread per bit, with atomics, since neighbouring bits of a word
// may belong to other elements of this tile or to another tile written concurrently.
extern "C" __global__ void legate_fill_bits(unsigned int* words, i64 bit0, i64 stride, i64 n, int value) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        i64 b = bit0 + i * stride;
        unsigned int mask = 1u << (unsigned int)(b & 31);
        if (value) {
            atomicOr(&words[b >> 5], mask);
        } else {
            atomicAnd(&words[b >> 5], ~mask);
        }
    }
}

extern "C" __global__ void legate_copy_bits(unsigned int* dst, i64 dbit0, i64 dstride, const unsigned int* src,
                                            i64 sbit0, i64 sstride, i64 n) {
    for (i64 i = first_index(); i < n; i += grid_stride()) {
        i64 sb = sbit0 + i * sstride;
        i64 db = dbit0 + i * dstride;
        unsigned int mask = 1u << (unsigned int)(db & 31);
        if ((src[sb >> 5] >> (unsigned int)(sb & 31)) & 1u) {
            atomicOr(&dst[db >> 5], mask);
        } else {
            atomicAnd(&dst[db >> 5], ~mask);
        }
    }
}
