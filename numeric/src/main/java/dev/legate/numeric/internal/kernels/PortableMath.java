package dev.legate.numeric.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/*
 * Overview: the polynomials are fdlibm's (e_log.c, k_sin.c, k_cos.c, the algorithms behind
 * StrictMath), evaluated without fused operations. Every step is an IEEE basic operation
 * (+, -, *, /, exact integer bit manipulation), which Java defines bit for bit in both scalar
 * and vector form; hence the scalar and vector versions agree to the last bit on every
 * platform, which the intrinsic Math.log / VectorOperators.LOG do not promise.
 */

/**
 * Natural logarithm and sine/cosine of a fraction of a turn, computed so that the scalar and the
 * vector versions return bitwise-equal results on every platform (within 1 ulp of the true
 * value). Used where a value must not depend on which code path or machine computed it.
 */
final class PortableMath {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;
    /** Bits of sqrt(2)/2: mantissas are reduced to [sqrt(2)/2, sqrt(2)). */
    private static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;

    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;
    /** (pi/2) * 2^-51: scales a 51-bit fraction of a quarter turn to radians. */
    private static final double QUARTER_TURN_UNIT = Math.PI / 2 * 0x1.0p-51;

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;

    private PortableMath() {}

    /** ln(x) for a normal, positive, finite {@code x}. */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long k = (bits - SQRT_HALF_BITS) >> 52;
        double f = Double.longBitsToDouble(bits - (k << 52)) - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double r = t2 + t1;
        double hfsq = 0.5 * f * f;
        double dk = k;
        return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }

    /** sin(x) for |x| &lt;= pi/4. */
    private static double sinKernel(double x) {
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x + v * (S1 + z * r);
    }

    /** cos(x) for |x| &lt;= pi/4. */
    private static double cosKernel(double x) {
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        double hz = 0.5 * z;
        double w = 1.0 - hz;
        return w + (((1.0 - w) - hz) + z * r);
    }

    /**
     * Sine and cosine of {@code 2 pi t 2^-64} for the turn fraction held in the top 53 bits of
     * {@code t} (the low 11 bits are ignored), into {@code out[0]} (sine) and {@code out[1]}
     * (cosine). The reduction to a quarter turn is exact integer arithmetic.
     */
    static void sinCosTurn(long t, double[] out) {
        long a = t >>> 11;
        long q = (a + (1L << 50)) >>> 51;
        double x = (a - (q << 51)) * QUARTER_TURN_UNIT;
        double s = sinKernel(x);
        double c = cosKernel(x);
        boolean swap = (q & 1) != 0;
        long sinSign = (q & 2) << 62;
        long cosSign = ((q + 1) & 2) << 62;
        out[0] = Double.longBitsToDouble(Double.doubleToRawLongBits(swap ? c : s) ^ sinSign);
        out[1] = Double.longBitsToDouble(Double.doubleToRawLongBits(swap ? s : c) ^ cosSign);
    }

    /**
     * Lane-wise {@link #log(double)} of {@code x[0 .. n)} into {@code out[0 .. n)} ({@code out}
     * may be {@code x}); {@code n} is a multiple of the preferred double vector length.
     */
    static void log(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i += DOUBLES.length()) {
            LongVector bits = DoubleVector.fromArray(DOUBLES, x, i).viewAsIntegralLanes().reinterpretAsLongs();
            LongVector k = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
            DoubleVector f = bits.sub(k.lanewise(VectorOperators.LSHL, 52)).viewAsFloatingLanes()
                    .reinterpretAsDoubles().sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector z = s.mul(s);
            DoubleVector w = z.mul(z);
            DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
            DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
            DoubleVector r = t2.add(t1);
            DoubleVector hfsq = f.mul(0.5).mul(f);
            DoubleVector dk = (DoubleVector) k.convert(VectorOperators.L2D, 0);
            DoubleVector inner = hfsq.sub(s.mul(hfsq.add(r)).add(dk.mul(LN2_LO))).sub(f);
            dk.mul(LN2_HI).sub(inner).intoArray(out, i);
        }
    }

    /**
     * Lane-wise {@link #sinCosTurn(long, double[])} of {@code t[0 .. n)} into
     * {@code sin[0 .. n)} and {@code cos[0 .. n)}; {@code n} is a multiple of the preferred
     * vector length.
     */
    static void sinCosTurn(long[] t, double[] sin, double[] cos, int n) {
        for (int i = 0; i < n; i += LONGS.length()) {
            LongVector a = LongVector.fromArray(LONGS, t, i).lanewise(VectorOperators.LSHR, 11);
            LongVector q = a.add(1L << 50).lanewise(VectorOperators.LSHR, 51);
            LongVector rem = a.sub(q.lanewise(VectorOperators.LSHL, 51));
            DoubleVector x = ((DoubleVector) rem.convert(VectorOperators.L2D, 0)).mul(QUARTER_TURN_UNIT);

            DoubleVector z = x.mul(x);
            DoubleVector v = z.mul(x);
            DoubleVector sr = z.mul(z.mul(z.mul(z.mul(S6).add(S5)).add(S4)).add(S3)).add(S2);
            DoubleVector s = x.add(v.mul(z.mul(sr).add(S1)));

            DoubleVector cr = z.mul(z.mul(z.mul(z.mul(z.mul(z.mul(C6).add(C5)).add(C4)).add(C3)).add(C2)).add(C1));
            DoubleVector hz = z.mul(0.5);
            DoubleVector w = hz.neg().add(1.0);
            DoubleVector c = w.add(w.neg().add(1.0).sub(hz).add(z.mul(cr)));

            VectorMask<Double> swap = q.and(1L).compare(VectorOperators.NE, 0L).cast(DOUBLES);
            LongVector sinSign = q.and(2L).lanewise(VectorOperators.LSHL, 62);
            LongVector cosSign = q.add(1L).and(2L).lanewise(VectorOperators.LSHL, 62);
            s.blend(c, swap).viewAsIntegralLanes().reinterpretAsLongs().lanewise(VectorOperators.XOR, sinSign)
                    .viewAsFloatingLanes().reinterpretAsDoubles().intoArray(sin, i);
            c.blend(s, swap).viewAsIntegralLanes().reinterpretAsLongs().lanewise(VectorOperators.XOR, cosSign)
                    .viewAsFloatingLanes().reinterpretAsDoubles().intoArray(cos, i);
        }
    }
}
