package dev.legate.core.internal;

import dev.legate.core.Rect;
import dev.legate.core.Shape;
import java.util.Arrays;

/**
 * An affine map from the coordinates of a store view to those of its root storage:
 * {@code root[k] = offset[k] + sum_j coef[k][j] * view[j]}. Every view operation (slice with a
 * step, transpose, promote, project, broadcast, delinearize) composes into one such map, so a
 * view of a view costs nothing more than a view. Immutable.
 */
public final class StoreView {
    private final long[] shape;
    private final long[] offset;
    private final long[][] coef;

    private StoreView(long[] shape, long[] offset, long[][] coef) {
        this.shape = shape;
        this.offset = offset;
        this.coef = coef;
    }

    /** The identity view of a root of the given shape. */
    public static StoreView identity(long[] shape) {
        int n = shape.length;
        long[][] c = new long[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1;
        }
        return new StoreView(shape.clone(), new long[n], c);
    }

    /** The view's extents. */
    public long[] shape() {
        return shape.clone();
    }

    /** The view's extent in dimension {@code d}. */
    public long extent(int d) {
        return shape[d];
    }

    /** Number of view dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Number of root dimensions. */
    public int rootNdim() {
        return offset.length;
    }

    /** Whether this is the identity view of its root. */
    public boolean isIdentity() {
        if (shape.length != offset.length) {
            return false;
        }
        for (int k = 0; k < offset.length; k++) {
            if (offset[k] != 0) {
                return false;
            }
            for (int j = 0; j < shape.length; j++) {
                if (coef[k][j] != (k == j ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private long[][] copyCoef() {
        long[][] c = new long[coef.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = coef[k].clone();
        }
        return c;
    }

    /** Elements {@code start, start+step, ...} of dimension {@code dim}, {@code count} of them. */
    public StoreView slice(int dim, long start, long step, long count) {
        long[] off = offset.clone();
        long[][] c = copyCoef();
        for (int k = 0; k < off.length; k++) {
            off[k] += coef[k][dim] * start;
            c[k][dim] = coef[k][dim] * step;
        }
        long[] s = shape.clone();
        s[dim] = count;
        return new StoreView(s, off, c);
    }

    /** Dimension {@code j} of the result is dimension {@code axes[j]} of this view. */
    public StoreView transpose(int[] axes) {
        long[][] c = new long[coef.length][axes.length];
        long[] s = new long[axes.length];
        for (int j = 0; j < axes.length; j++) {
            s[j] = shape[axes[j]];
            for (int k = 0; k < coef.length; k++) {
                c[k][j] = coef[k][axes[j]];
            }
        }
        return new StoreView(s, offset.clone(), c);
    }

    /** A new dimension of extent {@code size} at position {@code dim}, along which nothing changes. */
    public StoreView promote(int dim, long size) {
        long[] s = insert(shape, dim, size);
        long[][] c = new long[coef.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = insert(coef[k], dim, 0);
        }
        return new StoreView(s, offset.clone(), c);
    }

    /** Fixes dimension {@code dim} at {@code index} and removes it. */
    public StoreView project(int dim, long index) {
        long[] off = offset.clone();
        long[][] c = new long[coef.length][];
        for (int k = 0; k < off.length; k++) {
            off[k] += coef[k][dim] * index;
            c[k] = remove(coef[k], dim);
        }
        return new StoreView(remove(shape, dim), off, c);
    }

    /** Repeats dimension {@code dim}, of extent 1, {@code size} times. */
    public StoreView broadcast(int dim, long size) {
        long[][] c = copyCoef();
        for (long[] row : c) {
            row[dim] = 0;
        }
        long[] s = shape.clone();
        s[dim] = size;
        return new StoreView(s, offset.clone(), c);
    }

    /** Splits dimension {@code dim} into dimensions of the given sizes (row-major). */
    public StoreView delinearize(int dim, long[] sizes) {
        int n = shape.length + sizes.length - 1;
        long[] s = new long[n];
        long[][] c = new long[coef.length][n];
        for (int j = 0, o = 0; j < shape.length; j++) {
            if (j == dim) {
                long stride = 1;
                for (int q = sizes.length - 1; q >= 0; q--) {
                    s[o + q] = sizes[q];
                    for (int k = 0; k < coef.length; k++) {
                        c[k][o + q] = coef[k][j] * stride;
                    }
                    stride *= sizes[q];
                }
                o += sizes.length;
            } else {
                s[o] = shape[j];
                for (int k = 0; k < coef.length; k++) {
                    c[k][o] = coef[k][j];
                }
                o++;
            }
        }
        return new StoreView(s, offset.clone(), c);
    }

    /** The root point of view point {@code p}. */
    public long[] toRoot(long[] p) {
        long[] r = offset.clone();
        for (int k = 0; k < r.length; k++) {
            for (int j = 0; j < p.length; j++) {
                r[k] += coef[k][j] * p[j];
            }
        }
        return r;
    }

    /**
     * The smallest root rectangle holding the image of the view rectangle {@code rect} (exact
     * for views without delinearization; a bounding box otherwise). Empty for an empty rect.
     */
    public Rect rootBounds(Rect rect) {
        int rn = offset.length;
        if (rect.isEmpty()) {
            return new Rect(new long[rn], new long[rn]);
        }
        long[] lo = offset.clone();
        long[] hi = offset.clone();
        for (int k = 0; k < rn; k++) {
            for (int j = 0; j < shape.length; j++) {
                long a = coef[k][j] * rect.lo(j);
                long b = coef[k][j] * (rect.hi(j) - 1);
                lo[k] += Math.min(a, b);
                hi[k] += Math.max(a, b);
            }
            hi[k] += 1;
        }
        return new Rect(lo, hi);
    }

    /**
     * Whether the image of the view rectangle {@code rect} fills {@link #rootBounds}{@code (rect)}:
     * true for views without delinearization, and for tiles of a delinearized view that cover
     * whole rows of its inner dimensions; false where the bounding box holds root elements that no
     * point of {@code rect} maps to (a tile cut in an inner delinearized dimension, or strided).
     * Conservative: false whenever a view dimension moves along more than one root dimension.
     */
    public boolean imageFillsBounds(Rect rect) {
        if (rect.isEmpty()) {
            return true;
        }
        int rn = offset.length;
        int vn = shape.length;
        for (int j = 0; j < vn; j++) {
            if (rect.extent(j) > 1) {
                int roots = 0;
                for (int k = 0; k < rn; k++) {
                    roots += coef[k][j] != 0 ? 1 : 0;
                }
                if (roots > 1) {
                    return false;
                }
            }
        }
        long[] step = new long[vn];
        long[] count = new long[vn];
        for (int k = 0; k < rn; k++) {
            // Root coordinate k takes the values sum_j coef[k][j] * v_j over the rectangle: a
            // contiguous range exactly when, taking the dimensions by increasing |coef|, each step
            // is at most one more than the reach of the smaller ones.
            int n = 0;
            for (int j = 0; j < vn; j++) {
                if (coef[k][j] != 0 && rect.extent(j) > 1) {
                    step[n] = Math.abs(coef[k][j]);
                    count[n] = rect.extent(j);
                    n++;
                }
            }
            for (int a = 1; a < n; a++) {
                for (int b = a; b > 0 && step[b - 1] > step[b]; b--) {
                    long t = step[b];
                    step[b] = step[b - 1];
                    step[b - 1] = t;
                    t = count[b];
                    count[b] = count[b - 1];
                    count[b - 1] = t;
                }
            }
            long reach = 0;
            for (int i = 0; i < n; i++) {
                if (step[i] > reach + 1) {
                    return false;
                }
                reach += step[i] * (count[i] - 1);
            }
        }
        return true;
    }

    /** The element offset of view point 0 in a root instance with the given element strides. */
    public long baseOffset(long[] rootStrides) {
        long o = 0;
        for (int k = 0; k < offset.length; k++) {
            o += rootStrides[k] * offset[k];
        }
        return o;
    }

    /** Element strides of the view's dimensions in a root instance with the given strides. */
    public long[] strides(long[] rootStrides) {
        long[] s = new long[shape.length];
        for (int j = 0; j < s.length; j++) {
            for (int k = 0; k < offset.length; k++) {
                s[j] += rootStrides[k] * coef[k][j];
            }
        }
        return s;
    }

    /** The view's extents as a shape. */
    public Shape toShape() {
        return Shape.of(shape);
    }

    private static long[] insert(long[] a, int at, long v) {
        long[] r = new long[a.length + 1];
        System.arraycopy(a, 0, r, 0, at);
        r[at] = v;
        System.arraycopy(a, at, r, at + 1, a.length - at);
        return r;
    }

    private static long[] remove(long[] a, int at) {
        long[] r = new long[a.length - 1];
        System.arraycopy(a, 0, r, 0, at);
        System.arraycopy(a, at + 1, r, at, a.length - at - 1);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreView v && Arrays.equals(shape, v.shape) && Arrays.equals(offset, v.offset)
                && Arrays.deepEquals(coef, v.coef);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(offset);
    }
}
