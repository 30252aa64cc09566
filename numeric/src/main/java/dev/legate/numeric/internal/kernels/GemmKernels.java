package dev.legate.numeric.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/*
 * Overview: register-tiled micro-kernels for Gemm. Each computes an MR x NR tile of
 * acc = sum over p of A[r][p] * B[p][c] from packed slivers (A: MR values per p; B: NR values
 * per p), as one fused multiply-add per p in increasing p, and stores the tile row-major into
 * acc. The accumulators are named locals rather than an array so that C2 keeps them in vector
 * registers; nothing vector-typed crosses a method boundary (see Philox on boxing).
 */

/** The register-tiled inner kernels of {@link Gemm}, for doubles and floats. */
final class GemmKernels {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Rows of the large micro-tile, for machines with 32 vector registers (AVX-512). */
    static final int MR = 12;
    /** Rows of the small micro-tile, for machines with 16 vector registers (AVX2, NEON). */
    static final int MR_SMALL = 6;
    /** Columns of a double micro-tile: two vectors. */
    static final int NR_D = 2 * D.length();
    /** Columns of a float micro-tile: two vectors. */
    static final int NR_F = 2 * F.length();

    private GemmKernels() {}

    /**
     * Computes a {@code MR x NR_D} tile over {@code kc} steps from packed A at {@code ai} and
     * packed B at {@code bi} into {@code acc[0 .. MR * NR_D)}, row-major.
     */
    static void tile(int kc, double[] ap, int ai, double[] bp, int bi, double[] acc) {
        final int w = D.length();
        DoubleVector c00 = DoubleVector.zero(D), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        DoubleVector c60 = c00, c61 = c00, c70 = c00, c71 = c00, c80 = c00, c81 = c00;
        DoubleVector c90 = c00, c91 = c00, ca0 = c00, ca1 = c00, cb0 = c00, cb1 = c00;
        for (int p = 0; p < kc; p++, ai += MR, bi += 2 * w) {
            DoubleVector b0 = DoubleVector.fromArray(D, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, bp, bi + w);
            DoubleVector a = DoubleVector.broadcast(D, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(D, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(D, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(D, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(D, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(D, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = DoubleVector.broadcast(D, ap[ai + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = DoubleVector.broadcast(D, ap[ai + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
            a = DoubleVector.broadcast(D, ap[ai + 8]);
            c80 = a.fma(b0, c80);
            c81 = a.fma(b1, c81);
            a = DoubleVector.broadcast(D, ap[ai + 9]);
            c90 = a.fma(b0, c90);
            c91 = a.fma(b1, c91);
            a = DoubleVector.broadcast(D, ap[ai + 10]);
            ca0 = a.fma(b0, ca0);
            ca1 = a.fma(b1, ca1);
            a = DoubleVector.broadcast(D, ap[ai + 11]);
            cb0 = a.fma(b0, cb0);
            cb1 = a.fma(b1, cb1);
        }
        int s = NR_D;
        c00.intoArray(acc, 0);
        c01.intoArray(acc, w);
        c10.intoArray(acc, s);
        c11.intoArray(acc, s + w);
        c20.intoArray(acc, 2 * s);
        c21.intoArray(acc, 2 * s + w);
        c30.intoArray(acc, 3 * s);
        c31.intoArray(acc, 3 * s + w);
        c40.intoArray(acc, 4 * s);
        c41.intoArray(acc, 4 * s + w);
        c50.intoArray(acc, 5 * s);
        c51.intoArray(acc, 5 * s + w);
        c60.intoArray(acc, 6 * s);
        c61.intoArray(acc, 6 * s + w);
        c70.intoArray(acc, 7 * s);
        c71.intoArray(acc, 7 * s + w);
        c80.intoArray(acc, 8 * s);
        c81.intoArray(acc, 8 * s + w);
        c90.intoArray(acc, 9 * s);
        c91.intoArray(acc, 9 * s + w);
        ca0.intoArray(acc, 10 * s);
        ca1.intoArray(acc, 10 * s + w);
        cb0.intoArray(acc, 11 * s);
        cb1.intoArray(acc, 11 * s + w);
    }

    /**
     * Computes a {@code MR x NR_F} tile over {@code kc} steps from packed A at {@code ai} and
     * packed B at {@code bi} into {@code acc[0 .. MR * NR_F)}, row-major.
     */
    static void tile(int kc, float[] ap, int ai, float[] bp, int bi, float[] acc) {
        final int w = F.length();
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00, c80 = c00, c81 = c00;
        FloatVector c90 = c00, c91 = c00, ca0 = c00, ca1 = c00, cb0 = c00, cb1 = c00;
        for (int p = 0; p < kc; p++, ai += MR, bi += 2 * w) {
            FloatVector b0 = FloatVector.fromArray(F, bp, bi);
            FloatVector b1 = FloatVector.fromArray(F, bp, bi + w);
            FloatVector a = FloatVector.broadcast(F, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(F, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(F, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(F, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(F, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(F, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = FloatVector.broadcast(F, ap[ai + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = FloatVector.broadcast(F, ap[ai + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
            a = FloatVector.broadcast(F, ap[ai + 8]);
            c80 = a.fma(b0, c80);
            c81 = a.fma(b1, c81);
            a = FloatVector.broadcast(F, ap[ai + 9]);
            c90 = a.fma(b0, c90);
            c91 = a.fma(b1, c91);
            a = FloatVector.broadcast(F, ap[ai + 10]);
            ca0 = a.fma(b0, ca0);
            ca1 = a.fma(b1, ca1);
            a = FloatVector.broadcast(F, ap[ai + 11]);
            cb0 = a.fma(b0, cb0);
            cb1 = a.fma(b1, cb1);
        }
        int s = NR_F;
        c00.intoArray(acc, 0);
        c01.intoArray(acc, w);
        c10.intoArray(acc, s);
        c11.intoArray(acc, s + w);
        c20.intoArray(acc, 2 * s);
        c21.intoArray(acc, 2 * s + w);
        c30.intoArray(acc, 3 * s);
        c31.intoArray(acc, 3 * s + w);
        c40.intoArray(acc, 4 * s);
        c41.intoArray(acc, 4 * s + w);
        c50.intoArray(acc, 5 * s);
        c51.intoArray(acc, 5 * s + w);
        c60.intoArray(acc, 6 * s);
        c61.intoArray(acc, 6 * s + w);
        c70.intoArray(acc, 7 * s);
        c71.intoArray(acc, 7 * s + w);
        c80.intoArray(acc, 8 * s);
        c81.intoArray(acc, 8 * s + w);
        c90.intoArray(acc, 9 * s);
        c91.intoArray(acc, 9 * s + w);
        ca0.intoArray(acc, 10 * s);
        ca1.intoArray(acc, 10 * s + w);
        cb0.intoArray(acc, 11 * s);
        cb1.intoArray(acc, 11 * s + w);
    }

    /**
     * The 6-row form of {@link #tile(int, double[], int, double[], int, double[])} for machines with 16
     * vector registers, where 12 rows of accumulators would spill: packed A slivers hold
     * {@link #MR_SMALL} values per step.
     */
    static void tile6(int kc, double[] ap, int ai, double[] bp, int bi, double[] acc) {
        final int w = D.length();
        DoubleVector c00 = DoubleVector.zero(D), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++, ai += MR_SMALL, bi += 2 * w) {
            DoubleVector b0 = DoubleVector.fromArray(D, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, bp, bi + w);
            DoubleVector a = DoubleVector.broadcast(D, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(D, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(D, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(D, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(D, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(D, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        int s = NR_D;
        c00.intoArray(acc, 0);
        c01.intoArray(acc, w);
        c10.intoArray(acc, 1 * s);
        c11.intoArray(acc, 1 * s + w);
        c20.intoArray(acc, 2 * s);
        c21.intoArray(acc, 2 * s + w);
        c30.intoArray(acc, 3 * s);
        c31.intoArray(acc, 3 * s + w);
        c40.intoArray(acc, 4 * s);
        c41.intoArray(acc, 4 * s + w);
        c50.intoArray(acc, 5 * s);
        c51.intoArray(acc, 5 * s + w);
    }

    /**
     * The 6-row form of {@link #tile(int, float[], int, float[], int, float[])} for machines with 16
     * vector registers, where 12 rows of accumulators would spill: packed A slivers hold
     * {@link #MR_SMALL} values per step.
     */
    static void tile6(int kc, float[] ap, int ai, float[] bp, int bi, float[] acc) {
        final int w = F.length();
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++, ai += MR_SMALL, bi += 2 * w) {
            FloatVector b0 = FloatVector.fromArray(F, bp, bi);
            FloatVector b1 = FloatVector.fromArray(F, bp, bi + w);
            FloatVector a = FloatVector.broadcast(F, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(F, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(F, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(F, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(F, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(F, ap[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        int s = NR_F;
        c00.intoArray(acc, 0);
        c01.intoArray(acc, w);
        c10.intoArray(acc, 1 * s);
        c11.intoArray(acc, 1 * s + w);
        c20.intoArray(acc, 2 * s);
        c21.intoArray(acc, 2 * s + w);
        c30.intoArray(acc, 3 * s);
        c31.intoArray(acc, 3 * s + w);
        c40.intoArray(acc, 4 * s);
        c41.intoArray(acc, 4 * s + w);
        c50.intoArray(acc, 5 * s);
        c51.intoArray(acc, 5 * s + w);
    }
}
