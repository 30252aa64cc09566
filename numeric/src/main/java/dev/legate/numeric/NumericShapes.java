package dev.legate.numeric;

import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.ops.Advanced;
import dev.legate.numeric.internal.ops.Joins;
import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.Views;

/** Shape manipulation and indexing functions of {@link Numeric}; see there. Views where NumPy gives views. */
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

    private static ArrayImpl[] impls(NDArray[] arrays) {
        ArrayImpl[] r = new ArrayImpl[arrays.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = impl(arrays[i]);
        }
        return r;
    }

    private static NDArray[] wrapAll(ArrayImpl[] arrays) {
        NDArray[] r = new NDArray[arrays.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = wrap(arrays[i]);
        }
        return r;
    }

    /** NumPy's {@code concatenate(arrays, axis)}. */
    public static NDArray concatenate(NDArray[] arrays, int axis) {
        return wrap(Joins.concatenate(impls(arrays), axis));
    }

    /** NumPy's {@code concatenate(arrays)} along axis 0. */
    public static NDArray concatenate(NDArray... arrays) {
        return concatenate(arrays, 0);
    }

    /** NumPy's {@code stack(arrays, axis)}: joined along a new axis. */
    public static NDArray stack(NDArray[] arrays, int axis) {
        return wrap(Joins.stack(impls(arrays), axis));
    }

    /** NumPy's {@code stack(arrays)} along a new first axis. */
    public static NDArray stack(NDArray... arrays) {
        return stack(arrays, 0);
    }

    /** NumPy's {@code vstack}: rows stacked (1-d arrays become rows). */
    public static NDArray vstack(NDArray... arrays) {
        NDArray[] a = new NDArray[arrays.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = arrays[i].ndim() < 2 ? arrays[i].reshape(1, -1) : arrays[i];
        }
        return concatenate(a, 0);
    }

    /** NumPy's {@code hstack}: joined along the second axis (the first for 1-d arrays). */
    public static NDArray hstack(NDArray... arrays) {
        boolean oneD = arrays.length > 0 && arrays[0].ndim() == 1;
        return concatenate(arrays, oneD ? 0 : 1);
    }

    /** NumPy's {@code split(a, sections, axis)}: equal parts (views). */
    public static NDArray[] split(NDArray a, int sections, int axis) {
        return wrapAll(Joins.arraySplit(impl(a), sections, axis, true));
    }

    /** NumPy's {@code split(a, indices, axis)}: parts between the given boundaries (views). */
    public static NDArray[] split(NDArray a, long[] indices, int axis) {
        return wrapAll(Joins.splitAt(impl(a), indices, axis));
    }

    /** NumPy's {@code array_split(a, sections, axis)}: nearly equal parts (views). */
    public static NDArray[] arraySplit(NDArray a, int sections, int axis) {
        return wrapAll(Joins.arraySplit(impl(a), sections, axis, false));
    }

    /** NumPy's {@code tile(a, reps)}. */
    public static NDArray tile(Object a, long... reps) {
        return wrap(Joins.tile(impl(asarray(a)), reps));
    }

    /** NumPy's {@code repeat(a, repeats)}: each element of the flattened array repeated. */
    public static NDArray repeat(Object a, long repeats) {
        return wrap(Joins.repeat(impl(asarray(a)), repeats, null));
    }

    /** NumPy's {@code repeat(a, repeats, axis)}. */
    public static NDArray repeat(Object a, long repeats, int axis) {
        return wrap(Joins.repeat(impl(asarray(a)), repeats, axis));
    }

    /** NumPy's {@code repeat(a, repeats, axis)} with one count per element along the axis. */
    public static NDArray repeat(Object a, long[] repeats, int axis) {
        return wrap(Joins.repeat(impl(asarray(a)), repeats, axis));
    }

    /** NumPy's {@code take(a, indices)}: elements of the flattened array. */
    public static NDArray take(Object a, Object indices) {
        return wrap(Advanced.take(impl(asarray(a).ravel()), impl(asarray(indices)), 0));
    }

    /** NumPy's {@code take(a, indices, axis)}. */
    public static NDArray take(Object a, Object indices, int axis) {
        return wrap(Advanced.take(impl(asarray(a)), impl(asarray(indices)), axis));
    }

    /** NumPy's {@code put(a, indices, values)}: {@code a.flat[indices] = values}, in place. */
    public static void put(NDArray a, Object indices, Object values) {
        Advanced.put(impl(a), impl(asarray(indices)), Operands.of(values));
    }

    /**
     * NumPy's {@code add.at(a, indices, values)}: unbuffered {@code a[indices] += values} along the
     * first axis; repeated indices accumulate, in index order, for any number of processors.
     */
    public static void addAt(NDArray a, Object indices, Object values) {
        Advanced.scatter(impl(a), impl(asarray(indices)), Operands.of(values), true);
    }

    /** NumPy's {@code nonzero(a)}: the indices of the non-zero elements, one int64 array per axis. */
    public static NDArray[] nonzero(Object a) {
        return wrapAll(Advanced.nonzero(impl(asarray(a))));
    }

    /** NumPy's {@code flatnonzero(a)}: the indices of the non-zero elements of the flattened array. */
    public static NDArray flatnonzero(Object a) {
        return wrap(Advanced.flatnonzero(impl(asarray(a))));
    }

    /** NumPy's {@code argwhere(a)}: the indices of the non-zero elements, one row each. */
    public static NDArray argwhere(Object a) {
        NDArray[] nz = nonzero(a);
        return stack(nz, 1);
    }

    /** NumPy's {@code extract(condition, arr)}: {@code arr[condition]} of the flattened arrays. */
    public static NDArray extract(Object condition, Object arr) {
        NDArray c = asarray(condition).astype(dev.legate.core.DType.BOOL).ravel();
        return asarray(arr).ravel().get(c);
    }
}
