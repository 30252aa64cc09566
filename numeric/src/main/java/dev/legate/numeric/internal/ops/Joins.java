package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.Index;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.types.Types;
import java.util.ArrayList;
import java.util.List;

/** Joining and splitting: concatenate, stack, split, tile and repeat. */
public final class Joins {
    private Joins() {
    }

    /** NumPy's {@code concatenate(arrays, axis)}; types promote. */
    public static ArrayImpl concatenate(ArrayImpl[] arrays, int axis) {
        if (arrays.length == 0) {
            throw new IllegalArgumentException("need at least one array to concatenate");
        }
        int nd = arrays[0].shape().ndim();
        if (nd == 0) {
            throw new ShapeMismatchException("zero-dimensional arrays cannot be concatenated");
        }
        int ax = Views.axis(axis, nd);
        long[] shape = arrays[0].shape().extents();
        DType t = arrays[0].dtype();
        long total = 0;
        for (ArrayImpl a : arrays) {
            long[] s = a.shape().extents();
            if (s.length != nd) {
                throw new ShapeMismatchException("all the input arrays must have the same number of dimensions, but "
                        + "shapes " + arrays[0].shape() + " and " + a.shape() + " differ");
            }
            for (int d = 0; d < nd; d++) {
                if (d != ax && s[d] != shape[d]) {
                    throw new ShapeMismatchException("all the input array dimensions except for the concatenation axis "
                            + "must match exactly, but shapes " + arrays[0].shape() + " and " + a.shape() + " differ"
                            + " in dimension " + d);
                }
            }
            total += s[ax];
            t = Types.promote(t, a.dtype());
        }
        shape[ax] = total;
        Ctx ctx = arrays[0].ctx();
        ArrayImpl out = ArrayImpl.allocate(ctx, Shape.of(shape), t);
        long at = 0;
        for (ArrayImpl a : arrays) {
            long n = a.shape().extent(ax);
            if (n > 0) {
                Index[] ix = new Index[nd];
                for (int d = 0; d < nd; d++) {
                    ix[d] = d == ax ? Index.slice(at, at + n) : Index.all();
                }
                Ufuncs.assign(Views.index(out, ix), a);
            }
            at += n;
        }
        return out;
    }

    /** NumPy's {@code stack(arrays, axis)}: a new axis. */
    public static ArrayImpl stack(ArrayImpl[] arrays, int axis) {
        if (arrays.length == 0) {
            throw new IllegalArgumentException("need at least one array to stack");
        }
        Shape s = arrays[0].shape();
        ArrayImpl[] ex = new ArrayImpl[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            if (!arrays[i].shape().equals(s)) {
                throw new ShapeMismatchException("all input arrays must have the same shape, but " + s + " and "
                        + arrays[i].shape() + " differ");
            }
            ex[i] = Views.expandDims(arrays[i], axis);
        }
        return concatenate(ex, Views.axis(axis, s.ndim() + 1));
    }

    /** NumPy's {@code split} by boundaries {@code indices} (views). */
    public static ArrayImpl[] splitAt(ArrayImpl a, long[] indices, int axis) {
        int nd = a.shape().ndim();
        int ax = Views.axis(axis, nd);
        long n = a.shape().extent(ax);
        List<ArrayImpl> out = new ArrayList<>();
        long prev = 0;
        for (int i = 0; i <= indices.length; i++) {
            long end = i < indices.length ? Math.max(prev, Math.min(n, indices[i])) : n;
            Index[] ix = new Index[nd];
            for (int d = 0; d < nd; d++) {
                ix[d] = d == ax ? Index.slice(prev, end) : Index.all();
            }
            out.add(Views.index(a, ix));
            prev = end;
        }
        return out.toArray(new ArrayImpl[0]);
    }

