package dev.legate.numeric.internal.ops;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TypeMismatchException;
import dev.legate.core.Variable;
import dev.legate.numeric.Index;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.tasks.NumericTask;
import dev.legate.numeric.internal.types.Types;
import java.util.Optional;

/**
 * Advanced indexing (copies): boolean masks, integer index arrays (one per index expression, or
 * one per leading axis), {@code take}, {@code put}, scatter-add ({@code np.add.at}) and
 * {@code nonzero}. Out-of-range indices are reported by the task that meets them, at the next
 * synchronisation, naming the index and the extent.
 */
public final class Advanced {
    private Advanced() {
    }

    /** {@code a[index]} where some entries are arrays. */
    public static ArrayImpl get(ArrayImpl a, Index[] index) {
        int arrays = 0;
        int at = -1;
        for (int i = 0; i < index.length; i++) {
            if (index[i] instanceof Index.Array) {
                arrays++;
                at = i;
            }
        }
        ArrayImpl first = Bridge.unwrap(((Index.Array) index[at]).array());
        if (arrays == 1 && index.length == 1 && Types.isBool(first.dtype())) {
            return mask(a, first);
        }
        if (arrays == 1 && !Types.isBool(first.dtype())) {
            Index[] basic = index.clone();
            basic[at] = Index.all();
            int axis = at;
            for (int i = 0; i < at; i++) {
                if (index[i] instanceof Index.At) {
                    axis--;
                } else if (index[i] instanceof Index.NewAxis) {
                    axis++;
                } else if (index[i] instanceof Index.Ellipsis) {
                    axis += a.shape().ndim() - countConsumed(index);
                }
            }
            return take(Views.index(a, basic), first, axis);
        }
        if (arrays == index.length && arrays <= a.shape().ndim()) {
            return take(Views.reshape(lead(a, arrays), new long[] {-1}), linear(a, index), 0);
        }
        throw new UnsupportedOperationException("advanced index " + java.util.Arrays.toString(index)
                + " is not supported: use one boolean mask of the array's shape, one integer array (with basic"
                + " indices elsewhere), or one integer array per leading axis");
    }

    private static int countConsumed(Index[] index) {
        int n = 0;
        for (Index i : index) {
            if (i instanceof Index.At || i instanceof Index.Slice || i instanceof Index.Array) {
                n++;
            }
        }
        return n;
    }

    /** {@code a} with its first {@code k} axes only (the rest must be absent). */
    private static ArrayImpl lead(ArrayImpl a, int k) {
        if (k != a.shape().ndim()) {
            throw new UnsupportedOperationException("one integer array per axis is needed for a multi-array index of"
                    + " a " + a.shape().ndim() + "-d array, got " + k);
        }
        return a;
    }

    /** The row-major linear index of the per-axis index arrays. */
    private static ArrayImpl linear(ArrayImpl a, Index[] index) {
        Object lin = null;
        long stride = 1;
        for (int d = index.length - 1; d >= 0; d--) {
            ArrayImpl ix = Bridge.unwrap(((Index.Array) index[d]).array());
            if (!Types.isInteger(ix.dtype())) {
                throw new TypeMismatchException("index arrays must be integers, got " + ix.dtype().name());
            }
            long e = a.shape().extent(d);
            Object wrapped = Ufuncs.apply(UFunc.REMAINDER, Optional.empty(), checked(ix, e, d), Weak.of(e));
            Object term = Ufuncs.apply(UFunc.MULTIPLY, Optional.empty(), wrapped, Weak.of(stride));
            lin = lin == null ? term : Ufuncs.apply(UFunc.ADD, Optional.empty(), lin, term);
            stride *= e;
        }
        return ((ArrayImpl) lin);
    }

    /** {@code ix} unchanged, after checking its range on the host (it is small by nature). */
    private static ArrayImpl checked(ArrayImpl ix, long extent, int axis) {
        ArrayImpl lo = ReduceOps.reduce(dev.legate.numeric.internal.reduce.RedOp.MIN, ix, null, false);
        ArrayImpl hi = ReduceOps.reduce(dev.legate.numeric.internal.reduce.RedOp.MAX, ix, null, false);
        if (ix.shape().volume() > 0) {
            long l = lo.store().readScalar().asLong();
            long h = hi.store().readScalar().asLong();
            if (l < -extent || h >= extent) {
                long bad = l < -extent ? l : h;
                throw new IndexOutOfBoundsException("index " + bad + " is out of bounds for axis " + axis
                        + " with size " + extent);
            }
        }
        return ix;
    }

