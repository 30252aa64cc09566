package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiloxIntegersTest {
    @Test
    void smallRangeIsUniformAndInclusive() {
        int n = 1 << 20;
        long[] v = new long[n];
        PhiloxIntegers.fillLongs(3, 0, 0, -5, 9, MemorySegment.ofArray(v), 0, 1, n);
        long[] counts = new long[10];
        for (long x : v) {
            assertTrue(x >= -5 && x <= 4, "value " + x + " outside [-5, 4]");
            counts[(int) (x + 5)]++;
        }
        double chi = Distributions.chiSquareUniform(counts);
        assertTrue(chi < Distributions.chiSquareCritical(9), "chi-square " + chi);
    }

    @Test
    void intRangeIsUniformAndInclusive() {
        int n = 1 << 20;
        int[] v = new int[n];
        PhiloxIntegers.fillInts(4, 1, 0, 100, 6, MemorySegment.ofArray(v), 0, 1, n);
        long[] counts = new long[7];
        for (int x : v) {
            assertTrue(x >= 100 && x <= 106, "value " + x + " outside [100, 106]");
            counts[x - 100]++;
        }
        assertTrue(Distributions.chiSquareUniform(counts) < Distributions.chiSquareCritical(6));
    }

    @Test
    void heavyRejectionStaysUnbiased() {
        // r = 2^63 + 1 rejects almost half of all draws; values are in [0, 2^63] and must still
        // fall in the upper half [2^62, 2^63] half of the time.
        int n = 1 << 18;
        long[] v = new long[n];
        long span = Long.MIN_VALUE;
        PhiloxIntegers.fillLongs(8, 0, 0, 0, span, MemorySegment.ofArray(v), 0, 1, n);
        long high = 0;
        for (long x : v) {
            assertTrue(Long.compareUnsigned(x, span) <= 0, "value " + Long.toUnsignedString(x) + " above span");
            high += x >= 1L << 62 ? 1 : 0;
        }
        assertEquals(n / 2.0, high, 5 * Math.sqrt(n / 4.0), "offsets in the upper half");
        int[] w = new int[n];
        PhiloxIntegers.fillInts(8, 0, 0, 0, 0x8000_0000, MemorySegment.ofArray(w), 0, 1, n);
        long wHigh = 0;
        for (int x : w) {
            assertTrue(Integer.compareUnsigned(x, 0x8000_0000) <= 0);
            wHigh += Integer.compareUnsigned(x, 1 << 30) >= 0 ? 1 : 0;
        }
        assertEquals(n / 2.0, wHigh, 5 * Math.sqrt(n / 4.0), "int offsets in the upper half");
    }

    @Test
    void fullSpanIsTheRawStreamShifted() {
        int n = 100;
        long[] raw = new long[n];
        long[] v = new long[n];
        Philox.fillBits64(1, 2, 3, MemorySegment.ofArray(raw), 0, 1, n);
        PhiloxIntegers.fillLongs(1, 2, 3, 10, -1, MemorySegment.ofArray(v), 0, 1, n);
        for (int i = 0; i < n; i++) {
            assertEquals(raw[i] + 10, v[i]);
        }
        int[] one = new int[n];
        PhiloxIntegers.fillInts(1, 2, 3, 7, 0, MemorySegment.ofArray(one), 0, 1, n);
        for (int x : one) {
            assertEquals(7, x);
        }
    }

    @Property(tries = 40)
    void anyTilingGivesTheSameBitsEvenWithRejections(@ForAll long seed,
            @ForAll @LongRange(min = 0, max = 1L << 40) long first, @ForAll @IntRange(min = 1, max = 1000) int n,
            @ForAll long pieces) {
        StreamFill.assertTilingInvariant(
                (f, o, off, s, c) -> PhiloxIntegers.fillLongs(seed, 0, f, -3, Long.MIN_VALUE + 7, o, off, s, c),
                8, first, n, pieces);
        StreamFill.assertTilingInvariant(
                (f, o, off, s, c) -> PhiloxIntegers.fillInts(seed, 0, f, 5, 0xC000_0000, o, off, s, c),
                4, first, n, pieces);
    }
}
