package dev.legate.numeric.internal.kernels;

import java.util.Arrays;

/** Reference distribution functions and goodness-of-fit statistics for the random tests. */
final class Distributions {
    private Distributions() {}

    /** The standard normal CDF, from the complementary error function. */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * erfc(x) by W. J. Cody's rational approximations (Math. Comp. 1969), relative error below
     * 1e-15 in double precision: ample for goodness-of-fit statistics.
     */
    static double erfc(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 0.5) {
            double t = x * x;
            double num = (((0.185777706184603153 * t + 3.16112374387056560) * t + 113.864154151050156) * t
                    + 377.485237685302021) * t + 3209.37758913846947;
            double den = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t
                    + 2844.23683343917062;
            return 1 - x * num / den;
        } else if (ax < 4) {
            double num = (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594) * ax
                    + 66.1191906371416295) * ax + 298.635138197400131) * ax + 881.952221241769090) * ax
                    + 1712.04761263407058) * ax + 2051.07837782607147) * ax + 1230.33935479799725;
            double den = (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax
                    + 1621.38957456669019) * ax + 3290.79923573345963) * ax + 4362.61909014324716) * ax
                    + 3439.36767414372164) * ax + 1230.33935480374942;
            r = Math.exp(-ax * ax) * num / den;
        } else {
            double z = 1 / (ax * ax);
            double num = ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z
                    + 0.125781726111229246) * z + 0.0160837851487422766) * z + 0.000658749161529837803;
            double den = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z
                    + 0.0605183413124413191) * z + 0.00233520497626869185;
            r = Math.exp(-ax * ax) / ax * (0.564189583547756287 - z * num / den);
        }
        return x < 0 ? 2 - r : r;
    }

    /** The Kolmogorov-Smirnov statistic sup |F_n - F| of {@code sample} (sorted here) against {@code cdf}. */
    static double ksStatistic(double[] sample, java.util.function.DoubleUnaryOperator cdf) {
        double[] s = sample.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        return d;
    }

    /** The KS critical value at significance 1e-6 for {@code n} samples (asymptotic). */
    static double ksCritical(int n) {
        return Math.sqrt(-0.5 * Math.log(1e-6 / 2) / n);
    }

    /**
     * Pearson's chi-square statistic of {@code counts} against equal expected counts; compare
     * with {@link #chiSquareCritical}.
     */
    static double chiSquareUniform(long[] counts) {
        long total = Arrays.stream(counts).sum();
        double expected = (double) total / counts.length;
        double chi = 0;
        for (long c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        return chi;
    }

    /**
     * A conservative upper critical value of chi-square with {@code dof} degrees of freedom at
     * significance about 1e-6 (Wilson-Hilferty with z = 4.9).
     */
    static double chiSquareCritical(int dof) {
        double a = 2.0 / (9 * dof);
        double c = 1 - a + 4.9 * Math.sqrt(a);
        return dof * c * c * c;
    }
}
