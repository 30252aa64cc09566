package dev.legate.numeric.internal.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A random-stream fill kernel seen through one signature, and the law all of them obey: filling
 * a range at once or in arbitrary pieces, contiguous or strided, gives the same bits.
 */
@FunctionalInterface
interface StreamFill {
    /** Fills global indices {@code [first, first + count)} into {@code out} at {@code offset + j * stride}. */
    void fill(long first, MemorySegment out, long offset, long stride, long count);

    /**
     * Fills {@code [first, first + n)} at once, then again in random pieces written at random
     * strides, and asserts every element's bits (of {@code bytes} bytes) agree.
     */
    static void assertTilingInvariant(StreamFill f, int bytes, long first, int n, long pieceSeed) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment whole = arena.allocate((long) n * bytes + 8, 8);
            f.fill(first, whole, 0, 1, n);
            SplittableRandom rnd = new SplittableRandom(pieceSeed);
            int maxStride = 3;
            MemorySegment pieces = arena.allocate((long) n * bytes * maxStride + 64, 8);
            long[] where = new long[n];
            int done = 0;
            long base = 1;
            while (done < n) {
                int len = Math.min(n - done, rnd.nextInt(1, 70));
                long stride = rnd.nextInt(1, maxStride + 1);
                f.fill(first + done, pieces, base, stride, len);
                for (int j = 0; j < len; j++) {
                    where[done + j] = base + j * stride;
                }
                base += len * stride;
                done += len;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(bits(whole, bytes, i), bits(pieces, bytes, where[i]),
                        "element " + (first + i) + " differs between a whole fill and a piecewise fill");
            }
        }
    }

    private static long bits(MemorySegment s, int bytes, long index) {
        return bytes == 8 ? s.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, index)
                : s.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, index);
    }
}
