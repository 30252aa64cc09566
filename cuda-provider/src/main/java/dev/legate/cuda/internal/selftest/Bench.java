package dev.legate.cuda.internal.selftest;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemHostRegister;
import static jcuda.driver.JCudaDriver.cuMemHostUnregister;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import dev.legate.cuda.internal.Handles;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;

/**
 * Bandwidth of the provider's paths, each beside the same transfer made directly with the
 * driver in this process: device-to-device copy, fill, host-to-device from a store's host
 * memory (first copy, which page-locks it, and later ones) and device-to-host. Sizes are 1 GiB;
 * times are medians; runtime times are wall-clock from submission to {@code fence()}.
 */
final class Bench {
    static final long BYTES = 1L << 30;
    private static final int REPS = 10;

    private Bench() {
    }

    static void run(LegateRuntime rt, Report r) {
        r.check("bandwidth: driver-level references (events)", () -> driverReferences(r));
        r.check("bandwidth: runtime copy, fill, host<->device of 1 GiB stores", () -> runtimePaths(rt, r));
        r.check("latency: one small GPU task, and a chain of dependent ones", () -> {
            LogicalStore tiny = rt.createStore(DType.FLOAT64, 1);
            for (int i = 0; i < 20; i++) {
                rt.fill(tiny, Scalar.of(1.0));
                rt.fence();
            }
            double t = median(51, () -> {
                rt.fill(tiny, Scalar.of(2.0));
                rt.fence();
            });
            r.bench("legate.small_task_us", t * 1e6, "us", "submit-to-fence time of a one-element fill on the GPU");
            LogicalStore x = rt.createStore(DType.FLOAT64, 1000);
            LogicalStore y = rt.createStore(DType.FLOAT64, 1000);
            rt.fill(x, Scalar.of(3.0));
            rt.copy(x, y);
            rt.fence();
            int chain = 400;
            double c = median(5, () -> {
                for (int i = 0; i < chain / 2; i++) {
                    rt.copy(x, y);
                    rt.copy(y, x);
                }
                rt.fence();
            }) / chain;
            Report.require(x.physical().data().doubles().get(999) == 3.0, "the chain of copies lost the value");
            r.bench("legate.chain_task_us", c * 1e6, "us", "per task in a chain of " + chain + " dependent 1000-element "
                    + "copies on the GPU, one fence at the end");
            return String.format(java.util.Locale.ROOT, "%.0f us alone, %.1f us per task in a dependent chain", t * 1e6,
                    c * 1e6);
        });
    }

    private static String runtimePaths(LegateRuntime rt, Report r) {
        long n = BYTES / 8;
        LogicalStore a = rt.createStore(DType.FLOAT64, n);
        LogicalStore b = rt.createStore(DType.FLOAT64, n);
        rt.fill(a, Scalar.of(1.0));
        rt.copy(a, b);
        rt.fence();
        double copy = median(REPS, () -> {
            rt.copy(a, b);
            rt.fence();
        });
        r.bench("legate.d2d_copy_task_GBps", 2.0 * BYTES / copy / 1e9, "GB/s", "copy task 1 GiB -> 1 GiB on the GPU, "
                + "bytes read + written over submit-to-fence time");
        double fill = median(REPS, () -> {
            rt.fill(a, Scalar.of(1.5));
            rt.fence();
        });
        r.bench("legate.fill_task_GBps", BYTES / fill / 1e9, "GB/s", "fill task of 1 GiB float64 (legate_fill_contig_8)");

        LogicalStore h = rt.createStore(DType.FLOAT64, n);
        SelfTest.writeRandom(h, 41);
        SelfTestTasks tasks = rt.tasks(SelfTestTasks.class);
        double[] times = new double[REPS + 1];
        for (int i = 0; i < times.length; i++) {
            h.update(p -> { });
            long t0 = System.nanoTime();
            tasks.touch(h);
            rt.fence();
            times[i] = (System.nanoTime() - t0) / 1e9;
        }
        r.bench("legate.h2d_first_GBps", BYTES / times[0] / 1e9, "GB/s", "first host-to-device copy of a 1 GiB store "
                + "(includes page-locking its host memory: " + Math.round(times[0] * 1e3) + " ms)");
        double h2d = median(Arrays.copyOfRange(times, 1, times.length));
        r.bench("legate.h2d_GBps", BYTES / h2d / 1e9, "GB/s", "host-to-device copy of a 1 GiB store's host memory "
                + "(coherence copy before a GPU task; submit-to-fence)");

        double[] d2h = new double[5];
        for (int i = 0; i < d2h.length; i++) {
            rt.fill(h, Scalar.of((double) i));
            rt.fence();
            long t0 = System.nanoTime();
            double v = h.physical().data().doubles().get(n - 1);
            d2h[i] = (System.nanoTime() - t0) / 1e9;
            Report.require(v == i, "device-to-host copy returned " + v + ", expected " + i);
        }
        r.bench("legate.d2h_GBps", BYTES / median(d2h) / 1e9, "GB/s", "device-to-host copy of a 1 GiB store for a host "
                + "read (physical())");
        return "copy " + ms(copy) + ", fill " + ms(fill) + ", h2d " + ms(h2d) + " (first " + ms(times[0]) + "), d2h "
                + ms(median(d2h));
    }

