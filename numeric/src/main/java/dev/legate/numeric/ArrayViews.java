package dev.legate.numeric;

import dev.legate.numeric.internal.ops.Advanced;
import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.Ufuncs;
import dev.legate.numeric.internal.ops.Views;

/** Indexing, views and products of {@link NDArray}; see there. */
abstract class ArrayViews extends ArrayReductions {
    ArrayViews() {
    }

    // ---- views and indexing --------------------------------------------------------------

    /**
     * {@code a[index]} with basic indices: a view of the same data.
     *
     * @throws IndexOutOfBoundsException naming an index outside its axis and the extent
     */
    public NDArray get(Index... index) {
        for (Index i : index) {
            if (i instanceof Index.Array) {
                return NDArray.wrap(Advanced.get(impl(), index));
            }
        }
        return NDArray.wrap(Views.index(impl(), index));
    }

    /** {@code a[text]} in NumPy's notation, e.g. {@code a.get("1:-1, ::2")}; see {@link Index#parse}. */
    public NDArray get(String index) {
        return get(Indexing.parse(index));
    }

    /** {@code a[i, j, ...]} with integer indices: a view (0-d when every axis is indexed). */
    public NDArray get(long... index) {
        Index[] ix = new Index[index.length];
        for (int i = 0; i < index.length; i++) {
            ix[i] = Index.at(index[i]);
        }
        return get(ix);
    }

    /** {@code a[index] = value}; {@code value} is array_like and broadcasts to the selection. */
    public NDArray set(Index[] index, Object value) {
        for (Index i : index) {
            if (i instanceof Index.Array) {
                Advanced.set(impl(), index, Operands.of(value));
                return self();
            }
        }
        Ufuncs.assign(Views.index(impl(), index), Operands.of(value));
        return self();
    }

    /** {@code a[text] = value}, e.g. {@code u.set("1:-1, 1:-1", interior)}. */
    public NDArray set(String index, Object value) {
        return set(Indexing.parse(index), value);
    }

    /**
     * {@code a[mask] = value} for a boolean mask of this array's shape (a scalar, an array that
     * broadcasts, or one value per true element), or {@code a[indices] = value} for integer
     * indices along the first axis.
     */
    public NDArray set(NDArray mask, Object value) {
        return set(new Index[] {Index.array(mask)}, value);
    }

    /**
     * {@code a[mask]}: a 1-d copy of the elements where the boolean mask (of this array's
     * shape) is true; or {@code a[indices]} for an integer array: a copy of the rows it names.
     * A boolean mask waits for the selection, whose size it needs.
     */
    public NDArray get(NDArray mask) {
        return get(Index.array(mask));
    }

    /**
     * The same data in a new shape (one extent may be -1). A view when the elements are
     * contiguous or the new shape only splits or adds unit dimensions; a copy otherwise.
     */
    public NDArray reshape(long... shape) {
        return NDArray.wrap(Views.reshape(impl(), shape));
    }

    /** The elements as a 1-d array (a view when contiguous). */
    public NDArray ravel() {
        return reshape(-1);
    }

    /** A 1-d copy of the elements. */
    public NDArray flatten() {
        return copy().reshape(-1);
    }

    /** The axes reversed (a view). */
    public NDArray transpose() {
        return NDArray.wrap(Views.transpose(impl(), Views.reversed(impl().shape().ndim())));
    }

    /** The axes permuted: axis {@code i} of the result is {@code axes[i]} of this array (a view). */
    public NDArray transpose(int... axes) {
        if (axes.length != impl().shape().ndim()) {
            throw new IllegalArgumentException("axes don't match array: " + axes.length + " axes for a " + impl().shape().ndim()
                    + "-d array");
        }
        return NDArray.wrap(Views.transpose(impl(), axes));
    }

    /** NumPy's {@code a.T}. */
    public NDArray T() {
        return transpose();
    }

    /** Axes {@code a} and {@code b} interchanged (a view). */
    public NDArray swapaxes(int a, int b) {
        int[] ax = new int[impl().shape().ndim()];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = i;
        }
        int x = Views.axis(a, impl().shape().ndim());
        int y = Views.axis(b, impl().shape().ndim());
        ax[x] = y;
        ax[y] = x;
        return NDArray.wrap(Views.transpose(impl(), ax));
    }

    /** Unit axes removed (all of them when none are given; a view). */
    public NDArray squeeze(int... axes) {
        return NDArray.wrap(Views.squeeze(impl(), axes));
    }

    /** A unit axis inserted at {@code axis} (a view). */
    public NDArray expandDims(int axis) {
        return NDArray.wrap(Views.expandDims(impl(), axis));
    }

    /** A read-only view broadcast to {@code shape}. */
    public NDArray broadcastTo(long... shape) {
        return NDArray.wrap(Views.broadcastTo(impl(), shape));
    }

    /** The elements along {@code axis} reversed (a view). */
    public NDArray flip(int axis) {
        return NDArray.wrap(Views.flip(impl(), axis));
    }

    /** Diagonal {@code k} of a 2-d array (a copy). */
    public NDArray diagonal(long k) {
        return NDArray.wrap(Views.diagonal(impl(), k, false)).copy();
    }

    /** Diagonal {@code k} as a writable view (for contiguous arrays). */
    NDArray diagonalView(long k) {
        return NDArray.wrap(Views.diagonal(impl(), k, true));
    }

    // ---- products ------------------------------------------------------------------------

    /** {@code this @ other} (NumPy's {@code matmul}). */
    public NDArray matmul(Object other) {
        return NDArray.wrap(dev.legate.numeric.internal.ops.LinalgOps.matmul(impl(), Operands.array(impl().ctx(), other)));
    }

    /** NumPy's {@code a.dot(other)}. */
    public NDArray dot(Object other) {
        return NDArray.wrap(dev.legate.numeric.internal.ops.LinalgOps.dot(impl(), Operands.array(impl().ctx(), other)));
    }
}
