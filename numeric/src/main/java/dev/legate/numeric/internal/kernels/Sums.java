package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * NumPy's pairwise summation, and the blocked form of it from which distributed sums are made
 * bitwise independent of the tiling.
 *
 * <p><b>Pairwise sum.</b> {@link #pairwise} is NumPy's {@code pairwise_sum} (loops_utils.h):
 * fewer than 8 elements are added in order to {@code 0.0}; up to 128 elements go into eight
 * accumulators ({@code r[j] += a[i + j]}, {@code i} in steps of 8), which combine as
 * {@code ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))}, then the remaining
 * {@code n % 8} elements are added in order; longer runs split at {@code n2 = n / 2 - (n / 2) % 8}
 * and add the two halves' sums. For a 1-d float64 array this is bitwise what {@code np.sum}
 * returns (NumPy reduces a contiguous or unbuffered strided array with one such call, starting
 * from the identity 0.0). {@link #pairwiseFloat} is the float32 loop, accumulating in float.
 *
 * <p><b>Blocked sums for determinism.</b> Cut the global index range {@code [0, N)} of the
 * elements to be summed into blocks of {@code B} elements (block {@code b} holds
 * {@code [bB, (b+1)B)}, the last one possibly shorter). The partial of a block is its pairwise
 * sum, so it depends only on that block's elements ({@link #blockSums}). Partials combine by
 * {@link #combine}: over block indices {@code [lo, hi)}, one partial is itself, and otherwise
 * the range splits at {@code lo + h} with {@code h} the largest power of two below
 * {@code hi - lo}, the two sides combined recursively and added. Every range
 * {@code [k 2^j, (k+1) 2^j)} inside {@code [0, nBlocks)} is a node of that tree, and so is the
 * final partial range {@code [k 2^j, nBlocks)}. Hence: if every tile holds a whole number
 * {@code T = 2^j} of blocks starting at a multiple of {@code T} blocks (the last tile may be
 * shorter), each tile can combine its own partials into one value, and combining the tiles'
 * values in tile order with {@link #combine} gives exactly {@code combine} of all partials —
 * the same bits for any such tiling and any number of processors.
 *
 * <p><b>Layout.</b> Runs of {@code n} elements from {@code offset} with {@code stride}, in
 * native byte order; contiguous runs take a vector path that performs the same additions lane
 * for lane (eight accumulators as two 4-lane vectors, on every machine).
 */
public final class Sums {
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final int PW_BLOCKSIZE = 128;

    private Sums() {}

    /** NumPy's {@code pairwise_sum} of a float64 run. */
    public static double pairwise(MemorySegment s, long offset, long stride, long n) {
        if (n < 8) {
            double res = 0.0;
            for (long i = 0; i < n; i++) {
                res += s.getAtIndex(DOUBLE, offset + i * stride);
            }
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            double r0, r1, r2, r3, r4, r5, r6, r7;
            long i = 8;
            long n8 = n - n % 8;
            if (stride == 1) {
                DoubleVector lo = DoubleVector.fromMemorySegment(D4, s, offset * 8, Philox.NATIVE);
                DoubleVector hi = DoubleVector.fromMemorySegment(D4, s, (offset + 4) * 8, Philox.NATIVE);
                for (; i < n8; i += 8) {
                    lo = lo.add(DoubleVector.fromMemorySegment(D4, s, (offset + i) * 8, Philox.NATIVE));
                    hi = hi.add(DoubleVector.fromMemorySegment(D4, s, (offset + i + 4) * 8, Philox.NATIVE));
                }
                r0 = lo.lane(0);
                r1 = lo.lane(1);
                r2 = lo.lane(2);
                r3 = lo.lane(3);
                r4 = hi.lane(0);
                r5 = hi.lane(1);
                r6 = hi.lane(2);
                r7 = hi.lane(3);
            } else {
                r0 = s.getAtIndex(DOUBLE, offset);
                r1 = s.getAtIndex(DOUBLE, offset + stride);
                r2 = s.getAtIndex(DOUBLE, offset + 2 * stride);
                r3 = s.getAtIndex(DOUBLE, offset + 3 * stride);
                r4 = s.getAtIndex(DOUBLE, offset + 4 * stride);
                r5 = s.getAtIndex(DOUBLE, offset + 5 * stride);
                r6 = s.getAtIndex(DOUBLE, offset + 6 * stride);
                r7 = s.getAtIndex(DOUBLE, offset + 7 * stride);
                for (; i < n8; i += 8) {
                    long at = offset + i * stride;
                    r0 += s.getAtIndex(DOUBLE, at);
                    r1 += s.getAtIndex(DOUBLE, at + stride);
                    r2 += s.getAtIndex(DOUBLE, at + 2 * stride);
                    r3 += s.getAtIndex(DOUBLE, at + 3 * stride);
                    r4 += s.getAtIndex(DOUBLE, at + 4 * stride);
                    r5 += s.getAtIndex(DOUBLE, at + 5 * stride);
                    r6 += s.getAtIndex(DOUBLE, at + 6 * stride);
                    r7 += s.getAtIndex(DOUBLE, at + 7 * stride);
                }
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += s.getAtIndex(DOUBLE, offset + i * stride);
            }
            return res;
        } else {
            long n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(s, offset, stride, n2) + pairwise(s, offset + n2 * stride, stride, n - n2);
        }
    }

    /** NumPy's float32 {@code pairwise_sum}, accumulating in float. */
    public static float pairwiseFloat(MemorySegment s, long offset, long stride, long n) {
        if (n < 8) {
            float res = 0.0f;
            for (long i = 0; i < n; i++) {
                res += s.getAtIndex(FLOAT, offset + i * stride);
            }
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            float r0, r1, r2, r3, r4, r5, r6, r7;
            long i = 8;
            long n8 = n - n % 8;
            if (stride == 1) {
                FloatVector acc = FloatVector.fromMemorySegment(F8, s, offset * 4, Philox.NATIVE);
                for (; i < n8; i += 8) {
                    acc = acc.add(FloatVector.fromMemorySegment(F8, s, (offset + i) * 4, Philox.NATIVE));
                }
                r0 = acc.lane(0);
                r1 = acc.lane(1);
                r2 = acc.lane(2);
                r3 = acc.lane(3);
                r4 = acc.lane(4);
                r5 = acc.lane(5);
                r6 = acc.lane(6);
                r7 = acc.lane(7);
            } else {
                r0 = s.getAtIndex(FLOAT, offset);
                r1 = s.getAtIndex(FLOAT, offset + stride);
                r2 = s.getAtIndex(FLOAT, offset + 2 * stride);
                r3 = s.getAtIndex(FLOAT, offset + 3 * stride);
                r4 = s.getAtIndex(FLOAT, offset + 4 * stride);
                r5 = s.getAtIndex(FLOAT, offset + 5 * stride);
                r6 = s.getAtIndex(FLOAT, offset + 6 * stride);
                r7 = s.getAtIndex(FLOAT, offset + 7 * stride);
                for (; i < n8; i += 8) {
                    long at = offset + i * stride;
                    r0 += s.getAtIndex(FLOAT, at);
                    r1 += s.getAtIndex(FLOAT, at + stride);
                    r2 += s.getAtIndex(FLOAT, at + 2 * stride);
                    r3 += s.getAtIndex(FLOAT, at + 3 * stride);
                    r4 += s.getAtIndex(FLOAT, at + 4 * stride);
                    r5 += s.getAtIndex(FLOAT, at + 5 * stride);
                    r6 += s.getAtIndex(FLOAT, at + 6 * stride);
                    r7 += s.getAtIndex(FLOAT, at + 7 * stride);
                }
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += s.getAtIndex(FLOAT, offset + i * stride);
            }
            return res;
        } else {
            long n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseFloat(s, offset, stride, n2) + pairwiseFloat(s, offset + n2 * stride, stride, n - n2);
        }
    }

    /**
     * Writes the partials of the blocks of a run whose first element starts a block:
     * {@code partials[partialsOffset + k] = pairwise(elements [kB, min((k+1)B, n)))}; there are
     * {@code ceil(n / B)} of them.
     *
     * @throws IllegalArgumentException if {@code blockSize < 1}
     */
    public static void blockSums(MemorySegment s, long offset, long stride, long n, int blockSize, double[] partials,
            int partialsOffset) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
        int k = partialsOffset;
        for (long b = 0; b < n; b += blockSize, k++) {
            partials[k] = pairwise(s, offset + b * stride, stride, Math.min(blockSize, n - b));
        }
    }

    /**
     * Combines {@code values[lo .. hi)} by the fixed tree of the class comment; 0.0 for an empty
     * range.
     */
    public static double combine(double[] values, int lo, int hi) {
        int m = hi - lo;
        if (m <= 0) {
            return 0.0;
        }
        if (m == 1) {
            return values[lo];
        }
        int h = Integer.highestOneBit(m - 1);
        return combine(values, lo, lo + h) + combine(values, lo + h, hi);
    }
}
