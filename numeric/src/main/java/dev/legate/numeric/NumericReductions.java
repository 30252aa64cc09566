package dev.legate.numeric;

import dev.legate.numeric.internal.ops.ReduceOps;
import dev.legate.numeric.internal.reduce.RedOp;

/**
 * Reductions of {@link Numeric}; see there. Results are arrays (0-d for reductions over all
 * axes) computed asynchronously; floating sums are bitwise reproducible for any number of
 * processors.
 */
abstract class NumericReductions extends NumericUfuncs {
    NumericReductions() {
    }

    /** NumPy's {@code sum(a)}: the sum of all elements (a 0-d array). */
    public static NDArray sum(Object a) {
        return asarray(a).sum();
    }

    /** NumPy's {@code sum(a, axis=axes)}. */
    public static NDArray sum(Object a, int... axes) {
        return asarray(a).sum(axes);
    }

    /** NumPy's {@code sum(a, axis=axes, keepdims=keepdims)} (null axes: all). */
    public static NDArray sum(Object a, int[] axes, boolean keepdims) {
        return asarray(a).sum(axes, keepdims);
    }

    /** NumPy's {@code prod(a)}: the product of all elements (a 0-d array). */
    public static NDArray prod(Object a) {
        return asarray(a).prod();
    }

    /** NumPy's {@code prod(a, axis=axes)}. */
    public static NDArray prod(Object a, int... axes) {
        return asarray(a).prod(axes);
    }

    /** NumPy's {@code prod(a, axis=axes, keepdims=keepdims)} (null axes: all). */
    public static NDArray prod(Object a, int[] axes, boolean keepdims) {
        return asarray(a).prod(axes, keepdims);
    }

    /** NumPy's {@code min(a)}: the minimum (NaN if any element is NaN) of all elements (a 0-d array). */
    public static NDArray min(Object a) {
        return asarray(a).min();
    }

    /** NumPy's {@code min(a, axis=axes)}. */
    public static NDArray min(Object a, int... axes) {
        return asarray(a).min(axes);
    }

    /** NumPy's {@code min(a, axis=axes, keepdims=keepdims)} (null axes: all). */
    public static NDArray min(Object a, int[] axes, boolean keepdims) {
        return asarray(a).min(axes, keepdims);
    }

    /** NumPy's {@code max(a)}: the maximum (NaN if any element is NaN) of all elements (a 0-d array). */
    public static NDArray max(Object a) {
        return asarray(a).max();
    }

    /** NumPy's {@code max(a, axis=axes)}. */
    public static NDArray max(Object a, int... axes) {
        return asarray(a).max(axes);
    }

    /** NumPy's {@code max(a, axis=axes, keepdims=keepdims)} (null axes: all). */
    public static NDArray max(Object a, int[] axes, boolean keepdims) {
        return asarray(a).max(axes, keepdims);
    }

    /** NumPy's {@code all(a)}: whether every element is non-zero of all elements (a 0-d array). */
    public static NDArray all(Object a) {
        return asarray(a).all();
    }

    /** NumPy's {@code all(a, axis=axes)}. */
    public static NDArray all(Object a, int... axes) {
        return asarray(a).all(axes);
    }

    /** NumPy's {@code all(a, axis=axes, keepdims=keepdims)} (null axes: all). */
    public static NDArray all(Object a, int[] axes, boolean keepdims) {
        return asarray(a).all(axes, keepdims);
    }

    /** NumPy's {@code any(a)}: whether any element is non-zero of all elements (a 0-d array). */
    public static NDArray any(Object a) {
        return asarray(a).any();
    }

    /** NumPy's {@code any(a, axis=axes)}. */
    public static NDArray any(Object a, int... axes) {
        return asarray(a).any(axes);
    }

    /** NumPy's {@code any(a, axis=axes, keepdims=keepdims)} (null axes: all). */
    public static NDArray any(Object a, int[] axes, boolean keepdims) {
        return asarray(a).any(axes, keepdims);
    }

    /** NumPy's {@code amin}: {@link #min(Object)}. */
    public static NDArray amin(Object a) {
        return asarray(a).min();
    }

    /** NumPy's {@code amax}: {@link #max(Object)}. */
    public static NDArray amax(Object a) {
        return asarray(a).max();
    }

    /** NumPy's {@code mean(a)}. */
    public static NDArray mean(Object a) {
        return asarray(a).mean();
    }

    /** NumPy's {@code mean(a, axis=axes)}. */
    public static NDArray mean(Object a, int... axes) {
        return asarray(a).mean(axes);
    }

    /** NumPy's {@code mean(a, axis=axes, keepdims=keepdims)}. */
    public static NDArray mean(Object a, int[] axes, boolean keepdims) {
        return asarray(a).mean(axes, keepdims);
    }

    /** NumPy's {@code var(a)}. */
    public static NDArray var(Object a) {
        return asarray(a).var();
    }

    /** NumPy's {@code var(a, axis=axes, ddof=ddof, keepdims=keepdims)}. */
    public static NDArray var(Object a, int[] axes, int ddof, boolean keepdims) {
        return asarray(a).var(axes, ddof, keepdims);
    }

    /** NumPy's {@code std(a)}. */
    public static NDArray std(Object a) {
        return asarray(a).std();
    }

    /** NumPy's {@code std(a, axis=axes, ddof=ddof, keepdims=keepdims)}. */
    public static NDArray std(Object a, int[] axes, int ddof, boolean keepdims) {
        return asarray(a).std(axes, ddof, keepdims);
    }

