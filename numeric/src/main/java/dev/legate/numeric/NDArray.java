package dev.legate.numeric;

import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.format.ArrayFormat;
import dev.legate.numeric.internal.ops.Advanced;
import dev.legate.numeric.internal.ops.Creation;
import dev.legate.numeric.internal.ops.HostData;
import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.ReduceOps;
import dev.legate.numeric.internal.ops.Reductions;
import dev.legate.numeric.internal.reduce.RedOp;
import dev.legate.numeric.internal.ops.UFunc;
import dev.legate.numeric.internal.ops.Views;
import dev.legate.numeric.internal.ops.Ufuncs;
import java.util.Optional;

/**
 * An N-dimensional array with NumPy's semantics, stored in a Legate {@link LogicalStore}.
 *
 * <p><b>Data.</b> An array and its {@link #store() store} are the same data: other libraries
 * take and return arrays without copying ({@link #of(LogicalStore)} wraps a store). Basic
 * indexing and shape operations return views over the same storage, as in NumPy.
 *
 * <p><b>Execution.</b> Operations are recorded and run asynchronously on the runtime's
 * processors; only methods that return Java values ({@link #item()}, {@code to...Array()},
 * {@link #toString()}) wait. Element-wise operations are deferred and fused: {@code a * b + c}
 * runs as one task when its result is first needed, and intermediate results nobody reads are
 * never stored. Reductions return 0-d arrays backed by the pending result.
 *
 * <p><b>Operands.</b> Parameters typed {@code Object} take NumPy's "array_like" values: an
 * {@code NDArray}, a Java number or boolean (a "weak" scalar: {@code int8_array.add(1)} stays
 * int8, {@code float32_array.multiply(0.5)} stays float32), or a Java array.
 *
 * <p>Arrays may be read from several threads; writes to one array (in-place operators, element
 * assignment) must not race with other uses of it.
 */
public final class NDArray {
    static {
        Bridge.install(new Bridge.Hooks() {
            @Override
            public NDArray wrap(ArrayImpl impl) {
                return new NDArray(impl);
            }

            @Override
            public ArrayImpl unwrap(NDArray array) {
                return array.impl;
            }
        });
    }

    private final ArrayImpl impl;

    private NDArray(ArrayImpl impl) {
        this.impl = impl;
    }

    static NDArray wrap(ArrayImpl impl) {
        return new NDArray(impl);
    }

    /**
     * An array over {@code store}, without copying: writes through either are seen by the
     * other.
     *
     * @throws dev.legate.core.TypeMismatchException when the store's type is not numeric
     */
    public static NDArray of(LogicalStore store) {
        dev.legate.numeric.internal.types.Types.requireNumeric(store.type());
        return new NDArray(ArrayImpl.external(Ctx.of(store.runtime()), store));
    }

    /** The store holding this array's data (computing a deferred result first); not a copy. */
    public LogicalStore store() {
        return impl.exportStore();
    }

    /**
     * Starts computing this array now if it is a deferred element-wise result (without
     * waiting for it), ending the fusion of later operations into it; returns this array.
     * {@link dev.legate.core.LegateRuntime#fence()} then waits for it.
     */
    public NDArray evaluate() {
        impl.materialize();
        return this;
    }

    /** The extents of each dimension. */
    public Shape shape() {
        return impl.shape();
    }

    /** The number of dimensions. */
    public int ndim() {
        return impl.shape().ndim();
    }

    /** The number of elements. */
    public long size() {
        return impl.shape().volume();
    }

    /** The element type. */
    public DType dtype() {
        return impl.dtype();
    }

    /** Bytes per element. */
    public int itemsize() {
        return impl.dtype().size();
    }

    // ---- values on the host --------------------------------------------------------------

    private PhysicalStore host() {
        return impl.store().physical().data();
    }

    /**
     * The only element as a double, waiting for it to be computed.
     *
     * @throws ShapeMismatchException unless the array has exactly one element
     */
    public double item() {
        return itemScalar().asDouble();
    }

    /** The only element as a long (floating values truncate toward zero). */
    public long itemLong() {
        return itemScalar().asLong();
    }

    /** The only element as a boolean (non-zero is true). */
    public boolean itemBoolean() {
        return itemScalar().asBoolean();
    }