    /** NumPy's {@code array_split} into {@code sections} parts (the first ones one longer when uneven). */
    public static ArrayImpl[] arraySplit(ArrayImpl a, int sections, int axis, boolean even) {
        if (sections <= 0) {
            throw new IllegalArgumentException("number sections must be larger than 0, got " + sections);
        }
        long n = a.shape().extent(Views.axis(axis, a.shape().ndim()));
        if (even && n % sections != 0) {
            throw new ShapeMismatchException("array split does not result in an equal division: " + n + " elements"
                    + " into " + sections + " sections");
        }
        long q = n / sections;
        long r = n % sections;
        long[] idx = new long[sections - 1];
        long at = 0;
        for (int i = 0; i < sections - 1; i++) {
            at += q + (i < r ? 1 : 0);
            idx[i] = at;
        }
        return splitAt(a, idx, axis);
    }

    /** NumPy's {@code tile(a, reps)}. */
    public static ArrayImpl tile(ArrayImpl a, long[] reps) {
        int nd = Math.max(a.shape().ndim(), reps.length);
        long[] s = new long[nd];
        long[] r = new long[nd];
        for (int d = 0; d < nd; d++) {
            int da = d - (nd - a.shape().ndim());
            int dr = d - (nd - reps.length);
            s[d] = da >= 0 ? a.shape().extent(da) : 1;
            r[d] = dr >= 0 ? reps[dr] : 1;
        }
        long[] inter = new long[2 * nd];
        long[] bshape = new long[2 * nd];
        long[] result = new long[nd];
        for (int d = 0; d < nd; d++) {
            inter[2 * d] = 1;
            inter[2 * d + 1] = s[d];
            bshape[2 * d] = r[d];
            bshape[2 * d + 1] = s[d];
            result[d] = r[d] * s[d];
        }
        ArrayImpl v = Views.broadcastTo(Views.reshape(a, inter), bshape);
        return Views.reshape(Creation.copy(v), result);
    }

    /** NumPy's {@code repeat(a, repeats, axis)} with one count for every element (null axis: flattened). */
    public static ArrayImpl repeat(ArrayImpl a, long repeats, Integer axis) {
        if (repeats < 0) {
            throw new IllegalArgumentException("repeats may not contain negative values, got " + repeats);
        }
        ArrayImpl src = axis == null ? Views.reshape(a, new long[] {-1}) : a;
        int nd = src.shape().ndim();
        int ax = axis == null ? 0 : Views.axis(axis, nd);
        long[] s = src.shape().extents();
        long[] inter = new long[nd + 1];
        long[] b = new long[nd + 1];
        long[] result = s.clone();
        for (int d = 0, k = 0; d < nd; d++) {
            inter[k] = s[d];
            b[k++] = s[d];
            if (d == ax) {
                inter[k] = 1;
                b[k++] = repeats;
            }
        }
        result[ax] = s[ax] * repeats;
        ArrayImpl v = Views.broadcastTo(Views.reshape(src, inter), b);
        return Views.reshape(Creation.copy(v), result);
    }

    /** NumPy's {@code repeat(a, repeats, axis)} with one count per element along the axis. */
    public static ArrayImpl repeat(ArrayImpl a, long[] repeats, Integer axis) {
        ArrayImpl src = axis == null ? Views.reshape(a, new long[] {-1}) : a;
        int ax = axis == null ? 0 : Views.axis(axis, src.shape().ndim());
        long n = src.shape().extent(ax);
        if (repeats.length != n) {
            throw new ShapeMismatchException("operands could not be broadcast together with shape (" + n
                    + ",) (" + repeats.length + ",)");
        }
        long total = 0;
        for (long r : repeats) {
            if (r < 0) {
                throw new IllegalArgumentException("repeats may not contain negative values, got " + r);
            }
            total += r;
        }
        long[] idx = new long[Math.toIntExact(total)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (long j = 0; j < repeats[i]; j++) {
                idx[k++] = i;
            }
        }
        ArrayImpl ix = Creation.fromLongs(src.ctx(), idx, Shape.of(total), DType.INT64);
        return Advanced.take(src, ix, ax);
    }
}
