package dev.legate.numeric.internal.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiloxTest {
    /*
     * Known-answer vectors of philox4x32_10 from Random123's tests/kat_vectors (D. E. Shaw
     * Research, Random123 1.09; the same three are in Random123-Boost's test_philox.cpp):
     * counter words, key words, expected output words.
     */
    private static final int[][][] KAT = {
        {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
        {{-1, -1, -1, -1}, {-1, -1}, {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
        {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0},
            {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
    };

    @Test
    void matchesRandom123KnownAnswers() {
        for (int[][] kat : KAT) {
            assertArrayEquals(kat[2], Philox.block(kat[1], kat[0]));
        }
    }

    @Test
    void streamBlockIsPhiloxOfSeedPositionStreamAndAttempt() {
        long seed = 0x0123_4567_89ab_cdefL;
        long pos = 0x1_0000_0003L;
        long[] words = new long[2];
        Philox.block64(seed, 7, 2, pos, words);
        int[] w = Philox.block(new int[] {0x89abcdef, 0x01234567}, new int[] {3, 1, 7, 2});
        assertEquals((w[0] & 0xFFFF_FFFFL) | (long) w[1] << 32, words[0]);
        assertEquals((w[2] & 0xFFFF_FFFFL) | (long) w[3] << 32, words[1]);
    }

    @Test
    void elementsMapToBlockWords() {
        long seed = 42;
        int n = 1003;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment longs = arena.allocate(8L * n);
            MemorySegment ints = arena.allocate(4L * n);
            Philox.fillBits64(seed, 5, 0, longs, 0, 1, n);
            Philox.fillBits32(seed, 5, 0, ints, 0, 1, n);
            long[] words = new long[2];
            for (int i = 0; i < n; i++) {
                Philox.block64(seed, 5, 0, i / 2, words);
                assertEquals(words[i % 2], longs.getAtIndex(ValueLayout.JAVA_LONG, i), "64-bit element " + i);
                Philox.block64(seed, 5, 0, i / 4, words);
                long w = words[(i % 4) / 2];
                int expected = (int) (i % 2 == 0 ? w : w >>> 32);
                assertEquals(expected, ints.getAtIndex(ValueLayout.JAVA_INT, i), "32-bit element " + i);
            }
        }
    }

    @Property(tries = 60)
    void anyTilingGivesTheSameBits(@ForAll long seed, @ForAll @IntRange(max = 1000) int stream,
            @ForAll @LongRange(min = 0, max = 1L << 40) long first, @ForAll @IntRange(min = 1, max = 1500) int n,
            @ForAll long pieces) {
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> Philox.fillBits64(seed, stream, f, o, off, s, c),
                8, first, n, pieces);
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> Philox.fillBits32(seed, stream, f, o, off, s, c),
                4, first, n, pieces);
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> Philox.fillUniformDoubles(seed, stream, f, o, off, s, c),
                8, first, n, pieces);
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> Philox.fillUniformFloats(seed, stream, f, o, off, s, c),
                4, first, n, pieces);
    }

    @Test
    void countersCarryAcrossThe32BitBoundary() {
        long first = (1L << 33) - 40;
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> Philox.fillBits64(9, 1, f, o, off, s, c),
                8, first, 200, 3);
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> Philox.fillBits32(9, 1, f, o, off, s, c),
                4, 2 * first, 400, 4);
    }

    @Test
    void uniformDoublesUseTheTop53BitsAndAreUniform() {
        int n = 200_000;
        double[] u = new double[n];
        long[] bits = new long[n];
        Philox.fillUniformDoubles(11, 0, 0, MemorySegment.ofArray(u), 0, 1, n);
        Philox.fillBits64(11, 0, 0, MemorySegment.ofArray(bits), 0, 1, n);
        for (int i = 0; i < n; i++) {
            assertEquals((bits[i] >>> 11) * 0x1.0p-53, u[i]);
            assertTrue(u[i] >= 0 && u[i] < 1);
        }
        double d = Distributions.ksStatistic(u, x -> x);
        assertTrue(d < Distributions.ksCritical(n), "KS statistic " + d + " for uniform doubles");
    }

    @Test
    void uniformFloatsUseTheTop24BitsAndAreUniform() {
        int n = 200_000;
        float[] u = new float[n];
        int[] bits = new int[n];
        Philox.fillUniformFloats(12, 3, 5, MemorySegment.ofArray(u), 0, 1, n);
        Philox.fillBits32(12, 3, 5, MemorySegment.ofArray(bits), 0, 1, n);
        double[] asDouble = new double[n];
        for (int i = 0; i < n; i++) {
            assertEquals((bits[i] >>> 8) * 0x1.0p-24f, u[i]);
            assertTrue(u[i] >= 0 && u[i] < 1);
            asDouble[i] = u[i];
        }
        double d = Distributions.ksStatistic(asDouble, x -> x);
        assertTrue(d < Distributions.ksCritical(n), "KS statistic " + d + " for uniform floats");
    }

    @Test
    void bitsAreBalancedAndStreamsDiffer() {
        int n = 1 << 16;
        long[] a = new long[n];
        long[] b = new long[n];
        Philox.fillBits64(1, 0, 0, MemorySegment.ofArray(a), 0, 1, n);
        Philox.fillBits64(1, 1, 0, MemorySegment.ofArray(b), 0, 1, n);
        long ones = 0;
        int equal = 0;
        for (int i = 0; i < n; i++) {
            ones += Long.bitCount(a[i]);
            equal += a[i] == b[i] ? 1 : 0;
        }
        double z = (ones - 32.0 * n) / Math.sqrt(16.0 * n);
        assertTrue(Math.abs(z) < 5, "bit balance z-score " + z);
        assertEquals(0, equal, "streams 0 and 1 of one seed share values");
    }

    @Test
    void rejectsNegativeRuns() {
        MemorySegment out = MemorySegment.ofArray(new double[4]);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Philox.fillUniformDoubles(0, 0, -1, out, 0, 1, 4));
        assertTrue(e.getMessage().contains("first=-1"), e.getMessage());
    }
}