    /** NumPy's {@code argmin(a)}: the flat index of the first minimum. */
    public static NDArray argmin(Object a) {
        return asarray(a).argmin();
    }

    /** NumPy's {@code argmin(a, axis)}. */
    public static NDArray argmin(Object a, int axis) {
        return asarray(a).argmin(axis);
    }

    /** NumPy's {@code argmax(a)}: the flat index of the first maximum. */
    public static NDArray argmax(Object a) {
        return asarray(a).argmax();
    }

    /** NumPy's {@code argmax(a, axis)}. */
    public static NDArray argmax(Object a, int axis) {
        return asarray(a).argmax(axis);
    }

    /** NumPy's {@code count_nonzero(a)}: an int64 0-d array. */
    public static NDArray countNonzero(Object a) {
        return wrap(ReduceOps.countNonzero(impl(asarray(a)), null, false));
    }

    /** NumPy's {@code count_nonzero(a, axis=axes, keepdims=keepdims)}. */
    public static NDArray countNonzero(Object a, int[] axes, boolean keepdims) {
        return wrap(ReduceOps.countNonzero(impl(asarray(a)), axes, keepdims));
    }

    /** NumPy's {@code nansum(a, axis=axes, keepdims=keepdims)}: NaNs count as zero (null axes: all). */
    public static NDArray nansum(Object a, int[] axes, boolean keepdims) {
        return wrap(ReduceOps.nanSumProd(RedOp.SUM, impl(asarray(a)), axes, keepdims));
    }

    /** NumPy's {@code nansum(a)}. */
    public static NDArray nansum(Object a) {
        return nansum(a, null, false);
    }

    /** NumPy's {@code nanprod(a, axis=axes, keepdims=keepdims)}: NaNs count as one. */
    public static NDArray nanprod(Object a, int[] axes, boolean keepdims) {
        return wrap(ReduceOps.nanSumProd(RedOp.PROD, impl(asarray(a)), axes, keepdims));
    }

    /** NumPy's {@code nanmin(a, axis=axes, keepdims=keepdims)}: NaNs ignored. */
    public static NDArray nanmin(Object a, int[] axes, boolean keepdims) {
        return wrap(ReduceOps.nanMinMax(RedOp.MIN, impl(asarray(a)), axes, keepdims));
    }

    /** NumPy's {@code nanmin(a)}. */
    public static NDArray nanmin(Object a) {
        return nanmin(a, null, false);
    }

    /** NumPy's {@code nanmax(a, axis=axes, keepdims=keepdims)}: NaNs ignored. */
    public static NDArray nanmax(Object a, int[] axes, boolean keepdims) {
        return wrap(ReduceOps.nanMinMax(RedOp.MAX, impl(asarray(a)), axes, keepdims));
    }

    /** NumPy's {@code nanmax(a)}. */
    public static NDArray nanmax(Object a) {
        return nanmax(a, null, false);
    }

    /** NumPy's {@code nanmean(a, axis=axes, keepdims=keepdims)}: the mean of the non-NaN values. */
    public static NDArray nanmean(Object a, int[] axes, boolean keepdims) {
        return wrap(ReduceOps.nanMean(impl(asarray(a)), axes, keepdims));
    }

    /** NumPy's {@code nanmean(a)}. */
    public static NDArray nanmean(Object a) {
        return nanmean(a, null, false);
    }

    /** NumPy's {@code cumsum(a)} over the flattened array. */
    public static NDArray cumsum(Object a) {
        return asarray(a).cumsum();
    }

    /** NumPy's {@code cumsum(a, axis)}. */
    public static NDArray cumsum(Object a, int axis) {
        return asarray(a).cumsum(axis);
    }

    /** NumPy's {@code cumprod(a)} over the flattened array. */
    public static NDArray cumprod(Object a) {
        return asarray(a).cumprod();
    }

    /** NumPy's {@code cumprod(a, axis)}. */
    public static NDArray cumprod(Object a, int axis) {
        return asarray(a).cumprod(axis);
    }

    /**
     * NumPy's {@code isclose(a, b, rtol, atol)}: {@code |a - b| <= atol + rtol * |b|}
     * element-wise; equal infinities are close, NaNs are not.
     */
    public static NDArray isclose(Object a, Object b, double rtol, double atol) {
        NDArray x = asarray(a).astype(dev.legate.core.DType.FLOAT64);
        NDArray y = asarray(b).astype(dev.legate.core.DType.FLOAT64);
        NDArray within = abs(x.subtract(y)).le(abs(y).multiply(rtol).add(atol));
        return logicalOr(within, logicalAnd(isinf(x), x.eq(y)));
    }

    /** NumPy's {@code isclose(a, b)} with rtol 1e-5 and atol 1e-8. */
    public static NDArray isclose(Object a, Object b) {
        return isclose(a, b, 1e-5, 1e-8);
    }

    /** NumPy's {@code allclose(a, b, rtol, atol)}: whether every pair is close (waits). */
    public static boolean allclose(Object a, Object b, double rtol, double atol) {
        return all(isclose(a, b, rtol, atol)).itemBoolean();
    }

    /** NumPy's {@code allclose(a, b)} with rtol 1e-5 and atol 1e-8. */
    public static boolean allclose(Object a, Object b) {
        return allclose(a, b, 1e-5, 1e-8);
    }

    /** NumPy's {@code array_equal(a, b)}: same shape and equal elements (waits). */
    public static boolean arrayEqual(Object a, Object b) {
        NDArray x = asarray(a);
        NDArray y = asarray(b);
        return x.shape().equals(y.shape()) && (x.size() == 0 || all(x.eq(y)).itemBoolean());
    }
}