    /** The only element as a {@link Scalar} of the array's type. */
    public Scalar itemScalar() {
        if (size() != 1) {
            throw new ShapeMismatchException("can only convert an array of size 1 to a Java scalar, got shape "
                    + shape());
        }
        return impl.store().readScalar();
    }

    /**
     * The element at {@code index} (one index per dimension; negative indices count from the
     * end) as a double.
     *
     * @throws IndexOutOfBoundsException naming the index and the extent
     */
    public double item(long... index) {
        PhysicalStore ps = host();
        long[] p = Indexing.normalize(index, shape());
        return Scalar.read(dtype(), ps.segment(), ps.index(p) * dtype().size()).asDouble();
    }

    /** All elements in row-major order as doubles (complex: real parts). */
    public double[] toDoubleArray() {
        return HostData.readDoubles(host());
    }

    /** All elements in row-major order as longs (floating values truncate toward zero). */
    public long[] toLongArray() {
        return HostData.readLongs(host());
    }

    /** All elements in row-major order as ints (narrowed like Java casts). */
    public int[] toIntArray() {
        long[] l = toLongArray();
        int[] r = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            r[i] = (int) l[i];
        }
        return r;
    }

    /** All elements in row-major order as floats. */
    public float[] toFloatArray() {
        double[] d = toDoubleArray();
        float[] r = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (float) d[i];
        }
        return r;
    }

    /** All elements in row-major order as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        Scalar[] s = HostData.readScalars(host());
        boolean[] r = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = s[i].asBoolean();
        }
        return r;
    }

    /** A 2-d array's rows as doubles. */
    public double[][] toDoubleMatrix() {
        if (ndim() != 2) {
            throw new ShapeMismatchException("toDoubleMatrix needs a 2-d array, got shape " + shape());
        }
        double[] flat = toDoubleArray();
        int rows = (int) shape().extent(0);
        int cols = (int) shape().extent(1);
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, m[r], 0, cols);
        }
        return m;
    }

    /** NumPy's {@code repr}, e.g. {@code array([1., 2.])}; waits for the data. */
    @Override
    public String toString() {
        return ArrayFormat.repr(host());
    }

    /** NumPy's {@code str}, e.g. {@code [1. 2.]}; waits for the data. */
    public String str() {
        return ArrayFormat.str(host());
    }

    // ---- conversion ----------------------------------------------------------------------

    /** A copy converted to {@code dtype} (NumPy's {@code astype}, unsafe casting). */
    public NDArray astype(DType dtype) {
        return new NDArray(Ufuncs.astype(impl, dtype));
    }

    /** A copy that shares nothing with this array. */
    public NDArray copy() {
        return new NDArray(Creation.copy(impl));
    }

    // ---- element-wise operators ----------------------------------------------------------

    private NDArray binary(UFunc f, Object other) {
        return new NDArray(Ufuncs.apply(f, Optional.empty(), impl, Operands.of(other)));
    }

    private NDArray inPlace(UFunc f, Object other) {
        Ufuncs.apply(f, Optional.of(impl), impl, Operands.of(other));
        return this;
    }

    /** {@code this + other}. */
    public NDArray add(Object other) {
        return binary(UFunc.ADD, other);
    }

    /** {@code this - other}. */
    public NDArray subtract(Object other) {
        return binary(UFunc.SUBTRACT, other);
    }

    /** {@code this * other}. */
    public NDArray multiply(Object other) {
        return binary(UFunc.MULTIPLY, other);
    }

    /** {@code this / other} (true division: integers give float64). */
    public NDArray divide(Object other) {
        return binary(UFunc.TRUE_DIVIDE, other);
    }

    /** {@code this // other} (floor division, Python's sign rules). */
    public NDArray floorDivide(Object other) {
        return binary(UFunc.FLOOR_DIVIDE, other);
    }

    /** {@code this % other} (the sign of the divisor, as Python). */
    public NDArray mod(Object other) {
        return binary(UFunc.REMAINDER, other);
    }

    /** {@code this ** other}. */
    public NDArray power(Object other) {
        return binary(UFunc.POWER, other);
    }

    /** {@code -this}. */
    public NDArray negative() {
        return new NDArray(Ufuncs.apply(UFunc.NEGATIVE, Optional.empty(), impl));
    }

    /** {@code abs(this)}. */
    public NDArray abs() {
        return new NDArray(Ufuncs.apply(UFunc.ABSOLUTE, Optional.empty(), impl));
    }

    /** The real part (a copy; the array itself for real types). */
    public NDArray real() {
        return new NDArray(Ufuncs.apply(UFunc.REAL, Optional.empty(), impl));
    }

    /** The imaginary part (zeros for real types). */
    public NDArray imag() {
        return new NDArray(Ufuncs.apply(UFunc.IMAG, Optional.empty(), impl));
    }

    /** The complex conjugate. */
    public NDArray conj() {
        return new NDArray(Ufuncs.apply(UFunc.CONJUGATE, Optional.empty(), impl));
    }

    /** {@code this & other} (bitwise; logical for booleans). */
    public NDArray and(Object other) {
        return binary(UFunc.BITWISE_AND, other);
    }

    /** {@code this | other}. */
    public NDArray or(Object other) {
        return binary(UFunc.BITWISE_OR, other);
    }

    /** {@code this ^ other}. */
    public NDArray xor(Object other) {
        return binary(UFunc.BITWISE_XOR, other);
    }

    /** {@code ~this} (bitwise not; logical not for booleans). */
    public NDArray invert() {
        return new NDArray(Ufuncs.apply(UFunc.INVERT, Optional.empty(), impl));
    }

    /** {@code this == other}, element-wise. */
    public NDArray eq(Object other) {
        return binary(UFunc.EQUAL, other);
    }

    /** {@code this != other}, element-wise. */
    public NDArray ne(Object other) {
        return binary(UFunc.NOT_EQUAL, other);
    }

    /** {@code this < other}, element-wise. */
    public NDArray lt(Object other) {
        return binary(UFunc.LESS, other);
    }

    /** {@code this <= other}, element-wise. */
    public NDArray le(Object other) {
        return binary(UFunc.LESS_EQUAL, other);
    }

    /** {@code this > other}, element-wise. */
    public NDArray gt(Object other) {
        return binary(UFunc.GREATER, other);
    }

    /** {@code this >= other}, element-wise. */
    public NDArray ge(Object other) {
        return binary(UFunc.GREATER_EQUAL, other);
    }

    /** {@code this += other}; returns this array. */
    public NDArray iadd(Object other) {
        return inPlace(UFunc.ADD, other);
    }

    /** {@code this -= other}; returns this array. */
    public NDArray isubtract(Object other) {
        return inPlace(UFunc.SUBTRACT, other);
    }

    /** {@code this *= other}; returns this array. */
    public NDArray imultiply(Object other) {
        return inPlace(UFunc.MULTIPLY, other);
    }

    /** {@code this /= other}; returns this array. */
    public NDArray idivide(Object other) {
        return inPlace(UFunc.TRUE_DIVIDE, other);
    }

    /** {@code this //= other}; returns this array. */
    public NDArray ifloorDivide(Object other) {
        return inPlace(UFunc.FLOOR_DIVIDE, other);
    }

    /** {@code this %= other}; returns this array. */
    public NDArray imod(Object other) {
        return inPlace(UFunc.REMAINDER, other);
    }

    /** {@code this **= other}; returns this array. */
    public NDArray ipower(Object other) {
        return inPlace(UFunc.POWER, other);
    }

    /** Sets every element to {@code value}; returns this array. */
    public NDArray fill(Object value) {
        Ufuncs.assign(impl, Operands.of(value));
        return this;
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
                return new NDArray(Advanced.get(impl, index));
            }
        }
        return new NDArray(Views.index(impl, index));
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
                Advanced.set(impl, index, Operands.of(value));
                return this;
            }
        }
        Ufuncs.assign(Views.index(impl, index), Operands.of(value));
        return this;
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
        return new NDArray(Views.reshape(impl, shape));
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
        return new NDArray(Views.transpose(impl, Views.reversed(ndim())));
    }

    /** The axes permuted: axis {@code i} of the result is {@code axes[i]} of this array (a view). */
    public NDArray transpose(int... axes) {
        if (axes.length != ndim()) {
            throw new IllegalArgumentException("axes don't match array: " + axes.length + " axes for a " + ndim()
                    + "-d array");
        }
        return new NDArray(Views.transpose(impl, axes));
    }

    /** NumPy's {@code a.T}. */
    public NDArray T() {
        return transpose();
    }

    /** Axes {@code a} and {@code b} interchanged (a view). */
    public NDArray swapaxes(int a, int b) {
        int[] ax = new int[ndim()];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = i;
        }
        int x = Views.axis(a, ndim());
        int y = Views.axis(b, ndim());
        ax[x] = y;
        ax[y] = x;
        return new NDArray(Views.transpose(impl, ax));
    }

    /** Unit axes removed (all of them when none are given; a view). */
    public NDArray squeeze(int... axes) {
        return new NDArray(Views.squeeze(impl, axes));
    }

    /** A unit axis inserted at {@code axis} (a view). */
    public NDArray expandDims(int axis) {
        return new NDArray(Views.expandDims(impl, axis));
    }

    /** A read-only view broadcast to {@code shape}. */
    public NDArray broadcastTo(long... shape) {
        return new NDArray(Views.broadcastTo(impl, shape));
    }

    /** The elements along {@code axis} reversed (a view). */
    public NDArray flip(int axis) {
        return new NDArray(Views.flip(impl, axis));
    }

    /** Diagonal {@code k} of a 2-d array (a copy). */
    public NDArray diagonal(long k) {
        return new NDArray(Views.diagonal(impl, k, false)).copy();
    }

    /** Diagonal {@code k} as a writable view (for contiguous arrays). */
    NDArray diagonalView(long k) {
        return new NDArray(Views.diagonal(impl, k, true));
    }

    // ---- reductions ----------------------------------------------------------------------

    /** The sum of all elements, as a 0-d array. */
    public NDArray sum() {
        return new NDArray(ReduceOps.reduce(RedOp.SUM, impl, null, false));
    }

    /** The sum along {@code axes}. */
    public NDArray sum(int... axes) {
        return new NDArray(ReduceOps.reduce(RedOp.SUM, impl, axes, false));
    }

    /** The sum along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray sum(int[] axes, boolean keepdims) {
        return new NDArray(ReduceOps.reduce(RedOp.SUM, impl, axes, keepdims));
    }

    /** The product of all elements, as a 0-d array. */
    public NDArray prod() {
        return new NDArray(ReduceOps.reduce(RedOp.PROD, impl, null, false));
    }

    /** The product along {@code axes}. */
    public NDArray prod(int... axes) {
        return new NDArray(ReduceOps.reduce(RedOp.PROD, impl, axes, false));
    }

    /** The product along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray prod(int[] axes, boolean keepdims) {
        return new NDArray(ReduceOps.reduce(RedOp.PROD, impl, axes, keepdims));
    }

    /** The minimum (NaN if any element is NaN) of all elements, as a 0-d array. */
    public NDArray min() {
        return new NDArray(ReduceOps.reduce(RedOp.MIN, impl, null, false));
    }

    /** The minimum (NaN if any element is NaN) along {@code axes}. */
    public NDArray min(int... axes) {
        return new NDArray(ReduceOps.reduce(RedOp.MIN, impl, axes, false));
    }

    /** The minimum (NaN if any element is NaN) along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray min(int[] axes, boolean keepdims) {
        return new NDArray(ReduceOps.reduce(RedOp.MIN, impl, axes, keepdims));
    }

    /** The maximum (NaN if any element is NaN) of all elements, as a 0-d array. */
    public NDArray max() {
        return new NDArray(ReduceOps.reduce(RedOp.MAX, impl, null, false));
    }

    /** The maximum (NaN if any element is NaN) along {@code axes}. */
    public NDArray max(int... axes) {
        return new NDArray(ReduceOps.reduce(RedOp.MAX, impl, axes, false));
    }

    /** The maximum (NaN if any element is NaN) along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray max(int[] axes, boolean keepdims) {
        return new NDArray(ReduceOps.reduce(RedOp.MAX, impl, axes, keepdims));
    }

    /** Whether every element is non-zero of all elements, as a 0-d array. */
    public NDArray all() {
        return new NDArray(ReduceOps.reduce(RedOp.ALL, impl, null, false));
    }

    /** Whether every element is non-zero along {@code axes}. */
    public NDArray all(int... axes) {
        return new NDArray(ReduceOps.reduce(RedOp.ALL, impl, axes, false));
    }

    /** Whether every element is non-zero along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray all(int[] axes, boolean keepdims) {
        return new NDArray(ReduceOps.reduce(RedOp.ALL, impl, axes, keepdims));
    }

    /** Whether any element is non-zero of all elements, as a 0-d array. */
    public NDArray any() {
        return new NDArray(ReduceOps.reduce(RedOp.ANY, impl, null, false));
    }

    /** Whether any element is non-zero along {@code axes}. */
    public NDArray any(int... axes) {
        return new NDArray(ReduceOps.reduce(RedOp.ANY, impl, axes, false));
    }

    /** Whether any element is non-zero along {@code axes} (null: all); with {@code keepdims} they stay with extent 1. */
    public NDArray any(int[] axes, boolean keepdims) {
        return new NDArray(ReduceOps.reduce(RedOp.ANY, impl, axes, keepdims));
    }

    /** The arithmetic mean of all elements (integers give float64). */
    public NDArray mean() {
        return new NDArray(ReduceOps.mean(impl, null, false));
    }

    /** The mean along {@code axes}. */
    public NDArray mean(int... axes) {
        return new NDArray(ReduceOps.mean(impl, axes, false));
    }

    /** The mean along {@code axes} (null: all), optionally keeping them with extent 1. */
    public NDArray mean(int[] axes, boolean keepdims) {
        return new NDArray(ReduceOps.mean(impl, axes, keepdims));
    }

    /** The variance of all elements ({@code mean(abs(x - x.mean())**2)}). */
    public NDArray var() {
        return new NDArray(ReduceOps.var(impl, null, 0, false));
    }

    /** The variance along {@code axes} (null: all) with {@code ddof} delta degrees of freedom. */
    public NDArray var(int[] axes, int ddof, boolean keepdims) {
        return new NDArray(ReduceOps.var(impl, axes, ddof, keepdims));
    }

    /** The standard deviation of all elements. */
    public NDArray std() {
        return new NDArray(ReduceOps.std(impl, null, 0, false));
    }

    /** The standard deviation along {@code axes} (null: all) with {@code ddof}. */
    public NDArray std(int[] axes, int ddof, boolean keepdims) {
        return new NDArray(ReduceOps.std(impl, axes, ddof, keepdims));
    }

    /** The flat index of the first minimum (the first NaN if any), as a 0-d int64 array. */
    public NDArray argmin() {
        return new NDArray(Reductions.arg(impl, null, false));
    }

    /** Indices of the first minima along {@code axis}. */
    public NDArray argmin(int axis) {
        return new NDArray(Reductions.arg(impl, axis, false));
    }

    /** The flat index of the first maximum (the first NaN if any), as a 0-d int64 array. */
    public NDArray argmax() {
        return new NDArray(Reductions.arg(impl, null, true));
    }

    /** Indices of the first maxima along {@code axis}. */
    public NDArray argmax(int axis) {
        return new NDArray(Reductions.arg(impl, axis, true));
    }

    /** The cumulative sum of the flattened array. */
    public NDArray cumsum() {
        return new NDArray(Reductions.scan(impl, RedOp.SUM, null));
    }

    /** The cumulative sum along {@code axis}. */
    public NDArray cumsum(int axis) {
        return new NDArray(Reductions.scan(impl, RedOp.SUM, axis));
    }

    /** The cumulative product of the flattened array. */
    public NDArray cumprod() {
        return new NDArray(Reductions.scan(impl, RedOp.PROD, null));
    }

    /** The cumulative product along {@code axis}. */
    public NDArray cumprod(int axis) {
        return new NDArray(Reductions.scan(impl, RedOp.PROD, axis));
    }

    // ---- products ------------------------------------------------------------------------

    /** {@code this @ other} (NumPy's {@code matmul}). */
    public NDArray matmul(Object other) {
        return new NDArray(dev.legate.numeric.internal.ops.LinalgOps.matmul(impl, Operands.array(impl.ctx(), other)));
    }

    /** NumPy's {@code a.dot(other)}. */
    public NDArray dot(Object other) {
        return new NDArray(dev.legate.numeric.internal.ops.LinalgOps.dot(impl, Operands.array(impl.ctx(), other)));
    }
}
