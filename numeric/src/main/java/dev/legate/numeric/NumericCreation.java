package dev.legate.numeric;

import dev.legate.core.DType;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.ops.Creation;
import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.Ufuncs;
import dev.legate.numeric.internal.ops.Weak;
import java.util.Optional;

/** Array creation routines of {@link Numeric}; see there. */
abstract class NumericCreation {
    NumericCreation() {
    }

    static Ctx ctx() {
        return Ctx.current();
    }

    static NDArray wrap(ArrayImpl a) {
        return NDArray.wrap(a);
    }

    static ArrayImpl impl(NDArray a) {
        return Bridge.unwrap(a);
    }

    /**
     * An array from Java data: {@code double[]}, {@code float[]}, {@code long[]}, {@code int[]},
     * {@code boolean[]}, {@code double[][]}, {@code long[][]}, a Java number (a 0-d array), or
     * an existing array (returned as is).
     */
    public static NDArray array(Object data) {
        return wrap(Operands.array(ctx(), data));
    }

    /** {@link #array(Object)} converted to {@code dtype}. */
    public static NDArray array(Object data, DType dtype) {
        NDArray a = array(data);
        return a.dtype().equals(dtype) ? a : a.astype(dtype);
    }

    /** The values as an array of the given shape (row-major). */
    public static NDArray array(double[] values, long... shape) {
        return wrap(Creation.fromDoubles(ctx(), values, Shape.of(shape), DType.FLOAT64));
    }

    /** The integer values as an int64 array of the given shape (row-major). */
    public static NDArray array(long[] values, long... shape) {
        return wrap(Creation.fromLongs(ctx(), values, Shape.of(shape), DType.INT64));
    }

    /** {@code data} as an array without copying when it already is one. */
    public static NDArray asarray(Object data) {
        return array(data);
    }

    /** A new float64 array of zeros. */
    public static NDArray zeros(long... shape) {
        return zeros(Shape.of(shape), DType.FLOAT64);
    }

    /** A new array of zeros. */
    public static NDArray zeros(Shape shape, DType dtype) {
        return wrap(Creation.full(ctx(), shape, dtype, Scalar.of(dtype, 0)));
    }

    /** A new float64 array of ones. */
    public static NDArray ones(long... shape) {
        return ones(Shape.of(shape), DType.FLOAT64);
    }

    /** A new array of ones. */
    public static NDArray ones(Shape shape, DType dtype) {
        return wrap(Creation.full(ctx(), shape, dtype, Scalar.of(dtype, 1)));
    }

    /** A new float64 array whose contents are unspecified. */
    public static NDArray empty(long... shape) {
        return empty(Shape.of(shape), DType.FLOAT64);
    }

    /** A new array whose contents are unspecified. */
    public static NDArray empty(Shape shape, DType dtype) {
        return wrap(Creation.empty(ctx(), shape, dtype));
    }

    /** A new array filled with {@code value}; its type is the value's (Java double: float64, long: int64). */
    public static NDArray full(Shape shape, Object value) {
        Object v = Operands.of(value);
        DType t = v instanceof Weak w ? w.defaultType() : ((ArrayImpl) v).dtype();
        return full(shape, value, t);
    }

    /** A new array of {@code dtype} filled with {@code value}. */
    public static NDArray full(Shape shape, Object value, DType dtype) {
        ArrayImpl a = Creation.empty(ctx(), shape, dtype);
        Ufuncs.assign(a, Operands.of(value));
        return wrap(a);
    }

    /** Zeros of {@code a}'s shape and type. */
    public static NDArray zerosLike(NDArray a) {
        return zeros(a.shape(), a.dtype());
    }

    /** Ones of {@code a}'s shape and type. */
    public static NDArray onesLike(NDArray a) {
        return ones(a.shape(), a.dtype());
    }

    /** An uninitialised array of {@code a}'s shape and type. */
    public static NDArray emptyLike(NDArray a) {
        return empty(a.shape(), a.dtype());
    }

    /** {@code value} in {@code a}'s shape and type. */
    public static NDArray fullLike(NDArray a, Object value) {
        return full(a.shape(), value, a.dtype());
    }

    /** int64 values {@code 0 .. stop-1}. */
    public static NDArray arange(long stop) {
        return arange(0, stop, 1);
    }

    /** int64 values {@code start .. stop-1}. */
    public static NDArray arange(long start, long stop) {
        return arange(start, stop, 1);
    }

    /** int64 values from {@code start} by {@code step} while before {@code stop}. */
    public static NDArray arange(long start, long stop, long step) {
        return wrap(Creation.arange(ctx(), start, stop, step, DType.INT64));
    }

    /** float64 values {@code start + i * step} while before {@code stop}. */
    public static NDArray arange(double start, double stop, double step) {
        return wrap(Creation.arange(ctx(), start, stop, step, DType.FLOAT64));
    }

