package dev.legate.numeric;

import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.ops.Stats;

/** Statistics of {@link Numeric}; see there. */
abstract class NumericStats extends NumericSorting {
    NumericStats() {
    }

    /** NumPy's {@code bincount(x)}: how often each non-negative integer occurs (waits for max(x)). */
    public static NDArray bincount(Object x) {
        return wrap(Stats.bincount(impl(asarray(x)), null, 0));
    }

    /** NumPy's {@code bincount(x, weights, minlength)}: sums of the weights per value (float64). */
    public static NDArray bincount(Object x, Object weights, long minlength) {
        return wrap(Stats.bincount(impl(asarray(x)), impl(asarray(weights)), minlength));
    }

    /** NumPy's {@code histogram(a, bins)} over the data's range: {counts, edges} (waits for min and max). */
    public static NDArray[] histogram(Object a, int bins) {
        ArrayImpl[] r = Stats.histogram(impl(asarray(a)), bins, null, null);
        return new NDArray[] {wrap(r[0]), wrap(r[1])};
    }

    /** NumPy's {@code histogram(a, bins, range=(lo, hi))}: {counts, edges}. */
    public static NDArray[] histogram(Object a, int bins, double lo, double hi) {
        ArrayImpl[] r = Stats.histogram(impl(asarray(a)), bins, new double[] {lo, hi}, null);
        return new NDArray[] {wrap(r[0]), wrap(r[1])};
    }

    /** NumPy's {@code histogram(a, bins, range=(lo, hi), weights=weights)}: {sums of weights, edges}. */
    public static NDArray[] histogram(Object a, int bins, double lo, double hi, Object weights) {
        ArrayImpl[] r = Stats.histogram(impl(asarray(a)), bins, new double[] {lo, hi}, impl(asarray(weights)));
        return new NDArray[] {wrap(r[0]), wrap(r[1])};
    }

    /** NumPy's {@code quantile(a, q)} of the flattened array, linear method, q in [0, 1]. */
    public static NDArray quantile(Object a, double q) {
        return wrap(Stats.quantile(impl(asarray(a)), q, null));
    }

    /** NumPy's {@code quantile(a, q, axis)}. */
    public static NDArray quantile(Object a, double q, int axis) {
        return wrap(Stats.quantile(impl(asarray(a)), q, axis));
    }

    /** NumPy's {@code quantile(a, qs)} for several q: the results stacked along a new first axis. */
    public static NDArray quantile(Object a, double[] qs) {
        NDArray[] r = new NDArray[qs.length];
        for (int i = 0; i < qs.length; i++) {
            r[i] = quantile(a, qs[i]);
        }
        return stack(r);
    }

    /** NumPy's {@code percentile(a, q)}: {@code quantile(a, q / 100)}. */
    public static NDArray percentile(Object a, double q) {
        return quantile(a, q / 100);
    }

    /** NumPy's {@code percentile(a, q, axis)}. */
    public static NDArray percentile(Object a, double q, int axis) {
        return quantile(a, q / 100, axis);
    }

    /** NumPy's {@code median(a)} of the flattened array. */
    public static NDArray median(Object a) {
        return wrap(Stats.median(impl(asarray(a)), null));
    }

    /** NumPy's {@code median(a, axis)}. */
    public static NDArray median(Object a, int axis) {
        return wrap(Stats.median(impl(asarray(a)), axis));
    }

    /** NumPy's {@code average(a)}: the mean. */
    public static NDArray average(Object a) {
        return wrap(Stats.average(impl(asarray(a)), null, null));
    }

    /** NumPy's {@code average(a, axis, weights)} (null axis: all). */
    public static NDArray average(Object a, Integer axis, Object weights) {
        return wrap(Stats.average(impl(asarray(a)), axis, impl(asarray(weights))));
    }

    /** NumPy's {@code cov(m)}: variables in rows, observations in columns, ddof 1. */
    public static NDArray cov(Object m) {
        return wrap(Stats.cov(impl(asarray(m)), true, 1));
    }

    /** NumPy's {@code cov(m, rowvar, ddof)}. */
    public static NDArray cov(Object m, boolean rowvar, int ddof) {
        return wrap(Stats.cov(impl(asarray(m)), rowvar, ddof));
    }

    /** NumPy's {@code corrcoef(x)}: Pearson correlation coefficients of the rows. */
    public static NDArray corrcoef(Object x) {
        return wrap(Stats.corrcoef(impl(asarray(x)), true));
    }

    /** NumPy's {@code corrcoef(x, rowvar)}. */
    public static NDArray corrcoef(Object x, boolean rowvar) {
        return wrap(Stats.corrcoef(impl(asarray(x)), rowvar));
    }
}
