package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.NDArray;
import dev.legate.sparse.internal.CsrOps;
import dev.legate.sparse.internal.CsrStore;
import dev.legate.sparse.internal.VectorOps;

/**
 * A matrix in compressed sparse row form (SciPy's {@code csr_array}): row offsets
 * {@link #indptr()} (int64), column indices {@link #indices()} (int32, sorted and distinct within
 * each row) and values {@link #data()}.
 *
 * <p>Row-wise operations (products, sums, merges) are split into row tiles; a product's point
 * task reads only the part of the vector its rows' column indices reach. The partitions found
 * from the data are cached with the data, so repeated products with one matrix pay for them once.
 */
public final class CsrMatrix implements SparseMatrix {
    private final CsrStore s;

    CsrMatrix(CsrStore s) {
        this.s = s;
    }

    CsrStore store() {
        return s;
    }

    /** The values, one per stored entry (a view of the matrix's storage, not a copy). */
    public NDArray data() {
        return NDArray.of(s.data());
    }

    /** The column index of each stored entry (a view, not a copy). */
    public NDArray indices() {
        return NDArray.of(s.indices());
    }

    /** Row {@code i}'s entries are at positions {@code indptr[i] .. indptr[i+1]-1} (a view). */
    public NDArray indptr() {
        return NDArray.of(s.indptr());
    }

    @Override
    public Shape shape() {
        return Shape.of(s.rows(), s.cols());
    }

    @Override
    public DType dtype() {
        return s.dtype();
    }

    @Override
    public long nnz() {
        return s.nnz();
    }

    @Override
    public String format() {
        return "csr";
    }

    @Override
    public CsrMatrix tocsr() {
        return this;
    }

    @Override
    public CscMatrix tocsc() {
        return new CscMatrix(CsrOps.transpose(s));
    }

    @Override
    public CooMatrix tocoo() {
        return new CooMatrix(s.rows(), s.cols(), NDArray.of(CsrOps.expandRows(s)), indices(), data());
    }

    @Override
    public DiaMatrix todia() {
        return DiaMatrix.fromCsr(this);
    }

    @Override
    public NDArray toDense() {
        return NDArray.of(CsrOps.toDense(s));
    }

    /** The transpose as a CSC matrix over the same arrays (no copy). */
    @Override
    public CscMatrix transpose() {
        return new CscMatrix(s);
    }

    @Override
    public CscMatrix T() {
        return transpose();
    }

    private CsrMatrix sameShape(String op, SparseMatrix other) {
        if (!other.shape().equals(shape())) {
            throw new ShapeMismatchException(op + ": dimension mismatch, shapes " + shape() + " and "
                    + other.shape());
        }
        return other.tocsr();
    }

    @Override
    public CsrMatrix plus(SparseMatrix other) {
        return merge("add", other, 0, 1, 1);
    }

    @Override
    public CsrMatrix minus(SparseMatrix other) {
        return merge("subtract", other, 0, 1, -1);
    }

    @Override
    public CsrMatrix multiply(SparseMatrix other) {
        return merge("multiply", other, 1, 1, 1);
    }

    /** Both operands in their common value type (an exact conversion), merged row by row. */
    private CsrMatrix merge(String op, SparseMatrix other, long kind, double alpha, double beta) {
        CsrMatrix b = sameShape(op, other);
        DType t = Dtypes.promote(dtype(), b.dtype());
        return new CsrMatrix(CsrOps.merge(astype(t).s, b.astype(t).s, kind, alpha, beta, t));
    }

    /** A matrix with the same structure (shared, not copied) and new values. */
    private CsrMatrix withValues(NDArray values) {
        return new CsrMatrix(new CsrStore(s.rt(), s.rows(), s.cols(), s.indptr(), s.indices(), values.store()));
    }

    /** {@code this * c}; the structure is shared with this matrix, the values are new. */
    @Override
    public CsrMatrix times(double c) {
        return withValues(data().multiply(c));
    }

    @Override
    public CsrMatrix abs() {
        return withValues(data().abs());
    }

    @Override
    public CsrMatrix power(double p) {
        return withValues(data().power(p));
    }

    @Override
    public CsrMatrix astype(DType dtype) {
        DType t = Dtypes.valueType(dtype);
        return t.equals(dtype()) ? this : withValues(data().astype(t));
    }

    @Override
    public NDArray matmul(NDArray x) {
        if (x.ndim() < 1 || x.ndim() > 2 || x.shape().extent(0) != cols()) {
            throw new ShapeMismatchException("matmul: dimension mismatch, A has shape " + shape() + " and x has shape "
                    + x.shape());
        }
        DType t = Dtypes.promote(dtype(), x.dtype());
        CsrStore a = astype(t).s;
        LogicalStore xs = Dtypes.as(x, t).readStore();
        return NDArray.of(x.ndim() == 1 ? CsrOps.spmv(a, xs) : CsrOps.spmm(a, xs));
    }

    /**
     * {@code A x} written into {@code out}, for the solvers' arrays that they own: false, and
     * nothing done, unless {@code x} is 1-d of length {@code cols()} and {@code out} is a 1-d
     * array of length {@code rows()} of the product's type that does not share storage with
     * {@code x} (the caller then computes {@code A x} into a new array).
     */
    boolean matvecInto(NDArray x, NDArray out) {
        if (x.ndim() != 1 || x.size() != cols() || out.ndim() != 1 || out.size() != rows()) {
            return false;
        }
        DType t = Dtypes.promote(dtype(), x.dtype());
        if (!out.dtype().equals(t)) {
            return false;
        }
        LogicalStore xs = Dtypes.as(x, t).readStore();
        LogicalStore ys = out.writeStore();
        if (ys.sharesStorage(xs) || ys.isView()) {
            return false;
        }
        CsrOps.spmvInto(astype(t).s, xs, ys);
        return true;
    }

    @Override
    public CsrMatrix matmul(SparseMatrix other) {
        if (other.rows() != cols()) {
            throw new ShapeMismatchException("matmul: dimension mismatch, A has shape " + shape() + " and B has shape "
                    + other.shape());
        }
        DType t = Dtypes.promote(dtype(), other.dtype());
        return new CsrMatrix(CsrOps.spgemm(s, other.tocsr().s, t));
    }

    @Override
    public NDArray diagonal(long k) {
        return NDArray.of(CsrOps.diagonal(s, k));
    }

    @Override
    public NDArray sum() {
        return NDArray.of(VectorOps.sum(CsrOps.rowSums(s)));
    }

    @Override
    public NDArray sum(int axis) {
        return switch (axis) {
            case 1, -1 -> NDArray.of(CsrOps.rowSums(s));
            case 0, -2 -> NDArray.of(CsrOps.rowSums(CsrOps.transpose(s)));
            default -> throw new IllegalArgumentException("axis " + axis + " is out of range for a 2-d matrix");
        };
    }

    /** Kronecker product helper: the product of this and {@code b} in CSR form. */
    CsrMatrix kron(CsrMatrix b) {
        return new CsrMatrix(CsrOps.kron(s, b.s, Dtypes.promote(dtype(), b.dtype())));
    }

    @Override
    public String toString() {
        return "<" + s.rows() + "x" + s.cols() + " sparse matrix of type " + dtype().name() + " in CSR format>";
    }
}
