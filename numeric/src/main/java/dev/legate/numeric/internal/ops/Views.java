package dev.legate.numeric.internal.ops;

import dev.legate.core.LogicalStore;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.Index;
import dev.legate.numeric.internal.ArrayImpl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Operations that return views: basic indexing, reshape (a view when the elements are
 * contiguous or the new shape only splits dimensions; a copy otherwise, as NumPy), transposes,
 * squeeze/expand_dims, broadcast_to, flip and diagonals.
 */
public final class Views {
    private Views() {
    }

    /** A normalised axis. */
    public static int axis(int axis, int ndim) {
        int a = axis < 0 ? axis + ndim : axis;
        if (a < 0 || a >= ndim) {
            throw new IndexOutOfBoundsException("axis " + axis + " is out of bounds for array of dimension " + ndim);
        }
        return a;
    }

    /** Resolves one -1 entry of {@code newShape} from {@code volume}. */
    public static long[] resolveShape(long[] newShape, long volume) {
        long[] s = newShape.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("can only specify one unknown dimension in " + Arrays.toString(s));
                }
                unknown = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("negative dimension " + s[i] + " in " + Arrays.toString(s));
            } else {
                known *= s[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || volume % known != 0) {
                throw new ShapeMismatchException("cannot reshape array of size " + volume + " into shape "
                        + Arrays.toString(newShape).replace('[', '(').replace(']', ')'));
            }
            s[unknown] = volume / known;
        }
        if (Shape.of(s).volume() != volume) {
            throw new ShapeMismatchException("cannot reshape array of size " + volume + " into shape " + Shape.of(s));
        }
        return s;
    }

    /** {@code a.reshape(newShape)}. */
    public static ArrayImpl reshape(ArrayImpl a, long[] newShape) {
        long[] s = resolveShape(newShape, a.shape().volume());
        if (Arrays.equals(s, a.shape().extents())) {
            return a;
        }
        Optional<LogicalStore> flat = a.flat();
        if (flat.isPresent()) {
            return ArrayImpl.view(a, unflatten(flat.get(), s), flat.get(), true);
        }
        Optional<LogicalStore> split = splitOnly(a.store(), s);
        if (split.isPresent()) {
            return ArrayImpl.view(a, split.get(), null, true);
        }
        ArrayImpl c = Creation.copy(a);
        LogicalStore f = c.flat().orElseThrow();
        return ArrayImpl.view(c, unflatten(f, s), f, true);
    }

    private static LogicalStore unflatten(LogicalStore flat, long[] s) {
        return switch (s.length) {
            case 0 -> flat.project(0, 0);
            case 1 -> flat;
            default -> flat.delinearize(0, s);
        };
    }

    /** The new shape as views that drop extent-1 dims, split dims and add extent-1 dims, if possible. */
    private static Optional<LogicalStore> splitOnly(LogicalStore st, long[] target) {
        LogicalStore v = st;
        for (int d = v.ndim() - 1; d >= 0; d--) {
            if (v.shape().extent(d) == 1) {
                v = v.project(d, 0);
            }
        }
        long[] old = v.shape().extents();
        List<Long> news = new ArrayList<>();
        for (long e : target) {
            if (e != 1) {
                news.add(e);
            }
        }
        int j = 0;
        List<long[]> groups = new ArrayList<>();
        for (long e : old) {
            List<Long> g = new ArrayList<>();
            long prod = 1;
            while (prod < e && j < news.size()) {
                prod *= news.get(j);
                g.add(news.get(j++));
            }
            if (prod != e) {
                return Optional.empty();
            }
            groups.add(g.stream().mapToLong(Long::longValue).toArray());
        }
        if (j != news.size()) {
            return Optional.empty();
        }
        for (int d = old.length - 1; d >= 0; d--) {
            if (groups.get(d).length > 1) {
                v = v.delinearize(d, groups.get(d));
            }
        }
        for (int d = 0; d < target.length; d++) {
            if (target[d] == 1) {
                v = v.promote(d, 1);
            }
        }
        return Optional.of(v);
    }

    /** {@code a.transpose(axes)}. */
    public static ArrayImpl transpose(ArrayImpl a, int[] axes) {
        int n = a.shape().ndim();
        int[] ax = new int[axes.length];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = axis(axes[i], n);
        }
        boolean identity = true;
        for (int i = 0; i < ax.length; i++) {
            identity &= ax[i] == i;
        }
        if (identity && ax.length == n) {
            return a;
        }
        if (n == 2) {
            return ArrayImpl.transposeView(a, a.store().transpose(ax));
        }
        return ArrayImpl.view(a, a.store().transpose(ax), null, true);
    }

    /** The permutation that reverses the axes. */
    public static int[] reversed(int n) {
        int[] ax = new int[n];
        for (int i = 0; i < n; i++) {
            ax[i] = n - 1 - i;
        }
        return ax;
    }

    /** {@code np.moveaxis(a, source, destination)}. */
    public static ArrayImpl moveaxis(ArrayImpl a, int source, int destination) {
        int n = a.shape().ndim();
        int s = axis(source, n);
        int d = axis(destination, n);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != s) {
                order.add(i);
            }
        }
        order.add(d, s);
        return transpose(a, order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code np.squeeze(a, axes)}; with no axes every extent-1 dimension is removed. */
    public static ArrayImpl squeeze(ArrayImpl a, int[] axes) {
        int n = a.shape().ndim();
        boolean[] drop = new boolean[n];
        if (axes.length == 0) {
            for (int d = 0; d < n; d++) {
                drop[d] = a.shape().extent(d) == 1;
            }
        } else {
            for (int ax : axes) {
                int d = axis(ax, n);
                if (a.shape().extent(d) != 1) {
                    throw new ShapeMismatchException("cannot select an axis to squeeze out which has size not equal to"
                            + " one (axis " + ax + " of shape " + a.shape() + ")");
                }
                drop[d] = true;
            }
        }
        LogicalStore v = a.store();
        for (int d = n - 1; d >= 0; d--) {
            if (drop[d]) {
                v = v.project(d, 0);
            }
        }
        return ArrayImpl.view(a, v, a.flat().orElse(null), true);
    }

    /** {@code np.expand_dims(a, axis)}. */
    public static ArrayImpl expandDims(ArrayImpl a, int axis) {
        int n = a.shape().ndim() + 1;
        int d = axis(axis, n);
        return ArrayImpl.view(a, a.store().promote(d, 1), a.flat().orElse(null), true);
    }

    /** {@code np.broadcast_to(a, shape)}: a read-only view. */
    public static ArrayImpl broadcastTo(ArrayImpl a, long[] shape) {
        LogicalStore s = a.store();
        Shape b = Ufuncs.broadcast(a.shape(), Shape.of(shape), "broadcast_to");
        if (!b.equals(Shape.of(shape))) {
            throw new ShapeMismatchException("cannot broadcast shape " + a.shape() + " to " + Shape.of(shape));
        }
        return ArrayImpl.view(a, Launch.broadcastTo(s, shape), null, false);
    }

    /** {@code np.flip(a, axis)}. */
    public static ArrayImpl flip(ArrayImpl a, int axis) {
        int d = axis(axis, a.shape().ndim());
        long e = a.shape().extent(d);
        LogicalStore s = e == 0 ? a.store() : a.store().slice(d, e - 1, -1, -1);
        return ArrayImpl.view(a, s, null, true);
    }

    /** The diagonal {@code k} of a 2-d array as a view (of a contiguous copy when needed). */
    public static ArrayImpl diagonal(ArrayImpl a, long k, boolean writeable) {
        if (a.shape().ndim() != 2) {
            throw new ShapeMismatchException("diagonal needs a 2-d array, got shape " + a.shape());
        }
        ArrayImpl c = a.flat().isPresent() ? a : Creation.copy(a);
        LogicalStore f = c.flat().orElseThrow();
        long n = a.shape().extent(0);
        long m = a.shape().extent(1);
        long start = k >= 0 ? k : -k * m;
        long count = k >= 0 ? Math.max(0, Math.min(n, m - k)) : Math.max(0, Math.min(n + k, m));
        LogicalStore d = count == 0 ? f.slice(0, 0, 0) : f.slice(0, start, start + (count - 1) * (m + 1) + 1, m + 1);
        return ArrayImpl.view(c, d, null, writeable && c == a);
    }

    /** Basic indexing ({@code a[index]}) with integers, slices, newaxis and ellipsis: a view. */
    public static ArrayImpl index(ArrayImpl a, Index[] index) {
        int n = a.shape().ndim();
        int consumed = 0;
        int ellipses = 0;
        for (Index i : index) {
            switch (i) {
                case Index.At at -> consumed++;
                case Index.Slice sl -> consumed++;
                case Index.Ellipsis el -> ellipses++;
                case Index.NewAxis na -> {
                }
                case Index.Array ar -> throw new IllegalArgumentException("array indices are not basic indices");
            }
        }
        if (ellipses > 1) {
            throw new IllegalArgumentException("an index can only have a single ellipsis ('...')");
        }
        if (consumed > n) {
            throw new IndexOutOfBoundsException("too many indices for array: array is " + n + "-dimensional, but "
                    + consumed + " were indexed");
        }
        LogicalStore v = a.store();
        long[] ext = a.shape().extents();
        long[] rowStride = new long[n];
        long acc = 1;
        for (int d = n - 1; d >= 0; d--) {
            rowStride[d] = acc;
            acc *= ext[d];
        }
        int src = 0;
        int dst = 0;
        long flatOffset = 0;
        int state = 0;
        for (Index i : index) {
            switch (i) {
                case Index.At at -> {
                    long e = ext[src];
                    long k = at.index() < 0 ? at.index() + e : at.index();
                    if (k < 0 || k >= e) {
                        throw new IndexOutOfBoundsException("index " + at.index() + " is out of bounds for axis " + src
                                + " with size " + e);
                    }
                    v = v.project(dst, k);
                    if (state == 0) {
                        flatOffset += k * rowStride[src];
                    } else if (e != 1) {
                        state = 2;
                    }
                    src++;
                }
                case Index.Slice sl -> {
                    long e = ext[src];
                    long[] r = normalize(sl, e);
                    long start = r[0];
                    long count = r[1];
                    long step = sl.step();
                    boolean full = step == 1 && start == 0 && count == e;
                    if (!full) {
                        v = count == 0 ? v.slice(dst, 0, 0, step) : v.slice(dst, start,
                                step > 0 ? start + (count - 1) * step + 1 : start + (count - 1) * step - 1, step);
                        if (state == 0 && step == 1) {
                            flatOffset += start * rowStride[src];
                            state = 1;
                        } else if (e != 1 || count != 1) {
                            state = 2;
                        }
                    } else if (state == 0 && e != 1) {
                        state = 1;
                    }
                    src++;
                    dst++;
                }
                case Index.NewAxis na -> v = v.promote(dst++, 1);
                case Index.Ellipsis el -> {
                    int k = n - consumed;
                    src += k;
                    dst += k;
                    if (k > 0 && state == 0) {
                        for (int q = src - k; q < src; q++) {
                            if (ext[q] != 1) {
                                state = 1;
                            }
                        }
                    }
                }
                case Index.Array ar -> throw new IllegalStateException();
            }
        }
        LogicalStore flat = null;
        Optional<LogicalStore> pf = a.flat();
        if (pf.isPresent() && state < 2) {
            long size = v.volume();
            flat = pf.get().slice(0, flatOffset, flatOffset + size);
        }
        return ArrayImpl.view(a, v, flat, true);
    }

    /** Python's slice normalisation: the first index and the number of elements. */
    static long[] normalize(Index.Slice s, long n) {
        long step = s.step();
        long start;
        long stop;
        if (step > 0) {
            start = s.start().isPresent() ? clip(s.start().getAsLong(), n, 0, n) : 0;
            stop = s.stop().isPresent() ? clip(s.stop().getAsLong(), n, 0, n) : n;
            return new long[] {start, stop > start ? (stop - start + step - 1) / step : 0};
        }
        start = s.start().isPresent() ? clip(s.start().getAsLong(), n, -1, n - 1) : n - 1;
        stop = s.stop().isPresent() ? clip(s.stop().getAsLong(), n, -1, n - 1) : -1;
        return new long[] {start, start > stop ? (start - stop + (-step) - 1) / (-step) : 0};
    }

    private static long clip(long i, long n, long lo, long hi) {
        long k = i < 0 ? i + n : i;
        return Math.max(lo, Math.min(hi, k));
    }
}
