package dev.legate.bench.numeric;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.stream.IntStream;

/**
 * The STREAM triad {@code a = b + s c} over off-heap arrays far larger than the caches, on all
 * cores: the machine's sustainable memory bandwidth as a Java program sees it. Bytes are
 * counted as STREAM counts them (24 per element).
 */
final class Triad {
    private Triad() {
    }

    /** The best of {@code reps} triads over {@code n} doubles, in GB/s. */
    static double bandwidth(long n, int reps) {
        int threads = Runtime.getRuntime().availableProcessors();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment a = arena.allocate(n * 8, 64);
            MemorySegment b = arena.allocate(n * 8, 64);
            MemorySegment c = arena.allocate(n * 8, 64);
            IntStream.range(0, threads).parallel().forEach(t -> {
                for (long i = n * t / threads, e = n * (t + 1) / threads; i < e; i++) {
                    b.setAtIndex(ValueLayout.JAVA_DOUBLE, i, 1.0);
                    c.setAtIndex(ValueLayout.JAVA_DOUBLE, i, 2.0);
                    a.setAtIndex(ValueLayout.JAVA_DOUBLE, i, 0.0);
                }
            });
            double best = Double.MAX_VALUE;
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                IntStream.range(0, threads).parallel().forEach(t -> run(a, b, c, n * t / threads,
                        n * (t + 1) / threads));
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return 24.0 * n / best / 1e9;
        }
    }

    private static void run(MemorySegment a, MemorySegment b, MemorySegment c, long lo, long hi) {
        for (long i = lo; i < hi; i++) {
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, i, b.getAtIndex(ValueLayout.JAVA_DOUBLE, i)
                    + 3.0 * c.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
        }
    }
}
