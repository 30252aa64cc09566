// Kernels of the CUDA provider's self-test library (dev.legate.cuda.internal.selftest), which
// shows how a library launches its own kernels through dev.legate.core.DeviceContext.
//
// Compiled to PTX by scripts/gpu-ptx into
// src/main/resources/dev/legate/cuda/internal/selftest/selftest.ptx (committed).
// Tiles are dense (the variants check); pointers are the tiles' origins.

typedef long long i64;

// out = a * x + y, with one rounding (fma), as the CPU variant computes it with Math.fma.
extern "C" __global__ void selftest_axpy(double* out, const double* x, const double* y, i64 n, double a) {
    for (i64 i = (i64)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (i64)gridDim.x * blockDim.x) {
        out[i] = fma(a, x[i], y[i]);
    }
}

// tmp = a * x (first step of a two-step task that keeps its intermediate in scratch memory).
extern "C" __global__ void selftest_scale(double* tmp, const double* x, i64 n, double a) {
    for (i64 i = (i64)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (i64)gridDim.x * blockDim.x) {
        tmp[i] = a * x[i];
    }
}

// out = tmp + b (second step).
extern "C" __global__ void selftest_shift(double* out, const double* tmp, i64 n, double b) {
    for (i64 i = (i64)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (i64)gridDim.x * blockDim.x) {
        out[i] = tmp[i] + b;
    }
}

// out[i] = (in[i - 1] + in[i]) + in[i + 1], the ends clamped, for i in [lo, hi): a 3-point stencil
// whose input tiles are the output tiles grown by one element (a halo from the neighbours).
// Pointers are global-index pointers (element i of the store at p[i]).
extern "C" __global__ void selftest_stencil(double* out, const double* in, i64 lo, i64 hi, i64 n) {
    for (i64 i = lo + (i64)blockIdx.x * blockDim.x + threadIdx.x; i < hi; i += (i64)gridDim.x * blockDim.x) {
        double l = in[i > 0 ? i - 1 : 0];
        double r = in[i + 1 < n ? i + 1 : n - 1];
        out[i] = (l + in[i]) + r;
    }
}
