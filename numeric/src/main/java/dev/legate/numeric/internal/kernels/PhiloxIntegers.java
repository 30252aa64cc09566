package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Unbiased bounded integers from a {@link Philox} stream by Lemire's multiply-and-reject method
 * ("Fast Random Integer Generation in an Interval", ACM TOMACS 2019), the method NumPy's
 * {@code Generator.integers} uses.
 *
 * <p><b>Definition.</b> A call draws values in {@code [low, low + span]} (both ends included;
 * {@code span} is unsigned, so {@code span = -1} means the whole 64- or 32-bit range). Element
 * {@code i} takes the 64-bit (for longs) or 32-bit (for ints) element {@code i} of the stream,
 * {@code x}, and with {@code r = span + 1} forms the double-width product {@code m = x r}; if
 * the low half of {@code m} is below {@code 2^w mod r} the draw is rejected and replaced by
 * element {@code i} of the same stream with Philox counter word 3 (the {@code attempt}) set to
 * 1, 2, ... until one is accepted. The value is {@code low + (m >>> w)}. The rejection
 * probability is {@code (2^w mod r) / 2^w}, below 1/2 and usually tiny.
 *
 * <p><b>Determinism.</b> The retries of element {@code i} use counters that no other element
 * and no attempt-0 draw uses, so element {@code i} depends only on
 * {@code (seed, stream, i, low, span)}, bitwise, for every split of the index range.
 *
 * <p><b>Layout.</b> As {@link Philox}: element {@code j} of a call (global index
 * {@code first + j}) goes to element {@code offset + j * stride} of {@code out}.
 */
public final class PhiloxIntegers {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final long MASK32 = 0xFFFF_FFFFL;

    private PhiloxIntegers() {}

    /**
     * Writes longs uniform on {@code [low, low + span]} ({@code span} unsigned) for global
     * indices {@code [first, first + count)}.
     */
    public static void fillLongs(long seed, int stream, long first, long low, long span, MemorySegment out,
            long offset, long stride, long count) {
        Philox.fillBits64(seed, stream, first, out, offset, stride, count);
        if (span == -1L) {
            if (low != 0) {
                for (long j = 0; j < count; j++) {
                    long at = offset + j * stride;
                    out.setAtIndex(LONG, at, low + out.getAtIndex(LONG, at));
                }
            }
            return;
        }
        long r = span + 1;
        long threshold = Long.remainderUnsigned(-r, r);
        long[] blk = new long[2];
        for (long j = 0; j < count; j++) {
            long at = offset + j * stride;
            long x = out.getAtIndex(LONG, at);
            long lowBits = x * r;
            int attempt = 0;
            while (Long.compareUnsigned(lowBits, threshold) < 0) {
                Philox.block64(seed, stream, ++attempt, (first + j) >>> 1, blk);
                x = blk[(int) ((first + j) & 1)];
                lowBits = x * r;
            }
            out.setAtIndex(LONG, at, low + Math.unsignedMultiplyHigh(x, r));
        }
    }

    /**
     * Writes ints uniform on {@code [low, low + span]} ({@code span} unsigned) for global indices
     * {@code [first, first + count)}.
     */
    public static void fillInts(long seed, int stream, long first, int low, int span, MemorySegment out,
            long offset, long stride, long count) {
        Philox.fillBits32(seed, stream, first, out, offset, stride, count);
        if (span == -1) {
            if (low != 0) {
                for (long j = 0; j < count; j++) {
                    long at = offset + j * stride;
                    out.setAtIndex(INT, at, low + out.getAtIndex(INT, at));
                }
            }
            return;
        }
        long r = (span & MASK32) + 1;
        long threshold = ((1L << 32) - r) % r;
        long[] blk = new long[2];
        for (long j = 0; j < count; j++) {
            long at = offset + j * stride;
            long m = (out.getAtIndex(INT, at) & MASK32) * r;
            int attempt = 0;
            while ((m & MASK32) < threshold) {
                long i = first + j;
                Philox.block64(seed, stream, ++attempt, i >>> 2, blk);
                long w = blk[(int) ((i >>> 1) & 1)];
                m = (((i & 1) == 0 ? w : w >>> 32) & MASK32) * r;
            }
            out.setAtIndex(INT, at, low + (int) (m >>> 32));
        }
    }
}
