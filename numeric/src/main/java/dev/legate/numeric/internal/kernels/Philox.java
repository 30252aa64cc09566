package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Philox4x32-10 counter-based generator (Salmon, Moraes, Dror and Shaw, "Parallel Random
 * Numbers: As Easy as 1, 2, 3", SC11; bit-exact with Random123's {@code philox4x32_10}) and the
 * raw-bit and uniform streams built on it.
 *
 * <p><b>Streams.</b> A stream is named by a 64-bit {@code seed} and a 32-bit {@code stream}
 * number; its elements are indexed by a global element index {@code i >= 0}. Block {@code pos}
 * of a stream is Philox4x32-10 with
 * <pre>
 *   key     = (low 32 bits of seed, high 32 bits of seed)
 *   counter = (low 32 bits of pos, high 32 bits of pos, stream, attempt)
 * </pre>
 * where {@code attempt} is 0 except for the rejection retries of {@link PhiloxIntegers}. The
 * four output words {@code w0..w3} of a block form two 64-bit words
 * {@code lo = w0 | w1 << 32} and {@code hi = w2 | w3 << 32}. Then:
 * <ul>
 *   <li>64-bit element {@code i} is {@code lo} of block {@code i / 2} when {@code i} is even,
 *       {@code hi} when odd;
 *   <li>32-bit element {@code i} is word {@code i % 4} of block {@code i / 4}.
 * </ul>
 * Uniform doubles are {@code (u64 >>> 11) * 2^-53} and uniform floats
 * {@code (u32 >>> 8) * 2^-24}, NumPy's {@code random_standard_uniform} and
 * {@code random_standard_uniform_f} conversions. NumPy's own {@code Philox} bit generator is
 * Philox4x64-10 seeded through {@code SeedSequence}, so these numbers do not equal NumPy's; only
 * the algorithm family and the conversions are shared.
 *
 * <p><b>Determinism.</b> Element {@code i} depends only on {@code (seed, stream, i)}: filling a
 * range in one call or in any number of sub-ranges, on any machine, with or without the vector
 * path, gives bitwise-equal results.
 *
 * <p><b>Layout.</b> The {@code fill} methods write {@code count} elements; element {@code j}
 * (global index {@code first + j}) goes to element {@code offset + j * stride} of {@code out},
 * in native byte order. Contiguous runs ({@code stride == 1}) take the vector path.
 */
public final class Philox {
    static final long M0 = 0xD2511F53L;
    static final long M1 = 0xCD9E8D57L;
    static final long W0 = 0x9E3779B9L;
    static final long W1 = 0xBB67AE85L;
    static final long MASK32 = 0xFFFF_FFFFL;
    private static final int ROUNDS = 10;

    static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Blocks per vector step: one block per long lane. */
    static final int LANES = LONGS.length();
    /** Blocks per chunk of the vector path (a multiple of LANES); sized to stay in L1. */
    static final int CHUNK = 32 * LANES;
    private static final LongVector IOTA = LongVector.zero(LONGS).addIndex(1);
    /*
     * Index vectors for selectFrom(a, b) that interleave a0, b0, a1, b1, ...: the first and the
     * second half. Vector code here never passes vectors to methods of ours: when the JIT does
     * not inline such a method (it stops inlining in large compilation units), every vector
     * crossing the call is boxed on the heap.
     */
    static final LongVector INTERLEAVE_LOW = interleaveIndex(0);
    static final LongVector INTERLEAVE_HIGH = interleaveIndex(LANES / 2);

    static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private Philox() {}

    /**
     * Computes one Philox4x32-10 block: the four 32-bit words of {@code counter} encrypted under
     * the two 32-bit words of {@code key}, exactly as Random123's {@code philox4x32_10}.
     *
     * @param key two words {@code k0, k1}
     * @param counter four words {@code c0..c3}
     * @return the four output words
     * @throws IllegalArgumentException if {@code key} does not have 2 words or {@code counter} 4
     */
    public static int[] block(int[] key, int[] counter) {
        if (key.length != 2 || counter.length != 4) {
            throw new IllegalArgumentException("Philox4x32 needs a 2-word key and a 4-word counter, got "
                    + key.length + " and " + counter.length + " words");
        }
        long[] words = new long[2];
        block64((key[0] & MASK32) | (long) key[1] << 32, counter[2], counter[3],
                (counter[0] & MASK32) | (long) counter[1] << 32, words);
        return new int[] {(int) words[0], (int) (words[0] >>> 32), (int) words[1], (int) (words[1] >>> 32)};
    }

    /**
     * Computes block {@code pos} of a stream as its two 64-bit words: {@code out[0] = lo},
     * {@code out[1] = hi}.
     */
    static void block64(long seed, int stream, int attempt, long pos, long[] out) {
        long x0 = pos & MASK32, x1 = pos >>> 32, x2 = stream & MASK32, x3 = attempt & MASK32;
        long k0 = seed & MASK32, k1 = seed >>> 32;
        for (int r = 0; r < ROUNDS; r++) {
            long p0 = M0 * x0, p1 = M1 * x2;
            long y0 = (p1 >>> 32) ^ x1 ^ k0;
            long y2 = (p0 >>> 32) ^ x3 ^ k1;
            x1 = p1 & MASK32;
            x3 = p0 & MASK32;
            x0 = y0;
            x2 = y2;
            k0 = (k0 + W0) & MASK32;
            k1 = (k1 + W1) & MASK32;
        }
        out[0] = x0 | x1 << 32;
        out[1] = x2 | x3 << 32;
    }

    /**
     * Computes blocks {@code pos .. pos + n - 1} of a stream into {@code lo[0 .. n)} and
     * {@code hi[0 .. n)}, bitwise equal to {@link #block64} block by block; {@code n} is a
     * multiple of {@link #LANES}. The arrays must hold {@code n} rounded up to a multiple of
     * {@code 2 LANES} words: two vectors of blocks are computed side by side, because one is a
     * dependency chain that leaves most of the processor idle.
     */
    static void blocks64(long seed, int stream, int attempt, long pos, int n, long[] lo, long[] hi) {
        LongVector x2Start = LongVector.broadcast(LONGS, stream & MASK32);
        LongVector x3Start = LongVector.broadcast(LONGS, attempt & MASK32);
        for (int k = 0; k < n; k += 2 * LANES) {
            LongVector idxA = IOTA.add(pos + k), idxB = IOTA.add(pos + k + LANES);
            LongVector a0 = idxA.and(MASK32), a1 = idxA.lanewise(VectorOperators.LSHR, 32);
            LongVector b0 = idxB.and(MASK32), b1 = idxB.lanewise(VectorOperators.LSHR, 32);
            LongVector a2 = x2Start, a3 = x3Start, b2 = x2Start, b3 = x3Start;
            long k0 = seed & MASK32, k1 = seed >>> 32;
            for (int r = 0; r < ROUNDS; r++) {
                LongVector pa0 = a0.mul(M0), pa1 = a2.mul(M1), pb0 = b0.mul(M0), pb1 = b2.mul(M1);
                LongVector ya0 = pa1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, a1)
                        .lanewise(VectorOperators.XOR, k0);
                LongVector ya2 = pa0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, a3)
                        .lanewise(VectorOperators.XOR, k1);
                LongVector yb0 = pb1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, b1)
                        .lanewise(VectorOperators.XOR, k0);
                LongVector yb2 = pb0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, b3)
                        .lanewise(VectorOperators.XOR, k1);
                a1 = pa1.and(MASK32);
                a3 = pa0.and(MASK32);
                a0 = ya0;
                a2 = ya2;
                b1 = pb1.and(MASK32);
                b3 = pb0.and(MASK32);
                b0 = yb0;
                b2 = yb2;
                k0 = (k0 + W0) & MASK32;
                k1 = (k1 + W1) & MASK32;
            }
            a0.or(a1.lanewise(VectorOperators.LSHL, 32)).intoArray(lo, k);
            a2.or(a3.lanewise(VectorOperators.LSHL, 32)).intoArray(hi, k);
            b0.or(b1.lanewise(VectorOperators.LSHL, 32)).intoArray(lo, k + LANES);
            b2.or(b3.lanewise(VectorOperators.LSHL, 32)).intoArray(hi, k + LANES);
        }
    }

    /**
     * A scratch array for the words of a chunk of a run of {@code blocks} blocks: at most
     * {@link #CHUNK} and a multiple of {@code 2 LANES}, as {@link #blocks64} needs.
     */
    static long[] chunkWords(long blocks) {
        return new long[(int) Math.min(CHUNK, (blocks + 2L * LANES - 1) / (2L * LANES) * (2L * LANES))];
    }

    /** The number of whole vector steps of blocks to compute next, at most {@link #CHUNK}. */
    static int chunkBlocks(long elementsLeft, int elementsPerBlock) {
        return (int) Math.min(CHUNK, elementsLeft / elementsPerBlock / LANES * LANES);
    }

    /** Lanes {@code start, L + start, start + 1, L + start + 1, ...}, for {@code selectFrom(a, b)}. */
    private static LongVector interleaveIndex(int start) {
        long[] idx = new long[LANES];
        for (int k = 0; k < LANES; k++) {
            idx[k] = start + k / 2 + (k % 2 == 0 ? 0 : LANES);
        }
        return LongVector.fromArray(LONGS, idx, 0);
    }

    /** Writes elements {@code [first, first + count)} of the 64-bit stream as {@code long}s. */
    public static void fillBits64(long seed, int stream, long first, MemorySegment out, long offset, long stride,
            long count) {
        checkRun(first, count);
        long[] blk = new long[2];
        long j = 0;
        if (stride == 1) {
            if ((first & 1) != 0 && count > 0) {
                out.setAtIndex(LONG, offset, bits64(seed, stream, first, blk));
                j = 1;
            }
            long[] lo = chunkWords(count / 2), hi = chunkWords(count / 2);
            for (int nb; (nb = chunkBlocks(count - j, 2)) > 0; j += 2L * nb) {
                blocks64(seed, stream, 0, (first + j) >>> 1, nb, lo, hi);
                long at = (offset + j) * Long.BYTES;
                for (int k = 0; k < nb; k += LANES, at += 2L * LANES * Long.BYTES) {
                    LongVector l = LongVector.fromArray(LONGS, lo, k), h = LongVector.fromArray(LONGS, hi, k);
                    INTERLEAVE_LOW.selectFrom(l, h).intoMemorySegment(out, at, NATIVE);
                    INTERLEAVE_HIGH.selectFrom(l, h).intoMemorySegment(out, at + LANES * Long.BYTES, NATIVE);
                }
            }
        }
        for (; j < count; j++) {
            out.setAtIndex(LONG, offset + j * stride, bits64(seed, stream, first + j, blk));
        }
    }

    /** Writes elements {@code [first, first + count)} of the 32-bit stream as {@code int}s. */
    public static void fillBits32(long seed, int stream, long first, MemorySegment out, long offset, long stride,
            long count) {
        checkRun(first, count);
        long[] blk = new long[2];
        long j = 0;
        if (stride == 1) {
            for (; j < count && ((first + j) & 3) != 0; j++) {
                out.setAtIndex(INT, offset + j, bits32(seed, stream, first + j, blk));
            }
            long[] lo = chunkWords(count / 4), hi = chunkWords(count / 4);
            for (int nb; (nb = chunkBlocks(count - j, 4)) > 0; j += 4L * nb) {
                blocks64(seed, stream, 0, (first + j) >>> 2, nb, lo, hi);
                long at = (offset + j) * Integer.BYTES;
                for (int k = 0; k < nb; k += LANES, at += 4L * LANES * Integer.BYTES) {
                    LongVector l = LongVector.fromArray(LONGS, lo, k), h = LongVector.fromArray(LONGS, hi, k);
                    INTERLEAVE_LOW.selectFrom(l, h).intoMemorySegment(out, at, NATIVE);
                    INTERLEAVE_HIGH.selectFrom(l, h).intoMemorySegment(out, at + LANES * Long.BYTES, NATIVE);
                }
            }
        }
        for (; j < count; j++) {
            out.setAtIndex(INT, offset + j * stride, bits32(seed, stream, first + j, blk));
        }
    }

    /**
     * Writes uniform doubles in {@code [0, 1)} with 53 random bits, element {@code i} being
     * {@code (u64(i) >>> 11) * 2^-53}.
     */
    public static void fillUniformDoubles(long seed, int stream, long first, MemorySegment out, long offset,
            long stride, long count) {
        checkRun(first, count);
        long[] blk = new long[2];
        long j = 0;
        if (stride == 1) {
            if ((first & 1) != 0 && count > 0) {
                out.setAtIndex(DOUBLE, offset, unit(bits64(seed, stream, first, blk)));
                j = 1;
            }
            long[] lo = chunkWords(count / 2), hi = chunkWords(count / 2);
            for (int nb; (nb = chunkBlocks(count - j, 2)) > 0; j += 2L * nb) {
                blocks64(seed, stream, 0, (first + j) >>> 1, nb, lo, hi);
                long at = (offset + j) * Double.BYTES;
                for (int k = 0; k < nb; k += LANES, at += 2L * LANES * Double.BYTES) {
                    LongVector l = LongVector.fromArray(LONGS, lo, k), h = LongVector.fromArray(LONGS, hi, k);
                    LongVector first8 = INTERLEAVE_LOW.selectFrom(l, h), second8 = INTERLEAVE_HIGH.selectFrom(l, h);
                    ((DoubleVector) first8.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                            .mul(0x1.0p-53).intoMemorySegment(out, at, NATIVE);
                    ((DoubleVector) second8.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                            .mul(0x1.0p-53).intoMemorySegment(out, at + LANES * Double.BYTES, NATIVE);
                }
            }
        }
        for (; j < count; j++) {
            out.setAtIndex(DOUBLE, offset + j * stride, unit(bits64(seed, stream, first + j, blk)));
        }
    }

    /**
     * Writes uniform floats in {@code [0, 1)} with 24 random bits, element {@code i} being
     * {@code (u32(i) >>> 8) * 2^-24}.
     */
    public static void fillUniformFloats(long seed, int stream, long first, MemorySegment out, long offset,
            long stride, long count) {
        checkRun(first, count);
        long[] blk = new long[2];
        long j = 0;
        if (stride == 1) {
            for (; j < count && ((first + j) & 3) != 0; j++) {
                out.setAtIndex(FLOAT, offset + j, unitFloat(bits32(seed, stream, first + j, blk)));
            }
            long[] lo = chunkWords(count / 4), hi = chunkWords(count / 4);
            for (int nb; (nb = chunkBlocks(count - j, 4)) > 0; j += 4L * nb) {
                blocks64(seed, stream, 0, (first + j) >>> 2, nb, lo, hi);
                long at = (offset + j) * Float.BYTES;
                for (int k = 0; k < nb; k += LANES, at += 4L * LANES * Float.BYTES) {
                    LongVector l = LongVector.fromArray(LONGS, lo, k), h = LongVector.fromArray(LONGS, hi, k);
                    IntVector first16 = INTERLEAVE_LOW.selectFrom(l, h).reinterpretAsInts();
                    IntVector second16 = INTERLEAVE_HIGH.selectFrom(l, h).reinterpretAsInts();
                    ((FloatVector) first16.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0))
                            .mul(0x1.0p-24f).intoMemorySegment(out, at, NATIVE);
                    ((FloatVector) second16.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0))
                            .mul(0x1.0p-24f).intoMemorySegment(out, at + LANES * Long.BYTES, NATIVE);
                }
            }
        }
        for (; j < count; j++) {
            out.setAtIndex(FLOAT, offset + j * stride, unitFloat(bits32(seed, stream, first + j, blk)));
        }
    }

    /** Element {@code i} of the 64-bit stream; {@code blk} is scratch of length at least 2. */
    static long bits64(long seed, int stream, long i, long[] blk) {
        block64(seed, stream, 0, i >>> 1, blk);
        return blk[(int) (i & 1)];
    }

    /** Element {@code i} of the 32-bit stream; {@code blk} is scratch of length at least 2. */
    static int bits32(long seed, int stream, long i, long[] blk) {
        block64(seed, stream, 0, i >>> 2, blk);
        long w = blk[(int) ((i >>> 1) & 1)];
        return (int) ((i & 1) == 0 ? w : w >>> 32);
    }

    /** NumPy's 64-bit to double conversion: the top 53 bits scaled by 2^-53. */
    static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** NumPy's 32-bit to float conversion: the top 24 bits scaled by 2^-24. */
    static float unitFloat(int bits) {
        return (bits >>> 8) * 0x1.0p-24f;
    }

    /** Validates a run of global indices: non-negative first and count. */
    static void checkRun(long first, long count) {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("random stream run needs first >= 0 and count >= 0, got first="
                    + first + " count=" + count);
        }
    }
}
