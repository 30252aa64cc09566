package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Standard normal variates from a {@link Philox} stream by the Box-Muller transform, one pair of
 * variates per Philox block.
 *
 * <p><b>Definition.</b> Block {@code p} of the stream gives {@code u1 = 1 - (lo >>> 11) 2^-53}
 * in {@code (0, 1]} and the turn fraction {@code t = (hi >>> 11) 2^-53} in {@code [0, 1)};
 * with {@code r = sqrt(-2 ln u1)}, element {@code 2p} is {@code r cos(2 pi t)} and element
 * {@code 2p + 1} is {@code r sin(2 pi t)}. The logarithm and the sine/cosine are
 * {@link PortableMath}'s, accurate to about 1 ulp. The largest magnitude produced is
 * {@code sqrt(106 ln 2) = 8.57}; the probability of a standard normal beyond it is
 * {@code 1e-17}, so the truncation is not observable.
 *
 * <p>Box-Muller was chosen over NumPy's ziggurat because it consumes a fixed number of bits per
 * element (ziggurat rejects and redraws), which is what makes element {@code i} a function of
 * {@code (seed, stream, i)} alone, and because it vectorises without branches. The values
 * therefore differ from NumPy's; the distribution is the same.
 *
 * <p><b>Determinism.</b> Element {@code i} depends only on {@code (seed, stream, i)}, bitwise,
 * on every platform and for every split of the index range. Float results are the double
 * results rounded to float, so the float and double streams of one seed agree.
 *
 * <p><b>Layout.</b> As {@link Philox}: element {@code j} of a call (global index
 * {@code first + j}) goes to element {@code offset + j * stride} of {@code out}.
 */
