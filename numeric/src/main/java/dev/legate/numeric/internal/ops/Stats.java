package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.Index;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.reduce.RedOp;
import dev.legate.numeric.internal.types.Types;
import java.util.Optional;

/**
 * Statistics: bincount and histogram (owner-computes scatter-adds, so weighted sums are
 * deterministic), quantiles with NumPy's "linear" method, median, average, cov and corrcoef.
 * bincount and histogram without a range wait for the data's extremes, which size the result.
 */
public final class Stats {
    private Stats() {
    }

    private static ArrayImpl ufunc(UFunc f, Object... ops) {
        return Ufuncs.apply(f, Optional.empty(), ops);
    }

    /** NumPy's {@code bincount(x, weights, minlength)}; {@code weights} may be null. */
    public static ArrayImpl bincount(ArrayImpl x, ArrayImpl weights, long minlength) {
        if (x.shape().ndim() != 1) {
            throw new ShapeMismatchException("bincount needs a 1-d array, got shape " + x.shape());
        }
        if (!Types.isInteger(x.dtype()) && !Types.isBool(x.dtype())) {
            throw new TypeMismatchException("bincount needs integers, got dtype " + x.dtype().name());
        }
        long n = minlength;
        if (x.shape().volume() > 0) {
            long lo = ReduceOps.reduce(RedOp.MIN, x, null, false).store().readScalar().asLong();
            if (lo < 0) {
                throw new IllegalArgumentException("bincount: 'x' must be non-negative, found " + lo);
            }
            n = Math.max(n, ReduceOps.reduce(RedOp.MAX, x, null, false).store().readScalar().asLong() + 1);
        }
        return counts(x, weights, n);
    }

    /** Scatter-adds 1 (or the weights) at each index of {@code x} into {@code n} bins. */
    private static ArrayImpl counts(ArrayImpl x, ArrayImpl weights, long n) {
        Ctx ctx = x.ctx();
        DType t = weights == null ? DType.INT64 : Types.promote(DType.FLOAT64, weights.dtype());
        ArrayImpl out = Creation.full(ctx, Shape.of(n), t, dev.legate.core.Scalar.of(t, 0));
        if (x.shape().volume() == 0 || n == 0) {
            return out;
        }
        Object vals = weights == null ? Weak.of(1) : weights;
        if (weights != null && !weights.shape().equals(x.shape())) {
            throw new ShapeMismatchException("bincount: weights of shape " + weights.shape() + " do not match x of"
                    + " shape " + x.shape());
        }
        Advanced.scatter(out, x, vals, true);
        return out;
    }

