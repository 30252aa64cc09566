package dev.legate.numeric.internal.kernels;

/**
 * The thirteen {@code method}s of NumPy's {@code quantile}/{@code percentile} (NumPy 2,
 * {@code numpy/lib/_function_base_impl.py}), with the same formulas: the first nine are Hyndman
 * and Fan's, {@link #LINEAR} (their type 7) is NumPy's default. {@code n} is the number of
 * values and {@code q} the quantile in {@code [0, 1]}.
 */
public enum QuantileMethod {
    /** H&amp;F 1: the sorted value at {@code ceil(n q) - 1}, discrete. */
    INVERTED_CDF,
    /** H&amp;F 2: like {@link #INVERTED_CDF}, averaging at discontinuities. */
    AVERAGED_INVERTED_CDF,
    /** H&amp;F 3: the nearest even order statistic, discrete. */
    CLOSEST_OBSERVATION,
    /** H&amp;F 4: linear interpolation of the empirical CDF ({@code alpha = 0, beta = 1}). */
    INTERPOLATED_INVERTED_CDF,
    /** H&amp;F 5: piecewise linear with knots at the midpoints ({@code alpha = beta = 1/2}). */
    HAZEN,
    /** H&amp;F 6: {@code alpha = beta = 0}. */
    WEIBULL,
    /** H&amp;F 7, NumPy's default: virtual index {@code (n - 1) q}. */
    LINEAR,
    /** H&amp;F 8: {@code alpha = beta = 1/3}. */
    MEDIAN_UNBIASED,
    /** H&amp;F 9: {@code alpha = beta = 3/8}. */
    NORMAL_UNBIASED,
    /** The sorted value at {@code floor((n - 1) q)}. */
    LOWER,
    /** The sorted value at {@code ceil((n - 1) q)}. */
    HIGHER,
    /** The mean of {@link #LOWER} and {@link #HIGHER} (as interpolation with weight 1/2). */
    MIDPOINT,
    /** The sorted value at {@code (n - 1) q} rounded half to even. */
    NEAREST;

    /** Whether the method picks one sorted value (NumPy returns the input dtype for these). */
    public boolean isDiscrete() {
        return switch (this) {
            case INVERTED_CDF, CLOSEST_OBSERVATION, LOWER, HIGHER, NEAREST -> true;
            default -> false;
        };
    }

    /** The 0-based sorted index a discrete method picks for quantile {@code q} of {@code n} values. */
    long index(long n, double q) {
        return switch (this) {
            case INVERTED_CDF -> boundary(n * q - 1, false);
            case CLOSEST_OBSERVATION -> boundary(n * q - 1 - 0.5, true);
            case LOWER -> (long) Math.floor((n - 1) * q);
            case HIGHER -> (long) Math.ceil((n - 1) * q);
            case NEAREST -> (long) Math.rint((n - 1) * q);
            default -> throw new IllegalStateException(this + " interpolates; it has no single index");
        };
    }

    /** NumPy's {@code _discret_interpolation_to_boundaries}, clipped below at 0. */
    private static long boundary(double index, boolean evenRule) {
        double previous = Math.floor(index);
        double gamma = index - previous;
        boolean takePrevious = gamma == 0 && (!evenRule || Math.floorMod((long) previous, 2L) == 1);
        long res = (long) (takePrevious ? previous : previous + 1);
        return Math.max(res, 0);
    }

    /** The virtual (fractional) index of a continuous method. */
    double virtualIndex(long n, double q) {
        return switch (this) {
            case AVERAGED_INVERTED_CDF -> n * q - 1;
            case INTERPOLATED_INVERTED_CDF -> hyndmanFan(n, q, 0, 1);
            case HAZEN -> hyndmanFan(n, q, 0.5, 0.5);
            case WEIBULL -> hyndmanFan(n, q, 0, 0);
            case LINEAR -> (n - 1) * q;
            case MEDIAN_UNBIASED -> hyndmanFan(n, q, 1 / 3.0, 1 / 3.0);
            case NORMAL_UNBIASED -> hyndmanFan(n, q, 3 / 8.0, 3 / 8.0);
            case MIDPOINT -> 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q));
            default -> throw new IllegalStateException(this + " is discrete; it has no virtual index");
        };
    }

    /** NumPy's {@code _compute_virtual_index}. */
    private static double hyndmanFan(long n, double q, double alpha, double beta) {
        return n * q + (alpha + q * (1 - alpha - beta)) - 1;
    }

    /** NumPy's {@code fix_gamma} of the method, given the raw gamma and the virtual index. */
    double fixGamma(double gamma, double virtualIndex) {
        return switch (this) {
            case AVERAGED_INVERTED_CDF -> gamma == 0 ? 0.5 : 1.0;
            case MIDPOINT -> virtualIndex % 1 == 0 ? 0.0 : 0.5;
            default -> gamma;
        };
    }
}
