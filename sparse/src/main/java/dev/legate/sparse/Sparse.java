package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import dev.legate.sparse.internal.CsrOps;
import dev.legate.sparse.internal.CsrStore;
import dev.legate.sparse.internal.Validate;
import dev.legate.sparse.internal.VectorOps;

/**
 * Makers of sparse matrices, as {@code scipy.sparse}'s functions: from index and value arrays,
 * from triplets, from dense arrays, and {@code random}, {@code eye}, {@code identity},
 * {@code diags}, {@code kron}.
 *
 * <p>Matrices made from nothing ({@link #random}, {@link #eye}) live on the default runtime
 * ({@link Legate#runtime()}); those made from arrays live on the arrays' runtime. Arrays given
 * with the expected types (int64 offsets, int32 indices, float32/float64 values) are used
 * without copies; others are converted. User-given structures are checked on the host before
 * anything is launched on them.
 */
public final class Sparse {
    private Sparse() {
    }

    /**
     * A CSR matrix of shape {@code (rows, cols)} from its arrays (SciPy's
     * {@code csr_array((data, indices, indptr), shape)}).
     *
     * @throws SparseFormatException naming the first bad position when {@code indptr} decreases, an
     *     index is outside {@code [0, cols)} or the indices of a row are not sorted and distinct
     * @throws ShapeMismatchException when {@code data} and {@code indices} differ in length or
     *     {@code indptr} does not have {@code rows + 1} entries
     */
    public static CsrMatrix csr(NDArray data, NDArray indices, NDArray indptr, long rows, long cols) {
        return new CsrMatrix(compressed("row", data, indices, indptr, rows, cols));
    }

    /**
     * A CSC matrix of shape {@code (rows, cols)} from its arrays: column offsets, row indices
     * sorted and distinct within each column, values.
     *
     * @throws SparseFormatException naming the first bad position, as {@link #csr}
     */
    public static CscMatrix csc(NDArray data, NDArray indices, NDArray indptr, long rows, long cols) {
        return new CscMatrix(compressed("column", data, indices, indptr, cols, rows));
    }

    private static CsrStore compressed(String word, NDArray data, NDArray indices, NDArray indptr, long major,
                                       long minor) {
        requireShape(major, minor);
        Validate.requireIndexType("indices", indices.dtype());
        Validate.requireIndexType("indptr", indptr.dtype());
        if (data.ndim() != 1 || indices.ndim() != 1 || data.size() != indices.size()) {
            throw new ShapeMismatchException("data and indices must be 1-d of one length, got shapes " + data.shape()
                    + " and " + indices.shape());
        }
        String problem = Validate.compressed(word, major, minor, indptr.store(), indices.store());
        if (!problem.isEmpty()) {
            throw new SparseFormatException(problem);
        }
        NDArray vals = Dtypes.as(data, Dtypes.valueType(data.dtype()));
        return new CsrStore(data.store().runtime(), major, minor, Dtypes.as(indptr, DType.INT64).store(),
                Dtypes.as(indices, DType.INT32).store(), vals.store());
    }

    /**
     * A COO matrix from triplets (SciPy's {@code coo_array((data, (row, col)), shape)}); repeated
     * coordinates are summed when converted.
     *
     * @throws SparseFormatException naming the first coordinate outside the shape
     */
    public static CooMatrix coo(NDArray data, NDArray row, NDArray col, long rows, long cols) {
        requireShape(rows, cols);
        Validate.requireIndexType("row", row.dtype());
        Validate.requireIndexType("col", col.dtype());
        if (data.ndim() != 1 || row.ndim() != 1 || col.ndim() != 1 || row.size() != data.size()
                || col.size() != data.size()) {
            throw new ShapeMismatchException("data, row and col must be 1-d of one length, got shapes " + data.shape()
                    + ", " + row.shape() + " and " + col.shape());
        }
        String problem = Validate.coordinates(rows, cols, row.store(), col.store());
        if (!problem.isEmpty()) {
            throw new SparseFormatException(problem);
        }
        return new CooMatrix(rows, cols, row, col, Dtypes.as(data, Dtypes.valueType(data.dtype())));
    }

    /**
     * A DIA matrix: row {@code d} of the 2-d {@code data} is diagonal {@code offsets[d]}.
     *
     * @throws SparseFormatException when an offset repeats
     */
    public static DiaMatrix dia(NDArray data, NDArray offsets, long rows, long cols) {
        requireShape(rows, cols);
        Validate.requireIndexType("offsets", offsets.dtype());
        if (data.ndim() != 2 || offsets.ndim() != 1 || data.shape().extent(0) != offsets.size()) {
            throw new ShapeMismatchException("data must be 2-d with one row per offset, got shapes " + data.shape()
                    + " and " + offsets.shape());
        }
        String problem = Validate.offsets(offsets.store());
        if (!problem.isEmpty()) {
            throw new SparseFormatException(problem);
        }
        return new DiaMatrix(rows, cols, Dtypes.as(data, Dtypes.valueType(data.dtype())),
                Dtypes.as(offsets, DType.INT64));
    }