    /**
     * NumPy's {@code histogram(a, bins, range)}: {counts, edges}; {@code range} null takes the
     * data's minimum and maximum. Values outside the range are ignored; the last bin includes
     * its right edge.
     */
    public static ArrayImpl[] histogram(ArrayImpl a, int bins, double[] range, ArrayImpl weights) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram: bins must be positive, got " + bins);
        }
        ArrayImpl flat = Views.reshape(a, new long[] {-1});
        Ctx ctx = a.ctx();
        double lo;
        double hi;
        if (range != null) {
            lo = range[0];
            hi = range[1];
            if (lo > hi) {
                throw new IllegalArgumentException("max must be larger than min in range parameter, got " + lo + ", "
                        + hi);
            }
        } else if (flat.shape().volume() == 0) {
            lo = 0;
            hi = 1;
        } else {
            lo = ReduceOps.reduce(RedOp.MIN, flat, null, false).store().readScalar().asDouble();
            hi = ReduceOps.reduce(RedOp.MAX, flat, null, false).store().readScalar().asDouble();
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("autodetected range of [" + lo + ", " + hi + "] is not finite");
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        ArrayImpl edges = Creation.linspace(ctx, lo, hi, bins + 1L, true, DType.FLOAT64);
        ArrayImpl pos = Sorts.searchsorted(edges, Ufuncs.astype(flat, DType.FLOAT64), true);
        Object idx = ufunc(UFunc.SUBTRACT, pos, Weak.of(1));
        ArrayImpl atTop = ufunc(UFunc.EQUAL, flat, Weak.of(hi));
        idx = Ufuncs.where(atTop, Weak.of((long) bins - 1), idx, Optional.empty());
        ArrayImpl outside = ufunc(UFunc.LOGICAL_OR, ufunc(UFunc.LESS, flat, Weak.of(lo)),
                ufunc(UFunc.GREATER, flat, Weak.of(hi)));
        ArrayImpl bin = Ufuncs.where(outside, Weak.of((long) bins), idx, Optional.empty());
        ArrayImpl w = weights == null ? null : Views.reshape(weights, new long[] {-1});
        ArrayImpl c = counts(bin, w, bins + 1L);
        return new ArrayImpl[] {Views.index(c, new Index[] {Index.to(bins)}), edges};
    }

    /** NumPy's {@code quantile(a, q, axis)} with the "linear" method (q in [0, 1]; null axis: flattened). */
    public static ArrayImpl quantile(ArrayImpl a, double q, Integer axis) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("Quantiles must be in the range [0, 1], got " + q);
        }
        ArrayImpl s = Sorts.sort(a, axis, Sorts.Kind.SORT, new long[0]);
        int nd = s.shape().ndim();
        int ax = axis == null ? 0 : Views.axis(axis, nd);
        long n = s.shape().extent(ax);
        if (n == 0) {
            throw new IllegalArgumentException("cannot take a quantile of an empty axis");
        }
        double vi = n * q + (1 + q * -1.0) - 1;
        double prev = Math.floor(vi);
        double gamma = vi - prev;
        long lo = (long) Math.max(0, Math.min(n - 1, prev));
        long hi = Math.max(0, Math.min(n - 1, lo + 1));
        if (prev >= n - 1) {
            hi = n - 1;
        }
        ArrayImpl x = pick(s, ax, lo);
        ArrayImpl y = pick(s, ax, hi);
        DType t = Types.isFloat(a.dtype()) ? a.dtype() : DType.FLOAT64;
        ArrayImpl xa = Ufuncs.astype(x, t);
        ArrayImpl ya = Ufuncs.astype(y, t);
        ArrayImpl diff = ufunc(UFunc.SUBTRACT, ya, xa);
        ArrayImpl r;
        if (gamma >= 0.5) {
            r = ufunc(UFunc.SUBTRACT, ya, ufunc(UFunc.MULTIPLY, diff, Weak.of(1 - gamma)));
        } else {
            r = ufunc(UFunc.ADD, xa, ufunc(UFunc.MULTIPLY, diff, Weak.of(gamma)));
        }
        ArrayImpl nan = ReduceOps.reduce(RedOp.ANY, ufunc(UFunc.ISNAN, s), new int[] {ax}, false);
        return Ufuncs.where(nan, Weak.of(Double.NaN), r, Optional.empty());
    }

    private static ArrayImpl pick(ArrayImpl s, int axis, long i) {
        Index[] ix = new Index[s.shape().ndim()];
        for (int d = 0; d < ix.length; d++) {
            ix[d] = d == axis ? Index.at(i) : Index.all();
        }
        return Views.index(s, ix);
    }

    /** NumPy's {@code median(a, axis)}: the mean of the two middle values for even counts. */
    public static ArrayImpl median(ArrayImpl a, Integer axis) {
        ArrayImpl s = Sorts.sort(a, axis, Sorts.Kind.SORT, new long[0]);
        int ax = axis == null ? 0 : Views.axis(axis, s.shape().ndim());
        long n = s.shape().extent(ax);
        if (n == 0) {
            throw new IllegalArgumentException("cannot take the median of an empty axis");
        }
        DType t = Types.isFloat(a.dtype()) ? a.dtype() : DType.FLOAT64;
        ArrayImpl mid = Ufuncs.astype(pick(s, ax, n / 2), t);
        ArrayImpl r = mid;
        if (n % 2 == 0) {
            ArrayImpl low = Ufuncs.astype(pick(s, ax, n / 2 - 1), t);
            r = ufunc(UFunc.TRUE_DIVIDE, ufunc(UFunc.ADD, low, mid), Weak.of(2.0));
        }
        if (!Types.isFloat(a.dtype())) {
            return r;
        }
        ArrayImpl nan = ReduceOps.reduce(RedOp.ANY, ufunc(UFunc.ISNAN, s), new int[] {ax}, false);
        return Ufuncs.where(nan, Weak.of(Double.NaN), r, Optional.empty());
    }

    /** NumPy's {@code average(a, axis, weights)}: {@code sum(a * w) / sum(w)}. */
    public static ArrayImpl average(ArrayImpl a, Integer axis, ArrayImpl weights) {
        int[] ax = axis == null ? null : new int[] {axis};
        if (weights == null) {
            return ReduceOps.mean(a, ax, false);
        }
        ArrayImpl w = weights;
        if (axis != null && weights.shape().ndim() == 1 && a.shape().ndim() > 1) {
            int d = Views.axis(axis, a.shape().ndim());
            long[] s = new long[a.shape().ndim()];
            java.util.Arrays.fill(s, 1);
            s[d] = weights.shape().extent(0);
            w = Views.reshape(weights, s);
        } else if (!weights.shape().equals(a.shape())) {
            throw new ShapeMismatchException("average: weights of shape " + weights.shape() + " differ from a of shape "
                    + a.shape());
        }
        DType t = Types.promote(Types.isFloat(a.dtype()) ? a.dtype() : DType.FLOAT64, w.dtype());
        ArrayImpl num = ReduceOps.reduce(RedOp.SUM, Ufuncs.astype(ufunc(UFunc.MULTIPLY, a, w), t), ax, false);
        ArrayImpl wb = Views.broadcastTo(w, a.shape().extents());
        ArrayImpl den = ReduceOps.reduce(RedOp.SUM, Ufuncs.astype(wb, t), ax, false);
        return ufunc(UFunc.TRUE_DIVIDE, num, den);
    }

    /** NumPy's {@code cov(m, rowvar, ddof)} (variables in rows when {@code rowvar}). */
    public static ArrayImpl cov(ArrayImpl m, boolean rowvar, int ddof) {
        if (m.shape().ndim() > 2) {
            throw new ShapeMismatchException("cov needs a 1-d or 2-d array, got shape " + m.shape());
        }
        ArrayImpl x = m.shape().ndim() < 2 ? Views.reshape(m, new long[] {1, -1}) : m;
        if (!rowvar && m.shape().ndim() == 2) {
            x = Views.transpose(x, new int[] {1, 0});
        }
        DType t = Types.isFloat(x.dtype()) || Types.isComplex(x.dtype()) ? x.dtype() : DType.FLOAT64;
        x = Ufuncs.astype(x, Types.promote(t, DType.FLOAT64));
        long n = x.shape().extent(1);
        long fact = n - ddof;
        ArrayImpl centred = ufunc(UFunc.SUBTRACT, x, ReduceOps.mean(x, new int[] {1}, true));
        centred.materialize();
        ArrayImpl xt = Views.transpose(centred, new int[] {1, 0});
        if (Types.isComplex(xt.dtype())) {
            xt = ufunc(UFunc.CONJUGATE, xt);
        }
        ArrayImpl c = ufunc(UFunc.MULTIPLY, LinalgOps.matmul(centred, xt), Weak.of(1.0 / Math.max(0, fact)));
        return m.shape().ndim() < 2 ? Views.reshape(c, new long[0]) : c;
    }

    /** NumPy's {@code corrcoef(x, rowvar)}: Pearson correlation coefficients, clipped to [-1, 1]. */
    public static ArrayImpl corrcoef(ArrayImpl x, boolean rowvar) {
        ArrayImpl c = cov(x, rowvar, 1);
        if (c.shape().ndim() == 0) {
            return ufunc(UFunc.TRUE_DIVIDE, c, c);
        }
        c.materialize();
        ArrayImpl d = Views.diagonal(c, 0, false);
        ArrayImpl sd = ufunc(UFunc.SQRT, ufunc(UFunc.REAL, d));
        sd.materialize();
        long k = sd.shape().extent(0);
        ArrayImpl r = ufunc(UFunc.TRUE_DIVIDE, c, Views.reshape(sd, new long[] {k, 1}));
        r = ufunc(UFunc.TRUE_DIVIDE, r, Views.reshape(sd, new long[] {1, k}));
        return ufunc(UFunc.MINIMUM, ufunc(UFunc.MAXIMUM, r, Weak.of(-1.0)), Weak.of(1.0));
    }
}