    /** {@code a[mask]}: a 1-d copy of the elements where the mask (of a's shape) is true. */
    public static ArrayImpl mask(ArrayImpl a, ArrayImpl m) {
        if (!m.shape().equals(a.shape())) {
            throw new ShapeMismatchException("boolean index of shape " + m.shape() + " does not match the indexed array"
                    + " of shape " + a.shape());
        }
        Ctx ctx = a.ctx();
        var rt = ctx.runtime();
        if (a.shape().ndim() == 0) {
            return mask(Views.reshape(a, new long[] {1}), Views.reshape(m, new long[] {1}));
        }
        LogicalStore out = rt.createUnboundStore(a.dtype());
        AutoTask t = rt.createTask(ctx.id(NumericTask.SELECT));
        Variable va = t.addInput(a.store());
        Variable vm = t.addInput(m.store());
        t.addConstraint(Constraint.align(va, vm));
        t.addConstraint(Constraint.broadcast(va, restDims(a.shape().ndim())));
        t.addOutput(out);
        t.execute();
        return ArrayImpl.adopt(ctx, out);
    }

    private static int[] restDims(int nd) {
        int[] d = new int[Math.max(0, nd - 1)];
        for (int i = 0; i < d.length; i++) {
            d[i] = i + 1;
        }
        return d;
    }