    /** The non-zero entries of a 2-d array, in CSR form. */
    public static CsrMatrix fromDense(NDArray dense) {
        if (dense.ndim() != 2) {
            throw new ShapeMismatchException("fromDense needs a 2-d array, got shape " + dense.shape());
        }
        return new CsrMatrix(CsrOps.fromDense(dense.store().runtime(), dense.store(),
                Dtypes.valueType(dense.dtype())));
    }

    /**
     * A random {@code m x n} float64 CSR matrix: each entry is stored with probability
     * {@code density}, independently, with a value uniform in [0, 1). The matrix depends only on
     * the arguments: any number of processors makes the same one. (SciPy draws exactly
     * {@code round(density m n)} entries; here the count is that on average.)
     */
    public static CsrMatrix random(long m, long n, double density, long seed) {
        return random(m, n, density, seed, DType.FLOAT64);
    }

    /** {@link #random(long, long, double, long)} with values of type {@code dtype}. */
    public static CsrMatrix random(long m, long n, double density, long seed, DType dtype) {
        requireShape(m, n);
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in [0, 1], got " + density);
        }
        return new CsrMatrix(CsrOps.random(rt(), m, n, density, seed, Dtypes.valueType(dtype)));
    }

    /** The {@code n x n} identity in CSR form (float64). */
    public static CsrMatrix eye(long n) {
        return eye(n, n, 0);
    }

    /** Ones on diagonal {@code k} of an {@code m x n} float64 CSR matrix. */
    public static CsrMatrix eye(long m, long n, long k) {
        return eye(m, n, k, DType.FLOAT64);
    }

    /** Ones on diagonal {@code k} of an {@code m x n} CSR matrix of type {@code dtype}. */
    public static CsrMatrix eye(long m, long n, long k, DType dtype) {
        requireShape(m, n);
        return new CsrMatrix(CsrOps.eye(rt(), m, n, k, Dtypes.valueType(dtype)));
    }

    /** The {@code n x n} identity (SciPy's {@code identity}). */
    public static CsrMatrix identity(long n) {
        return eye(n);
    }

    /**
     * A matrix from diagonals (SciPy's {@code diags}): {@code diagonals[d]} holds the values of
     * diagonal {@code offsets[d]} from its first entry on; a diagonal of length 1 is repeated
     * along the whole diagonal.
     *
     * @throws ShapeMismatchException when a diagonal's length is neither 1 nor that of its diagonal
     */
    public static DiaMatrix diags(double[][] diagonals, long[] offsets, long m, long n) {
        requireShape(m, n);
        if (diagonals.length != offsets.length) {
            throw new ShapeMismatchException("diags: " + diagonals.length + " diagonals but " + offsets.length
                    + " offsets");
        }
        int width = Math.toIntExact(n);
        double[] data = new double[Math.multiplyExact(offsets.length, width)];
        for (int d = 0; d < offsets.length; d++) {
            long k = offsets[d];
            long len = Math.max(0, Math.min(m + Math.min(k, 0), n - Math.max(k, 0)));
            double[] v = diagonals[d];
            if (v.length != 1 && v.length != len) {
                throw new ShapeMismatchException("diags: diagonal " + d + " (offset " + k + ") has " + v.length
                        + " values, expected " + len + " or 1");
            }
            for (long t = 0; t < len; t++) {
                data[d * width + (int) (Math.max(0, k) + t)] = v.length == 1 ? v[0] : v[(int) t];
            }
        }
        return dia(Numeric.array(data, offsets.length, n), Numeric.array(offsets.clone(), offsets.length), m, n);
    }

    /** The Kronecker product {@code A (x) B} in CSR form. */
    public static CsrMatrix kron(SparseMatrix a, SparseMatrix b) {
        return a.tocsr().kron(b.tocsr());
    }

    /**
     * A dense float64 vector of {@code n} values uniform in [0, 1), element {@code i} a function
     * of {@code (seed, i)} only (Philox4x32-10), so any number of processors makes the same one.
     * A start vector for iterations; it lives on the default runtime.
     */
    public static NDArray randomVector(long n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + n);
        }
        return NDArray.of(VectorOps.rand(rt(), n, seed, DType.FLOAT64));
    }

    private static void requireShape(long m, long n) {
        if (m < 0 || n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a sparse matrix needs 0 <= rows and 0 <= cols <= 2^31-1, got ("
                    + m + ", " + n + ")");
        }
    }

    private static LegateRuntime rt() {
        return Legate.runtime();
    }
}
