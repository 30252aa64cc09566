package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.numeric.NDArray;
import dev.legate.sparse.internal.CsrOps;
import dev.legate.sparse.internal.CsrStore;

/**
 * A matrix in compressed sparse column form (SciPy's {@code csc_array}): column offsets
 * {@link #indptr()} (int64), row indices {@link #indices()} (int32, sorted and distinct within
 * each column) and values {@link #data()}. The arrays are exactly those of the CSR form of the
 * transpose, so {@link #transpose()} and {@link CsrMatrix#transpose()} copy nothing.
 *
 * <p>Operations other than transposition go through {@link #tocsr()}, which is computed once
 * per matrix and kept.
 */
public final class CscMatrix implements SparseMatrix {
    private final CsrStore t;
    private volatile CsrMatrix csr;

    /** A CSC matrix whose arrays are those of {@code transposed}, the CSR form of its transpose. */
    CscMatrix(CsrStore transposed) {
        this.t = transposed;
    }

    /** The values, column by column (a view, not a copy). */
    public NDArray data() {
        return NDArray.of(t.data());
    }

    /** The row index of each stored entry (a view). */
    public NDArray indices() {
        return NDArray.of(t.indices());
    }

    /** Column {@code j}'s entries are at positions {@code indptr[j] .. indptr[j+1]-1} (a view). */
    public NDArray indptr() {
        return NDArray.of(t.indptr());
    }

    @Override
    public Shape shape() {
        return Shape.of(t.cols(), t.rows());
    }

    @Override
    public DType dtype() {
        return t.dtype();
    }

    @Override
    public long nnz() {
        return t.nnz();
    }

    @Override
    public String format() {
        return "csc";
    }

    @Override
    public CsrMatrix tocsr() {
        CsrMatrix c = csr;
        if (c == null) {
            synchronized (this) {
                c = csr;
                if (c == null) {
                    c = new CsrMatrix(CsrOps.transpose(t));
                    csr = c;
                }
            }
        }
        return c;
    }

    @Override
    public CscMatrix tocsc() {
        return this;
    }

    /** The transpose as a CSR matrix over the same arrays (no copy). */
    @Override
    public CsrMatrix transpose() {
        return new CsrMatrix(t);
    }

    @Override
    public CsrMatrix T() {
        return transpose();
    }

    /** {@code this * c} in CSC form; the structure is shared, the values are new. */
    public CscMatrix scaled(double c) {
        return new CscMatrix(new CsrStore(t.rt(), t.rows(), t.cols(), t.indptr(), t.indices(),
                data().multiply(c).store()));
    }

    @Override
    public String toString() {
        return "<" + t.cols() + "x" + t.rows() + " sparse matrix of type " + dtype().name() + " in CSC format>";
    }
}