    /** The row-major linear indices of the non-zero elements of {@code a} (int64, 1-d). */
    public static ArrayImpl flatnonzero(ArrayImpl a) {
        Ctx ctx = a.ctx();
        ArrayImpl m = Types.isBool(a.dtype()) ? a : Ufuncs.astype(a, DType.BOOL);
        ArrayImpl src = m.shape().ndim() == 0 ? Views.reshape(m, new long[] {1}) : m;
        LogicalStore out = ctx.runtime().createUnboundStore(DType.INT64);
        AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.NONZERO));
        Variable vm = t.addInput(src.store());
        t.addConstraint(Constraint.broadcast(vm, restDims(src.shape().ndim())));
        t.addOutput(out);
        t.execute();
        return ArrayImpl.adopt(ctx, out);
    }

    /** NumPy's {@code nonzero(a)}: one int64 index array per axis. */
    public static ArrayImpl[] nonzero(ArrayImpl a) {
        ArrayImpl lin = flatnonzero(a);
        int nd = Math.max(1, a.shape().ndim());
        ArrayImpl[] r = new ArrayImpl[nd];
        long stride = 1;
        for (int d = nd - 1; d >= 0; d--) {
            long e = a.shape().ndim() == 0 ? 1 : a.shape().extent(d);
            Object q = Ufuncs.apply(UFunc.FLOOR_DIVIDE, Optional.empty(), lin, Weak.of(stride));
            r[d] = Ufuncs.apply(UFunc.REMAINDER, Optional.empty(), q, Weak.of(e));
            stride *= e;
        }
        return r;
    }

    /** NumPy's {@code take(a, indices, axis)}. */
    public static ArrayImpl take(ArrayImpl a, ArrayImpl indices, int axis) {
        if (!Types.isInteger(indices.dtype())) {
            throw new TypeMismatchException("indices must be integers, got " + indices.dtype().name());
        }
        int ax = Views.axis(axis, a.shape().ndim());
        ArrayImpl src = Views.moveaxis(a, ax, 0);
        ArrayImpl ix = indices.dtype().equals(DType.INT64) ? indices : Ufuncs.astype(indices, DType.INT64);
        int k = ix.shape().ndim();
        long[] rest = src.shape().extents();
        long[] os = new long[k + rest.length - 1];
        System.arraycopy(ix.shape().extents(), 0, os, 0, k);
        System.arraycopy(rest, 1, os, k, rest.length - 1);
        Ctx ctx = a.ctx();
        ArrayImpl out = ArrayImpl.allocate(ctx, Shape.of(os), a.dtype());
        if (Shape.of(os).volume() > 0) {
            if (src.shape().extent(0) == 0) {
                throw new IndexOutOfBoundsException("cannot take from an empty axis " + ax + " of shape " + a.shape());
            }
            LogicalStore iv = ix.store();
            for (int d = k; d < os.length; d++) {
                iv = iv.promote(d, os[d]);
            }
            AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.TAKE));
            Variable vs = t.addInput(src.store());
            t.addConstraint(Constraint.broadcast(vs));
            Variable vi = t.addInput(iv);
            Variable vo = t.addOutput(out.store());
            t.addConstraint(Constraint.align(vi, vo));
            t.addScalar(Scalar.of(k));
            t.execute();
        }
        if (ax == 0) {
            return out;
        }
        int[] perm = new int[os.length];
        for (int d = 0; d < perm.length; d++) {
            perm[d] = d;
        }
        int[] back = new int[os.length];
        int p = 0;
        for (int d = 0; d < ax; d++) {
            back[p++] = k + d;
        }
        for (int d = 0; d < k; d++) {
            back[p++] = d;
        }
        for (int d = k + ax; d < os.length; d++) {
            back[p++] = d;
        }
        return Views.transpose(out, back);
    }

    /**
     * Scatters {@code values} into the rows (along axis 0) of {@code target} named by
     * {@code indices}: assignment (last write wins) or addition ({@code np.add.at}).
     */
    public static void scatter(ArrayImpl target, ArrayImpl indices, Object values, boolean add) {
        if (!Types.isInteger(indices.dtype())) {
            throw new TypeMismatchException("indices must be integers, got " + indices.dtype().name());
        }
        if (add && Types.isComplex(target.dtype())) {
            throw new TypeMismatchException("add.at is not supported for dtype " + target.dtype().name());
        }
        ArrayImpl ix = Views.reshape(indices.dtype().equals(DType.INT64) ? indices
                : Ufuncs.astype(indices, DType.INT64), new long[] {-1});
        long m = ix.shape().volume();
        long[] vs = target.shape().extents();
        vs[0] = m;
        ArrayImpl vals = ArrayImpl.allocate(target.ctx(), Shape.of(vs), target.dtype());
        Ufuncs.assign(vals, values);
        if (m == 0) {
            return;
        }
        target.beforeWrite();
        Ctx ctx = target.ctx();
        AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.SCATTER));
        Variable vin = t.addInput(target.store());
        Variable vi = t.addInput(ix.store());
        t.addConstraint(Constraint.broadcast(vi));
        Variable vv = t.addInput(vals.store());
        t.addConstraint(Constraint.broadcast(vv));
        Variable vo = t.addOutput(target.store());
        t.addConstraint(Constraint.align(vin, vo));
        t.addConstraint(Constraint.broadcast(vo, restDims(target.shape().ndim())));
        t.addScalar(Scalar.of(add ? 1 : 0));
        t.execute();
    }

    /** {@code a[index] = value} where some entries are arrays. */
    public static void set(ArrayImpl a, Index[] index, Object value) {
        int at = -1;
        int arrays = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] instanceof Index.Array) {
                arrays++;
                at = i;
            }
        }
        ArrayImpl first = Bridge.unwrap(((Index.Array) index[at]).array());
        if (arrays == 1 && index.length == 1 && Types.isBool(first.dtype())) {
            if (!first.shape().equals(a.shape())) {
                throw new ShapeMismatchException("boolean index of shape " + first.shape()
                        + " does not match the indexed array of shape " + a.shape());
            }
            if (value instanceof ArrayImpl v && v.shape().ndim() == 1 && !v.shape().equals(a.shape())
                    && v.shape().volume() != 1) {
                put(a, flatnonzero(first), v);
                return;
            }
            Ufuncs.assignWhere(a, first, value);
            return;
        }
        if (arrays == 1 && !Types.isBool(first.dtype())) {
            Index[] basic = index.clone();
            basic[at] = Index.all();
            int axis = at;
            for (int i = 0; i < at; i++) {
                if (index[i] instanceof Index.At) {
                    axis--;
                }
            }
            ArrayImpl view = Views.moveaxis(Views.index(a, basic), axis, 0);
            scatter(view, first, value, false);
            return;
        }
        if (arrays == index.length) {
            put(lead(a, arrays), linear(a, index), value);
            return;
        }
        throw new UnsupportedOperationException("advanced index assignment " + java.util.Arrays.toString(index)
                + " is not supported");
    }

    /** NumPy's {@code put(a, indices, values)}: {@code a.flat[indices] = values}. */
    public static void put(ArrayImpl a, ArrayImpl indices, Object values) {
        Optional<LogicalStore> flat = a.flat();
        if (flat.isPresent()) {
            scatter(Views.reshape(a, new long[] {-1}), indices, values, false);
            return;
        }
        ArrayImpl c = Creation.copy(a);
        scatter(Views.reshape(c, new long[] {-1}), indices, values, false);
        Ufuncs.assign(a, c);
    }
}
