package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.numeric.NDArray;

/**
 * A two-dimensional sparse matrix, as {@code scipy.sparse}'s sparse arrays.
 *
 * <p>Values are float32 or float64; index arrays are int32 (column or row indices) and int64
 * (offsets). Operations that the format cannot do directly go through its CSR form
 * ({@link #tocsr()}), as SciPy does. Arithmetic returns new matrices; matrices are never
 * modified in place. Operations are recorded and return at once; {@link #nnz()} and methods
 * returning Java values wait for the data they need.
 *
 * <p>Dimension mismatches throw {@link dev.legate.core.ShapeMismatchException} naming both
 * shapes, before anything is launched.
 */
public sealed interface SparseMatrix permits CsrMatrix, CscMatrix, CooMatrix, DiaMatrix {
    /** The shape {@code (rows, cols)}. */
    Shape shape();

    /** The number of rows. */
    default long rows() {
        return shape().extent(0);
    }

    /** The number of columns. */
    default long cols() {
        return shape().extent(1);
    }

    /** The value type (float32 or float64). */
    DType dtype();

    /** The number of stored entries (explicit zeros included); waits for them to be computed. */
    long nnz();

    /** The format's SciPy name: {@code "csr"}, {@code "csc"}, {@code "coo"} or {@code "dia"}. */
    String format();

    /** This matrix in CSR form (itself when it is one). */
    CsrMatrix tocsr();

    /** This matrix in CSC form. */
    default CscMatrix tocsc() {
        return tocsr().tocsc();
    }

    /** This matrix in COO form. */
    default CooMatrix tocoo() {
        return tocsr().tocoo();
    }

    /** This matrix in DIA form (waits: the set of diagonals decides the storage's shape). */
    default DiaMatrix todia() {
        return tocsr().todia();
    }

    /** A dense 2-d array with this matrix's values. */
    default NDArray toDense() {
        return tocsr().toDense();
    }

    /** The transpose; for CSR and CSC a view of the same arrays in the other format. */
    SparseMatrix transpose();

    /** SciPy's {@code A.T}: {@link #transpose()}. */
    default SparseMatrix T() {
        return transpose();
    }

    /** {@code this + other}, for matrices of one shape with any patterns. */
    default CsrMatrix plus(SparseMatrix other) {
        return tocsr().plus(other);
    }

    /** {@code this - other}, for matrices of one shape with any patterns. */
    default CsrMatrix minus(SparseMatrix other) {
        return tocsr().minus(other);
    }

    /** {@code this * c} for a scalar {@code c}. */
    default CsrMatrix times(double c) {
        return tocsr().times(c);
    }

    /** The element-wise product (SciPy's {@code A.multiply(B)}); the pattern is the intersection. */
    default CsrMatrix multiply(SparseMatrix other) {
        return tocsr().multiply(other);
    }

    /**
     * {@code this @ x}: for a 1-d {@code x} of length {@link #cols()} a 1-d result of length
     * {@link #rows()} (SpMV); for a 2-d {@code x} of {@code cols()} rows a dense 2-d result (SpMM).
     */
    default NDArray matmul(NDArray x) {
        return tocsr().matmul(x);
    }

    /** {@code this @ other} for a sparse {@code other} (SpGEMM), in CSR form. */
    default CsrMatrix matmul(SparseMatrix other) {
        return tocsr().matmul(other);
    }

    /** The main diagonal as a 1-d array. */
    default NDArray diagonal() {
        return diagonal(0);
    }

    /** Diagonal {@code k} (above the main one for {@code k > 0}), as a 1-d array. */
    default NDArray diagonal(long k) {
        return tocsr().diagonal(k);
    }

    /** The sum of all values, a 0-d float64 array computed deterministically. */
    default NDArray sum() {
        return tocsr().sum();
    }

    /** Sums along {@code axis}: 0 gives column sums (length cols), 1 row sums (length rows). */
    default NDArray sum(int axis) {
        return tocsr().sum(axis);
    }

    /** Absolute values of the stored entries. */
    default CsrMatrix abs() {
        return tocsr().abs();
    }

    /** Stored entries raised to {@code p} (SciPy's {@code A.power(p)}). */
    default CsrMatrix power(double p) {
        return tocsr().power(p);
    }

    /** {@code -this}. */
    default CsrMatrix negative() {
        return tocsr().times(-1);
    }

    /** The values converted to {@code dtype} (float32 or float64). */
    default CsrMatrix astype(DType dtype) {
        return tocsr().astype(dtype);
    }
}