    private static String driverReferences(Report r) throws Throwable {
        CUdevice dev = new CUdevice();
        check(cuDeviceGet(dev, 0), "cuDeviceGet");
        CUcontext ctx = new CUcontext();
        check(cuDevicePrimaryCtxRetain(ctx, dev), "cuDevicePrimaryCtxRetain");
        check(cuCtxSetCurrent(ctx), "cuCtxSetCurrent");
        CUstream stream = new CUstream();
        check(cuStreamCreate(stream, 0), "cuStreamCreate");
        CUdeviceptr x = new CUdeviceptr();
        CUdeviceptr y = new CUdeviceptr();
        Pointer host = new Pointer();
        check(cuMemAlloc(x, BYTES), "cuMemAlloc");
        check(cuMemAlloc(y, BYTES), "cuMemAlloc");
        check(cuMemAllocHost(host, BYTES), "cuMemAllocHost");
        try {
            float d2d = timed(stream, () -> check(cuMemcpyDtoDAsync(y, x, BYTES, stream), "cuMemcpyDtoDAsync"));
            r.bench("driver.d2d_GBps", 2.0 * BYTES / d2d / 1e6, "GB/s", "cuMemcpyDtoDAsync 1 GiB, bytes read + written");
            float h2d = timed(stream, () -> check(cuMemcpyHtoDAsync(x, host, BYTES, stream), "cuMemcpyHtoDAsync"));
            r.bench("driver.h2d_pinned_GBps", BYTES / h2d / 1e6, "GB/s", "cuMemcpyHtoDAsync 1 GiB from cuMemAllocHost");
            String plain = registered(r, stream, x, false);
            String thp = registered(r, stream, x, true);
            return "d2d " + d2d + " ms, h2d " + h2d + " ms; registered: " + plain + "; THP-advised: " + thp;
        } finally {
            cuMemFree(x);
            cuMemFree(y);
            cuMemFreeHost(host);
            cuStreamDestroy(stream);
            cuCtxSetCurrent(new CUcontext());
            cuDevicePrimaryCtxRelease(dev);
        }
    }

    /**
     * Host-to-device bandwidth from 1 GiB of Java off-heap memory page-locked with
     * cuMemHostRegister, as the provider does with a store's host memory; with {@code thp}, the
     * block is 2 MiB aligned and advised to use transparent huge pages before it is touched.
     */
    private static String registered(Report r, CUstream stream, CUdeviceptr dst, boolean thp) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(BYTES, thp ? 2L << 20 : 64);
            long hugeBefore = anonHugeKiB();
            if (thp) {
                Linker linker = Linker.nativeLinker();
                MethodHandle madvise = linker.downcallHandle(linker.defaultLookup().find("madvise").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT));
                int rc = (int) madvise.invokeExact(seg, BYTES, 14);
                Report.require(rc == 0, "madvise(MADV_HUGEPAGE) returned " + rc);
            }
            seg.fill((byte) 1);
            long huge = anonHugeKiB() - hugeBefore;
            long t0 = System.nanoTime();
            check(cuMemHostRegister(Handles.host(seg.address()), BYTES, 0), "cuMemHostRegister");
            long register = System.nanoTime() - t0;
            try {
                float ms = timed(stream, () -> check(cuMemcpyHtoDAsync(dst, Handles.host(seg.address()), BYTES, stream),
                        "cuMemcpyHtoDAsync"));
                r.bench(thp ? "driver.h2d_registered_thp_GBps" : "driver.h2d_registered_GBps", BYTES / ms / 1e6, "GB/s",
                        "cuMemcpyHtoDAsync 1 GiB from Java off-heap memory after cuMemHostRegister" + (thp
                        ? " (2 MiB aligned, madvise(MADV_HUGEPAGE) before touching)" : ""));
                return ms + " ms, registering took " + register / 1_000_000 + " ms, huge pages gained "
                        + (huge >> 10) + " MiB";
            } finally {
                check(cuMemHostUnregister(Handles.host(seg.address())), "cuMemHostUnregister");
            }
        }
    }

    private static long anonHugeKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("AnonHugePages:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Median milliseconds of {@code op} on {@code stream}, by events, after 3 warm-up runs. */
    private static float timed(CUstream stream, Runnable op) {
        CUevent start = new CUevent();
        CUevent end = new CUevent();
        check(cuEventCreate(start, 0), "cuEventCreate");
        check(cuEventCreate(end, 0), "cuEventCreate");
        try {
            float[] ms = new float[REPS];
            for (int i = -3; i < REPS; i++) {
                check(cuEventRecord(start, stream), "cuEventRecord");
                op.run();
                check(cuEventRecord(end, stream), "cuEventRecord");
                check(cuEventSynchronize(end), "cuEventSynchronize");
                float[] t = new float[1];
                check(cuEventElapsedTime(t, start, end), "cuEventElapsedTime");
                if (i >= 0) {
                    ms[i] = t[0];
                }
            }
            Arrays.sort(ms);
            return ms[REPS / 2];
        } finally {
            cuEventDestroy(start);
            cuEventDestroy(end);
        }
    }

    private static void check(int rc, String call) {
        if (rc != CUresult.CUDA_SUCCESS) {
            throw new IllegalStateException(call + " failed: " + CUresult.stringFor(rc));
        }
    }

    private static double median(int reps, Runnable op) {
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            op.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        return median(t);
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String ms(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", seconds * 1e3);
    }
}
