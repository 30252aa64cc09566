package dev.legate.numeric;

import dev.legate.numeric.internal.ops.ReduceOps;
import dev.legate.numeric.internal.ops.Reductions;
import dev.legate.numeric.internal.reduce.RedOp;

/** Reductions of {@link NDArray}; see there. */
abstract class ArrayReductions extends ArrayOperators {
    ArrayReductions() {
    }

    // ---- reductions ----------------------------------------------------------------------

    /** The sum of all elements, as a 0-d array. */
    public NDArray sum() {
        return NDArray.wrap(ReduceOps.reduce(RedOp.SUM, impl(), null, false));
    }

    /** The sum along {@code axes}. */
    public NDArray sum(int... axes) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.SUM, impl(), axes, false));
    }

    /** The sum along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray sum(int[] axes, boolean keepdims) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.SUM, impl(), axes, keepdims));
    }

    /** The product of all elements, as a 0-d array. */
    public NDArray prod() {
        return NDArray.wrap(ReduceOps.reduce(RedOp.PROD, impl(), null, false));
    }

    /** The product along {@code axes}. */
    public NDArray prod(int... axes) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.PROD, impl(), axes, false));
    }

    /** The product along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray prod(int[] axes, boolean keepdims) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.PROD, impl(), axes, keepdims));
    }

    /** The minimum (NaN if any element is NaN) of all elements, as a 0-d array. */
    public NDArray min() {
        return NDArray.wrap(ReduceOps.reduce(RedOp.MIN, impl(), null, false));
    }

    /** The minimum (NaN if any element is NaN) along {@code axes}. */
    public NDArray min(int... axes) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.MIN, impl(), axes, false));
    }

    /** The minimum (NaN if any element is NaN) along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray min(int[] axes, boolean keepdims) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.MIN, impl(), axes, keepdims));
    }

    /** The maximum (NaN if any element is NaN) of all elements, as a 0-d array. */
    public NDArray max() {
        return NDArray.wrap(ReduceOps.reduce(RedOp.MAX, impl(), null, false));
    }

    /** The maximum (NaN if any element is NaN) along {@code axes}. */
    public NDArray max(int... axes) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.MAX, impl(), axes, false));
    }

    /** The maximum (NaN if any element is NaN) along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray max(int[] axes, boolean keepdims) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.MAX, impl(), axes, keepdims));
    }

    /** Whether every element is non-zero of all elements, as a 0-d array. */
    public NDArray all() {
        return NDArray.wrap(ReduceOps.reduce(RedOp.ALL, impl(), null, false));
    }

    /** Whether every element is non-zero along {@code axes}. */
    public NDArray all(int... axes) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.ALL, impl(), axes, false));
    }

    /** Whether every element is non-zero along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray all(int[] axes, boolean keepdims) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.ALL, impl(), axes, keepdims));
    }

    /** Whether any element is non-zero of all elements, as a 0-d array. */
    public NDArray any() {
        return NDArray.wrap(ReduceOps.reduce(RedOp.ANY, impl(), null, false));
    }

    /** Whether any element is non-zero along {@code axes}. */
    public NDArray any(int... axes) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.ANY, impl(), axes, false));
    }

    /** Whether any element is non-zero along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray any(int[] axes, boolean keepdims) {
        return NDArray.wrap(ReduceOps.reduce(RedOp.ANY, impl(), axes, keepdims));
    }

    /** The arithmetic mean of all elements (integers give float64). */
    public NDArray mean() {
        return NDArray.wrap(ReduceOps.mean(impl(), null, false));
    }

    /** The mean along {@code axes}. */
    public NDArray mean(int... axes) {
        return NDArray.wrap(ReduceOps.mean(impl(), axes, false));
    }

    /** The mean along {@code axes} (null: all), optionally keeping them with extent 1. */
    public NDArray mean(int[] axes, boolean keepdims) {
        return NDArray.wrap(ReduceOps.mean(impl(), axes, keepdims));
    }

    /** The variance of all elements ({@code mean(abs(x - x.mean())**2)}). */
    public NDArray var() {
        return NDArray.wrap(ReduceOps.var(impl(), null, 0, false));
    }

    /** The variance along {@code axes} (null: all) with {@code ddof} delta degrees of freedom. */
    public NDArray var(int[] axes, int ddof, boolean keepdims) {
        return NDArray.wrap(ReduceOps.var(impl(), axes, ddof, keepdims));
    }

    /** The standard deviation of all elements. */
    public NDArray std() {
        return NDArray.wrap(ReduceOps.std(impl(), null, 0, false));
    }

    /** The standard deviation along {@code axes} (null: all) with {@code ddof}. */
    public NDArray std(int[] axes, int ddof, boolean keepdims) {
        return NDArray.wrap(ReduceOps.std(impl(), axes, ddof, keepdims));
    }

    /** The flat index of the first minimum (the first NaN if any), as a 0-d int64 array. */
    public NDArray argmin() {
        return NDArray.wrap(Reductions.arg(impl(), null, false));
    }

    /** Indices of the first minima along {@code axis}. */
    public NDArray argmin(int axis) {
        return NDArray.wrap(Reductions.arg(impl(), axis, false));
    }

    /** The flat index of the first maximum (the first NaN if any), as a 0-d int64 array. */
    public NDArray argmax() {
        return NDArray.wrap(Reductions.arg(impl(), null, true));
    }

    /** Indices of the first maxima along {@code axis}. */
    public NDArray argmax(int axis) {
        return NDArray.wrap(Reductions.arg(impl(), axis, true));
    }

    /** The cumulative sum of the flattened array. */
    public NDArray cumsum() {
        return NDArray.wrap(Reductions.scan(impl(), RedOp.SUM, null));
    }

    /** The cumulative sum along {@code axis}. */
    public NDArray cumsum(int axis) {
        return NDArray.wrap(Reductions.scan(impl(), RedOp.SUM, axis));
    }

    /** The cumulative product of the flattened array. */
    public NDArray cumprod() {
        return NDArray.wrap(Reductions.scan(impl(), RedOp.PROD, null));
    }

    /** The cumulative product along {@code axis}. */
    public NDArray cumprod(int axis) {
        return NDArray.wrap(Reductions.scan(impl(), RedOp.PROD, axis));
    }

}
