package dev.legate.numeric.internal.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * Timing harness (not a test): standard normals, uniforms and bounded integers of 2^26
 * elements on one thread into preallocated memory, against NumPy's {@code default_rng(0)}
 * measured in the same run (with {@code out=} where NumPy has it, so neither side pays for
 * allocation; {@code integers} has no {@code out=}).
 * Run with {@code java --add-modules jdk.incubator.vector -cp ... PhiloxBench}.
 */
public final class PhiloxBench {
    private static final long N = 1L << 26;

    private PhiloxBench() {}

    /** Prints one line per kernel: best time, ns per element and NumPy's time over ours. */
    public static void main(String[] args) throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = arena.allocate(N * 8, 64);
            MemorySegment f = arena.allocate(N * 4, 64);
            report("standard_normal f64", best(() -> PhiloxNormal.fillDoubles(0, 0, 0, d, 0, 1, N)),
                    BenchSupport.numpy("rng.standard_normal(out=d)", N));
            report("standard_normal f32", best(() -> PhiloxNormal.fillFloats(0, 0, 0, f, 0, 1, N)),
                    BenchSupport.numpy("rng.standard_normal(dtype=np.float32, out=f)", N));
            report("random f64", best(() -> Philox.fillUniformDoubles(0, 0, 0, d, 0, 1, N)),
                    BenchSupport.numpy("rng.random(out=d)", N));
            report("random f32", best(() -> Philox.fillUniformFloats(0, 0, 0, f, 0, 1, N)),
                    BenchSupport.numpy("rng.random(dtype=np.float32, out=f)", N));
            report("integers [0,1000) i64", best(() -> PhiloxIntegers.fillLongs(0, 0, 0, 0, 999, d, 0, 1, N)),
                    BenchSupport.numpy("rng.integers(0, 1000, n)", N));
            double sum = 0;
            for (long i = 0; i < N; i += 4099) {
                sum += d.getAtIndex(ValueLayout.JAVA_LONG, i) + f.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            }
            System.out.printf(Locale.ROOT, "(checksum %g)%n", sum);
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

    private static void report(String what, double ours, double numpy) {
        System.out.printf(Locale.ROOT, "%-24s n=2^26  ours %.3f s (%.2f ns/elem)  numpy %.3f s  numpy/ours = %.2fx%n",
                what, ours, ours * 1e9 / N, numpy, numpy / ours);
    }
}