    /** {@code arange(start, stop, step)} as {@code dtype}. */
    public static NDArray arange(double start, double stop, double step, DType dtype) {
        return wrap(Creation.arange(ctx(), start, stop, step, dtype));
    }

    /** {@code num} evenly spaced float64 values from {@code start} to {@code stop} inclusive. */
    public static NDArray linspace(double start, double stop, long num) {
        return linspace(start, stop, num, true);
    }

    /** {@code num} evenly spaced values; {@code stop} is included when {@code endpoint}. */
    public static NDArray linspace(double start, double stop, long num, boolean endpoint) {
        return wrap(Creation.linspace(ctx(), start, stop, num, endpoint, DType.FLOAT64));
    }

    /** The n x n float64 identity matrix. */
    public static NDArray identity(long n) {
        return eye(n, n, 0, DType.FLOAT64);
    }

    /** The n x n float64 identity matrix. */
    public static NDArray eye(long n) {
        return eye(n, n, 0, DType.FLOAT64);
    }

    /** An n x m float64 matrix with ones on diagonal {@code k} (0 main, &gt; 0 above). */
    public static NDArray eye(long n, long m, long k) {
        return eye(n, m, k, DType.FLOAT64);
    }

    /** An n x m matrix of {@code dtype} with ones on diagonal {@code k}. */
    public static NDArray eye(long n, long m, long k, DType dtype) {
        return wrap(Creation.eye(ctx(), n, m, k, dtype));
    }

    /** An n x n float64 matrix with ones at and below the main diagonal. */
    public static NDArray tri(long n) {
        return tri(n, n, 0);
    }

    /** An n x m float64 matrix with ones at and below diagonal {@code k}. */
    public static NDArray tri(long n, long m, long k) {
        return wrap(Creation.tri(ctx(), n, m, k, DType.FLOAT64));
    }

    /** The lower triangle of (the last two dimensions of) {@code a}; zeros above. */
    public static NDArray tril(NDArray a) {
        return tril(a, 0);
    }

    /** The part of {@code a} at and below diagonal {@code k}. */
    public static NDArray tril(NDArray a, long k) {
        return wrap(Creation.triangle(impl(a), k, true));
    }

    /** The upper triangle of {@code a}; zeros below. */
    public static NDArray triu(NDArray a) {
        return triu(a, 0);
    }

    /** The part of {@code a} at and above diagonal {@code k}. */
    public static NDArray triu(NDArray a, long k) {
        return wrap(Creation.triangle(impl(a), k, false));
    }

    /**
     * Coordinate matrices from coordinate vectors, with Cartesian ("xy") indexing as NumPy's
     * default: for vectors of lengths n1, n2 the results have shape (n2, n1).
     */
    public static NDArray[] meshgrid(NDArray... xs) {
        return meshgrid("xy", xs);
    }

    /** {@code meshgrid} with {@code indexing} "xy" (Cartesian) or "ij" (matrix). */
    public static NDArray[] meshgrid(String indexing, NDArray... xs) {
        if (!indexing.equals("xy") && !indexing.equals("ij")) {
            throw new IllegalArgumentException("indexing must be 'xy' or 'ij', got '" + indexing + "'");
        }
        int n = xs.length;
        long[] shape = new long[n];
        for (int i = 0; i < n; i++) {
            shape[i] = xs[i].size();
        }
        boolean xy = indexing.equals("xy") && n >= 2;
        if (xy) {
            long t = shape[0];
            shape[0] = shape[1];
            shape[1] = t;
        }
        NDArray[] out = new NDArray[n];
        for (int i = 0; i < n; i++) {
            int axis = xy && i < 2 ? 1 - i : i;
            long[] vshape = new long[n];
            java.util.Arrays.fill(vshape, 1);
            vshape[axis] = shape[axis];
            NDArray v = xs[i].reshape(vshape);
            out[i] = v.broadcastTo(shape).copy();
        }
        return out;
    }

    /**
     * The diagonal {@code k} of a 2-d array (a copy), or a 2-d array with the 1-d {@code v} on
     * diagonal {@code k}.
     */
    public static NDArray diag(NDArray v, long k) {
        if (v.ndim() == 1) {
            long n = v.size() + Math.abs(k);
            NDArray out = zeros(Shape.of(n, n), v.dtype());
            out.diagonalView(k).fill(v);
            return out;
        }
        if (v.ndim() == 2) {
            return v.diagonal(k);
        }
        throw new ShapeMismatchException("diag needs a 1-d or 2-d input, got shape " + v.shape());
    }

    /** {@code diag(v, 0)}. */
    public static NDArray diag(NDArray v) {
        return diag(v, 0);
    }

    static Optional<ArrayImpl> none() {
        return Optional.empty();
    }
}
