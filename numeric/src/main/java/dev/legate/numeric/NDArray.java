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
import dev.legate.numeric.internal.ops.HostData;
import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.Reductions;

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
public final class NDArray extends ArrayViews {
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

    @Override
    ArrayImpl impl() {
        impl.checkLive();
        return impl;
    }

    /**
     * Tells numeric that this array will not be used again, as deleting the last reference to a
     * NumPy array does. An element-wise result that was fused into other operations (the
     * temporary {@code p * alpha} of {@code x += p * alpha}) is then never computed on its own:
     * otherwise a later write to {@code p} would first compute it, into new memory, in case the
     * program still reads it. Using the array afterwards throws {@link IllegalStateException}.
     * Views taken from it before stay valid.
     */
    public void discard() {
        impl.discard();
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
     * The store holding this array's data, for a library that only reads it, in the tasks it
     * launches now (a deferred result is computed first); not a copy. Unlike {@link #store()},
     * the storage is not marked as reachable by other code, so numeric keeps deferring and fusing
     * the expressions that read this array and keeps recycling its memory once the array is gone.
     * The caller must neither write the store nor keep it beyond the tasks it launches now.
     */
    public LogicalStore readStore() {
        return impl().store();
    }

    /**
     * The store holding this array's data, for a library that writes it in the tasks it launches
     * now (as an output operand): the deferred results that read the old values are computed
     * first, as before any write by numeric itself. Unlike {@link #store()}, the storage is not
     * marked as reachable by other code; the caller must not keep the store beyond those tasks.
     *
     * @throws IllegalArgumentException when the array is a read-only (broadcast) view
     */
    public LogicalStore writeStore() {
        ArrayImpl a = impl();
        a.beforeWrite();
        return a.store();
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

}
