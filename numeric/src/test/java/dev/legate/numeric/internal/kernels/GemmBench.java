package dev.legate.numeric.internal.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Timing harness (not a test): n x n GEMM (default 2048) in float64 and float32, on one thread
 * and on T threads (default 2) that split the rows of C, against NumPy's {@code a @ b} with
 * OpenBLAS on 1 and T threads, measured in the same run. Arguments: {@code [n [threads]]}.
 */
public final class GemmBench {
    private GemmBench() {}

    /** Prints GFLOP/s of ours and NumPy's for each precision and thread count, and their ratio. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double flops = 2.0 * n * n * n;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Arena arena = Arena.ofShared()) {
            for (boolean dbl : new boolean[] {true, false}) {
                int size = dbl ? 8 : 4;
                MemorySegment a = random(arena, n, size, 1);
                MemorySegment b = random(arena, n, size, 2);
                MemorySegment c = arena.allocate((long) n * n * size, 64);
                String dtype = dbl ? "np.float64" : "np.float32";
                for (int t : new int[] {1, threads}) {
                    double ours = best(() -> parallel(pool, t, n, dbl, a, b, c));
                    double numpy = BenchSupport.python("import os\nos.environ['OPENBLAS_NUM_THREADS'] = '" + t
                            + "'\nimport numpy as np\nr = np.random.default_rng(0)\na = r.random((" + n + ", " + n
                            + ")).astype(" + dtype + ")\nb = r.random((" + n + ", " + n + ")).astype(" + dtype
                            + ")\na @ b\n", "a @ b");
                    System.out.printf(Locale.ROOT,
                            "gemm %s n=%d threads=%d: ours %.1f GFLOP/s, numpy %.1f GFLOP/s, ours/numpy = %.2f%n",
                            dbl ? "f64" : "f32", n, t, flops / ours * 1e-9, flops / numpy * 1e-9, numpy / ours);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static MemorySegment random(Arena arena, int n, int size, long seed) {
        MemorySegment s = arena.allocate((long) n * n * size, 64);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (long i = 0; i < (long) n * n; i++) {
            if (size == 8) {
                s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rnd.nextDouble());
            } else {
                s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) rnd.nextDouble());
            }
        }
        return s;
    }

    /** C = A B with the rows of C split evenly over {@code t} tasks. */
    private static void parallel(ExecutorService pool, int t, int n, boolean dbl, MemorySegment a, MemorySegment b,
            MemorySegment c) {
        Future<?>[] parts = new Future<?>[t];
        for (int p = 0; p < t; p++) {
            int r0 = (int) ((long) n * p / t);
            int r1 = (int) ((long) n * (p + 1) / t);
            parts[p] = pool.submit(() -> {
                if (dbl) {
                    Gemm.dgemm(false, false, r1 - r0, n, n, 1.0, a, (long) r0 * n, n, b, 0, n, 0.0, c, (long) r0 * n, n);
                } else {
                    Gemm.sgemm(false, false, r1 - r0, n, n, 1.0f, a, (long) r0 * n, n, b, 0, n, 0.0f, c, (long) r0 * n, n);
                }
            });
        }
        try {
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("gemm part failed", e);
        }
    }

    /**
     * Best of 5 timed runs after 3 untimed ones: the untimed runs let the JIT settle and the
     * heap reach its working size (first-touch page faults of fresh heap are very slow on some
     * virtual machines and would otherwise be timed).
     */
    private static double best(Runnable r) {
        for (int rep = 0; rep < 3; rep++) {
            r.run();
        }
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long t = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t) * 1e-9);
        }
        return best;
    }
}