public final class PhiloxNormal {
    private static final int LANES = Philox.LANES;
    private static final VectorSpecies<Float> HALF_FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Philox.DOUBLES.vectorBitSize() / 2));
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private PhiloxNormal() {}

    /** Writes standard normal doubles for global indices {@code [first, first + count)}. */
    public static void fillDoubles(long seed, int stream, long first, MemorySegment out, long offset, long stride,
            long count) {
        Philox.checkRun(first, count);
        Scratch sc = new Scratch(count / 2);
        long j = 0;
        if (stride == 1) {
            if ((first & 1) != 0 && count > 0) {
                out.setAtIndex(DOUBLE, offset, element(seed, stream, first, sc));
                j = 1;
            }
            for (int nb; (nb = Philox.chunkBlocks(count - j, 2)) > 0; j += 2L * nb) {
                radiiAndAngles(seed, stream, (first + j) >>> 1, nb, sc);
                long at = (offset + j) * Double.BYTES;
                for (int k = 0; k < nb; k += LANES, at += 2L * LANES * Double.BYTES) {
                    DoubleVector r = DoubleVector.fromArray(Philox.DOUBLES, sc.radius, k);
                    LongVector zc = r.mul(DoubleVector.fromArray(Philox.DOUBLES, sc.cos, k))
                            .viewAsIntegralLanes().reinterpretAsLongs();
                    LongVector zs = r.mul(DoubleVector.fromArray(Philox.DOUBLES, sc.sin, k))
                            .viewAsIntegralLanes().reinterpretAsLongs();
                    Philox.INTERLEAVE_LOW.selectFrom(zc, zs).intoMemorySegment(out, at, Philox.NATIVE);
                    Philox.INTERLEAVE_HIGH.selectFrom(zc, zs)
                            .intoMemorySegment(out, at + LANES * Double.BYTES, Philox.NATIVE);
                }
            }
        }
        for (; j < count; j++) {
            out.setAtIndex(DOUBLE, offset + j * stride, element(seed, stream, first + j, sc));
        }
    }

    /**
     * Writes standard normal floats for global indices {@code [first, first + count)}: element
     * {@code i} is the double element {@code i} of the same stream rounded to float.
     */
    public static void fillFloats(long seed, int stream, long first, MemorySegment out, long offset, long stride,
            long count) {
        Philox.checkRun(first, count);
        Scratch sc = new Scratch(count / 2);
        long j = 0;
        if (stride == 1) {
            if ((first & 1) != 0 && count > 0) {
                out.setAtIndex(FLOAT, offset, (float) element(seed, stream, first, sc));
                j = 1;
            }
            for (int nb; (nb = Philox.chunkBlocks(count - j, 2)) > 0; j += 2L * nb) {
                radiiAndAngles(seed, stream, (first + j) >>> 1, nb, sc);
                long at = (offset + j) * Float.BYTES;
                for (int k = 0; k < nb; k += LANES, at += 2L * LANES * Float.BYTES) {
                    DoubleVector r = DoubleVector.fromArray(Philox.DOUBLES, sc.radius, k);
                    LongVector zc = r.mul(DoubleVector.fromArray(Philox.DOUBLES, sc.cos, k))
                            .viewAsIntegralLanes().reinterpretAsLongs();
                    LongVector zs = r.mul(DoubleVector.fromArray(Philox.DOUBLES, sc.sin, k))
                            .viewAsIntegralLanes().reinterpretAsLongs();
                    Philox.INTERLEAVE_LOW.selectFrom(zc, zs).viewAsFloatingLanes()
                            .convertShape(VectorOperators.D2F, HALF_FLOATS, 0)
                            .intoMemorySegment(out, at, Philox.NATIVE);
                    Philox.INTERLEAVE_HIGH.selectFrom(zc, zs).viewAsFloatingLanes()
                            .convertShape(VectorOperators.D2F, HALF_FLOATS, 0)
                            .intoMemorySegment(out, at + LANES * Float.BYTES, Philox.NATIVE);
                }
            }
        }
        for (; j < count; j++) {
            out.setAtIndex(FLOAT, offset + j * stride, (float) element(seed, stream, first + j, sc));
        }
    }

    /** Element {@code i} of the normal stream, computed alone (the scalar path). */
    static double element(long seed, int stream, long i, Scratch sc) {
        Philox.block64(seed, stream, 0, i >>> 1, sc.block);
        double r = Math.sqrt(-2.0 * PortableMath.log(1.0 - Philox.unit(sc.block[0])));
        PortableMath.sinCosTurn(sc.block[1], sc.sinCos);
        return r * ((i & 1) == 0 ? sc.sinCos[1] : sc.sinCos[0]);
    }

    /**
     * The vector path, in phases over a chunk of {@code nb} blocks from {@code pos} so that each
     * phase is a loop of independent steps: Philox words, {@code r = sqrt(-2 ln u1)} into
     * {@code sc.radius}, sine and cosine into {@code sc.sin} and {@code sc.cos}. Bitwise equal to
     * {@link #element}.
     */
    private static void radiiAndAngles(long seed, int stream, long pos, int nb, Scratch sc) {
        Philox.blocks64(seed, stream, 0, pos, nb, sc.lo, sc.hi);
        for (int k = 0; k < nb; k += LANES) {
            ((DoubleVector) LongVector.fromArray(Philox.LONGS, sc.lo, k).lanewise(VectorOperators.LSHR, 11)
                    .convert(VectorOperators.L2D, 0)).mul(0x1.0p-53).neg().add(1.0).intoArray(sc.radius, k);
        }
        PortableMath.log(sc.radius, sc.radius, nb);
        for (int k = 0; k < nb; k += LANES) {
            DoubleVector.fromArray(Philox.DOUBLES, sc.radius, k).mul(-2.0).lanewise(VectorOperators.SQRT)
                    .intoArray(sc.radius, k);
        }
        PortableMath.sinCosTurn(sc.hi, sc.sin, sc.cos, nb);
    }

    /** Per-call scratch: one chunk of block words and Box-Muller parts, and the scalar path's. */
    static final class Scratch {
        final long[] block = new long[2];
        final double[] sinCos = new double[2];
        final long[] lo;
        final long[] hi;
        final double[] radius;
        final double[] sin;
        final double[] cos;

        Scratch(long blocks) {
            lo = Philox.chunkWords(blocks);
            hi = Philox.chunkWords(blocks);
            int n = lo.length;
            radius = new double[n];
            sin = new double[n];
            cos = new double[n];
        }
    }
}
