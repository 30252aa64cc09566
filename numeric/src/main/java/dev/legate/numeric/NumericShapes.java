package dev.legate.numeric;

import dev.legate.numeric.internal.ops.Views;

/** Shape manipulation of {@link Numeric}; see there. Views where NumPy gives views. */
abstract class NumericShapes extends NumericReductions {
    NumericShapes() {
    }

    /** NumPy's {@code reshape(a, shape)} (one extent may be -1). */
    public static NDArray reshape(Object a, long... shape) {
        return asarray(a).reshape(shape);
    }

    /** NumPy's {@code ravel(a)}: the elements as a 1-d array (a view when contiguous). */
    public static NDArray ravel(Object a) {
        return asarray(a).ravel();
    }

    /** NumPy's {@code transpose(a)}: the axes reversed. */
    public static NDArray transpose(Object a) {
        return asarray(a).transpose();
    }

    /** NumPy's {@code transpose(a, axes)}. */
    public static NDArray transpose(Object a, int... axes) {
        return asarray(a).transpose(axes);
    }

    /** NumPy's {@code swapaxes(a, axis1, axis2)}. */
    public static NDArray swapaxes(Object a, int axis1, int axis2) {
        return asarray(a).swapaxes(axis1, axis2);
    }

    /** NumPy's {@code moveaxis(a, source, destination)}. */
    public static NDArray moveaxis(Object a, int source, int destination) {
        return wrap(Views.moveaxis(impl(asarray(a)), source, destination));
    }

    /** NumPy's {@code squeeze(a, axis)}: unit axes removed (all of them when none are given). */
    public static NDArray squeeze(Object a, int... axes) {
        return asarray(a).squeeze(axes);
    }

    /** NumPy's {@code expand_dims(a, axis)}. */
    public static NDArray expandDims(Object a, int axis) {
        return asarray(a).expandDims(axis);
    }

    /** NumPy's {@code broadcast_to(a, shape)}: a read-only view. */
    public static NDArray broadcastTo(Object a, long... shape) {
        return asarray(a).broadcastTo(shape);
    }

    /** NumPy's {@code flip(a, axis)}. */
    public static NDArray flip(Object a, int axis) {
        return asarray(a).flip(axis);
    }
}
