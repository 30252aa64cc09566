package dev.legate.numeric.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Level-1 vector operations on {@code double[]} runs for the dense factorizations, with a fixed
 * order of operations so that results are the same on every machine: 256-bit vectors (which
 * every AVX2 or wider x86 and every NEON-pair machine runs natively) and scalar tails that do
 * exactly what a vector lane does.
 */
final class Blas1 {
    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_256;
    private static final int W = V.length();

    private Blas1() {}

    /** {@code y[yo + j] = fma(a, x[xo + j], y[yo + j])} for {@code j < n}. */
    static void axpy(double a, double[] x, int xo, double[] y, int yo, int n) {
        int j = 0;
        if (n >= W) {
            DoubleVector va = DoubleVector.broadcast(V, a);
            for (; j <= n - W; j += W) {
                va.fma(DoubleVector.fromArray(V, x, xo + j), DoubleVector.fromArray(V, y, yo + j))
                        .intoArray(y, yo + j);
            }
        }
        for (; j < n; j++) {
            y[yo + j] = Math.fma(a, x[xo + j], y[yo + j]);
        }
    }

    /**
     * The dot product of {@code x[xo ..)} and {@code y[yo ..)} over {@code n} elements: eight
     * partial sums {@code p[l]} take {@code fma(x[j], y[j], p[l])} for {@code j = l (mod 8)} in
     * increasing {@code j} below {@code n - n % 8}; they combine as
     * {@code ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7))}; the remaining elements then add
     * in order by fma.
     */
    static double dot(double[] x, int xo, double[] y, int yo, int n) {
        int n8 = n - n % 8;
        double total = 0;
        if (n8 > 0) {
            DoubleVector lo = DoubleVector.zero(V);
            DoubleVector hi = DoubleVector.zero(V);
            for (int j = 0; j < n8; j += 8) {
                lo = DoubleVector.fromArray(V, x, xo + j).fma(DoubleVector.fromArray(V, y, yo + j), lo);
                hi = DoubleVector.fromArray(V, x, xo + j + W).fma(DoubleVector.fromArray(V, y, yo + j + W), hi);
            }
            DoubleVector pairs = lo.add(hi);
            total = (pairs.lane(0) + pairs.lane(2)) + (pairs.lane(1) + pairs.lane(3));
        }
        for (int j = n8; j < n; j++) {
            total = Math.fma(x[xo + j], y[yo + j], total);
        }
        return total;
    }

    /** {@code x[xo + j] *= a} for {@code j < n}. */
    static void scale(double a, double[] x, int xo, int n) {
        for (int j = 0; j < n; j++) {
            x[xo + j] *= a;
        }
    }

    /**
     * The Euclidean norm of {@code x[xo ..)} over {@code n} elements, without overflow or
     * underflow for finite input: {@code s sqrt(dot(x / s, x / s))} with {@code s} the power of
     * two at or below {@code max |x|}, so that the scaling is exact.
     */
    static double norm(double[] x, int xo, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s = Math.max(s, Math.abs(x[xo + j]));
        }
        if (s == 0 || !Double.isFinite(s)) {
            return s;
        }
        int e = Math.getExponent(s);
        double down = Math.scalb(1.0, -e);
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = x[xo + j] * down;
        }
        return Math.scalb(Math.sqrt(dot(t, 0, t, 0, n)), e);
    }
}
