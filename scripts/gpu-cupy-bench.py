#!/usr/bin/env python3
"""CuPy reference transfers for scripts/gpu-run: 1 GiB host-to-device and device-to-host from
pinned memory, device-to-device copy and a float64 fill, each the median of 10 event-timed runs
after 3 warm-ups, on CuPy's current stream. Prints BENCH lines like the Java self-test."""
import cupy as cp
import numpy as np

N = 1 << 30
REPS = 10


def timed(fn):
    start, end = cp.cuda.Event(), cp.cuda.Event()
    for _ in range(3):
        fn()
    times = []
    for _ in range(REPS):
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(cp.cuda.get_elapsed_time(start, end))
    return sorted(times)[REPS // 2] / 1e3


def bench(key, value, what):
    print(f"BENCH {key} {value:.3f} GB/s {what}", flush=True)


def main():
    rt = cp.cuda.runtime
    stream = cp.cuda.get_current_stream().ptr
    pinned = cp.cuda.alloc_pinned_memory(N)
    host = np.frombuffer(pinned, dtype=np.uint8, count=N)
    host[:] = np.arange(N, dtype=np.uint64).astype(np.uint8)
    d = cp.empty(N, dtype=cp.uint8)
    d2 = cp.empty(N, dtype=cp.uint8)
    h2d = timed(lambda: rt.memcpyAsync(d.data.ptr, host.ctypes.data, N, rt.memcpyHostToDevice, stream))
    bench("cupy.h2d_pinned_GBps", N / h2d / 1e9, "cudaMemcpyAsync 1 GiB from pinned host memory")
    d2h = timed(lambda: rt.memcpyAsync(host.ctypes.data, d.data.ptr, N, rt.memcpyDeviceToHost, stream))
    bench("cupy.d2h_pinned_GBps", N / d2h / 1e9, "cudaMemcpyAsync 1 GiB to pinned host memory")
    d2d = timed(lambda: rt.memcpyAsync(d2.data.ptr, d.data.ptr, N, rt.memcpyDeviceToDevice, stream))
    bench("cupy.d2d_GBps", 2 * N / d2d / 1e9, "cudaMemcpyAsync 1 GiB on the device, bytes read + written")
    f = cp.empty(N // 8, dtype=cp.float64)
    fill = timed(lambda: f.fill(1.5))
    bench("cupy.fill_GBps", N / fill / 1e9, "ndarray.fill(1.5) of 1 GiB float64")
    assert float(f[-1]) == 1.5


if __name__ == "__main__":
    main()
