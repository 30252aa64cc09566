package dev.legate.cuda.internal.selftest;

import static dev.legate.cuda.internal.selftest.Report.require;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.PhysicalStore;
import dev.legate.cuda.Blas;
import dev.legate.cuda.RuntimeCompiler;
import dev.legate.cuda.internal.CudaLibraries;
import java.lang.foreign.ValueLayout;

/**
 * The CUDA libraries that {@link dev.legate.cuda} offers GPU variants: where cuBLAS and NVRTC
 * were found, GEMM through cuBLAS against a triple loop on the host (float64 and float32, stored
 * by rows and by columns), a kernel compiled at run time, and (with {@code bench}) GEMM throughput
 * at 8192 x 8192 x 8192.
 */
final class LibraryChecks {
    private LibraryChecks() {
    }

    /** Prints where cuBLAS and NVRTC are found, or why not; true when both are. */
    static boolean locate() {
        var blas = Blas.unavailableReason();
        System.out.println(blas.map(w -> "cuBLAS: NOT FOUND: " + w)
                .orElseGet(() -> "cuBLAS: libcublas.so.13 from " + CudaLibraries.cublasLocation()));
        var rtc = RuntimeCompiler.unavailableReason();
        System.out.println(rtc.map(w -> "NVRTC: NOT FOUND: " + w).orElseGet(() -> "NVRTC: " + RuntimeCompiler.describe()));
        return blas.isEmpty() && rtc.isEmpty();
    }

    static void run(LegateRuntime rt, Report r, boolean bench) {
        r.check("cuBLAS of CUDA 13 found and bound (FFM)", () -> {
            var why = Blas.unavailableReason();
            require(why.isEmpty(), why.orElse(""));
            return "libcublas.so.13 from " + CudaLibraries.cublasLocation();
        });
        r.check("NVRTC of CUDA 13 found and bound (FFM)", () -> {
            var why = RuntimeCompiler.unavailableReason();
            require(why.isEmpty(), why.orElse(""));
            return RuntimeCompiler.describe();
        });
        SelfTestTasks t = rt.tasks(SelfTestTasks.class);
        r.check("cuBLAS GEMM float64 and float32 (301x257 . 257x199) against the host", () -> {
            StringBuilder sb = new StringBuilder();
            for (DType type : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                for (boolean transposedB : new boolean[] {false, true}) {
                    long m = 301;
                    long k = 257;
                    long n = 199;
                    LogicalStore a = rt.createStore(type, m, k);
                    LogicalStore bs = rt.createStore(type, transposedB ? n : k, transposedB ? k : n);
                    fill(a, 51);
                    fill(bs, 52);
                    LogicalStore b = transposedB ? bs.transpose(1, 0) : bs;
                    LogicalStore c = rt.createStore(type, m, n);
                    t.gemm(c, a, b);
                    PhysicalStore pa = a.physical().data();
                    PhysicalStore pb = bs.physical().data();
                    PhysicalStore pc = c.physical().data();
                    double worst = 0;
                    for (long i = 0; i < m; i++) {
                        for (long j = 0; j < n; j++) {
                            double want = 0;
                            double scale = 0;
                            for (long q = 0; q < k; q++) {
                                double p = get(pa, i, q) * (transposedB ? get(pb, j, q) : get(pb, q, j));
                                want += p;
                                scale += Math.abs(p);
                            }
                            worst = Math.max(worst, Math.abs(get(pc, i, j) - want) / Math.max(scale, 1e-300));
                        }
                    }
                    double tol = type.equals(DType.FLOAT64) ? 1e-13 : 5e-5;
                    require(worst < tol, type.name() + (transposedB ? " (B by columns)" : "") + ": worst relative error "
                            + worst);
                    sb.append(type.name()).append(transposedB ? "/B^T" : "").append(String.format(" %.1e; ", worst));
                }
            }
            return "worst |error| / sum|products|: " + sb;
        });
        r.check("NVRTC: kernel compiled at run time equals Math.fma; cached", () -> {
            long n = 500_009;
            LogicalStore x = rt.createStore(DType.FLOAT64, n);
            LogicalStore y = rt.createStore(DType.FLOAT64, n);
            LogicalStore out = rt.createStore(DType.FLOAT64, n);
            SelfTest.writeRandom(x, 61);
            SelfTest.writeRandom(y, 62);
            long t0 = System.nanoTime();
            t.rtcAxpy(out, x, y, 1.5);
            rt.fence();
            long first = System.nanoTime() - t0;
            int cached = RuntimeCompiler.cached();
            t0 = System.nanoTime();
            t.rtcAxpy(out, x, y, 1.5);
            rt.fence();
            long second = System.nanoTime() - t0;
            require(RuntimeCompiler.cached() == cached, "the second launch compiled again");
            var o = out.physical().data().doubles();
            var xs = x.physical().data().doubles();
            var ys = y.physical().data().doubles();
            for (long i = 0; i < n; i++) {
                double want = Math.fma(1.5, xs.get(i), ys.get(i));
                require(Double.compare(o.get(i), want) == 0, "out[" + i + "] = " + o.get(i) + ", CPU gives " + want);
            }
            return String.format("bitwise equal; first launch (compile + load) %.1f ms, second %.2f ms", first / 1e6,
                    second / 1e6);
        });
        if (bench) {
            gemmBench(rt, r, t);
        }
    }

    private static void gemmBench(LegateRuntime rt, Report r, SelfTestTasks t) {
        long n = 8192;
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            LogicalStore a = rt.createStore(type, n, n);
            LogicalStore b = rt.createStore(type, n, n);
            LogicalStore c = rt.createStore(type, n, n);
            fill(a, 71);
            fill(b, 72);
            t.gemm(c, a, b);
            rt.fence();
            int reps = 5;
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                t.gemm(c, a, b);
            }
            rt.fence();
            double s = (System.nanoTime() - t0) / 1e9 / reps;
            r.bench("legate.gemm_" + type.name() + "_TFLOPs", 2.0 * n * n * n / s / 1e12, "TFLOP/s",
                    "cuBLAS GEMM 8192^3 through a task (mean of " + reps + " back-to-back, fence after)");
        }
    }

    /** Pseudo-random values in [-1, 1) for a float64 or float32 store, written on the host. */
    private static void fill(LogicalStore s, long seed) {
        s.update(p -> {
            long base = p.origin();
            for (long i = 0; i < p.volume(); i++) {
                double v = (SelfTest.mix(i, seed) >>> 11) * 0x1.0p-52 - 1.0;
                if (p.type().equals(DType.FLOAT64)) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, base + i, v);
                } else {
                    p.segment().setAtIndex(ValueLayout.JAVA_FLOAT, base + i, (float) v);
                }
            }
        });
    }

    private static double get(PhysicalStore s, long i, long j) {
        return s.type().equals(DType.FLOAT64) ? s.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, s.index(i, j))
                : s.segment().getAtIndex(ValueLayout.JAVA_FLOAT, s.index(i, j));
    }
}
