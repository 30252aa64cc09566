package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Timing harness (not a test): sort and stable argsort of 2^22 random float64 and int64 on one
 * thread, against NumPy's {@code np.sort} and {@code np.argsort} measured in the same run.
 */
public final class SortingBench {
    private static final int N = 1 << 22;

    private SortingBench() {}

    /** Prints one line per kernel with our time, NumPy's and their ratio. */
    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] d = new double[N];
        long[] l = new long[N];
        for (int i = 0; i < N; i++) {
            d[i] = rnd.nextGaussian();
            l[i] = rnd.nextLong();
        }
        long[] out = new long[N];
        String setup = "import numpy as np\nr = np.random.default_rng(1)\nd = r.normal(size=" + N
                + ")\nl = r.integers(-2**62, 2**62, size=" + N + ")\n";
        report("sort f64", best(() -> {
            double[] c = d.clone();
            Sorting.sort(SortKey.FLOAT64, MemorySegment.ofArray(c), 0, N);
        }), BenchSupport.python(setup, "np.sort(d)"));
        report("argsort f64 (stable)", best(() -> Sorting.argsort(SortKey.FLOAT64, MemorySegment.ofArray(d), 0, 1, N,
                MemorySegment.ofArray(out), 0)), BenchSupport.python(setup, "np.argsort(d, kind='stable')"));
        report("argsort f64 vs default", best(() -> Sorting.argsort(SortKey.FLOAT64, MemorySegment.ofArray(d), 0, 1,
                N, MemorySegment.ofArray(out), 0)), BenchSupport.python(setup, "np.argsort(d)"));
        report("sort i64", best(() -> {
            long[] c = l.clone();
            Sorting.sort(SortKey.INT64, MemorySegment.ofArray(c), 0, N);
        }), BenchSupport.python(setup, "np.sort(l)"));
        report("argsort i64 (stable)", best(() -> Sorting.argsort(SortKey.INT64, MemorySegment.ofArray(l), 0, 1, N,
                MemorySegment.ofArray(out), 0)), BenchSupport.python(setup, "np.argsort(l, kind='stable')"));
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

    private static void report(String what, double ours, double numpy) {
        System.out.printf(Locale.ROOT, "%-24s n=2^22  ours %.3f s  numpy %.3f s  numpy/ours = %.2fx%n", what, ours,
                numpy, numpy / ours);
    }
}
