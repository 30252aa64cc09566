package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.numeric.NDArray;
import dev.legate.sparse.internal.CsrOps;

/**
 * A matrix in coordinate form (SciPy's {@code coo_array}): entry {@code k} has value
 * {@code data[k]} at {@code (row[k], col[k])}. Coordinates may repeat; {@link #tocsr()} sums
 * repeated entries, as SciPy does.
 */
public final class CooMatrix implements SparseMatrix {
    private final long m;
    private final long n;
    private final NDArray row;
    private final NDArray col;
    private final NDArray data;

    CooMatrix(long m, long n, NDArray row, NDArray col, NDArray data) {
        this.m = m;
        this.n = n;
        this.row = row;
        this.col = col;
        this.data = data;
    }

    /** The row index of each entry (the array given or computed, not a copy). */
    public NDArray row() {
        return row;
    }

    /** The column index of each entry. */
    public NDArray col() {
        return col;
    }

    /** The value of each entry. */
    public NDArray data() {
        return data;
    }

    @Override
    public Shape shape() {
        return Shape.of(m, n);
    }

    @Override
    public DType dtype() {
        return data.dtype();
    }

    @Override
    public long nnz() {
        return data.size();
    }

    @Override
    public String format() {
        return "coo";
    }

    /** CSR form, entries sorted and repeated coordinates summed. */
    @Override
    public CsrMatrix tocsr() {
        return new CsrMatrix(CsrOps.fromCoo(data.store().runtime(), m, n, row.store(), col.store(), data.store()));
    }

    @Override
    public CooMatrix tocoo() {
        return this;
    }

    /** The transpose: the same arrays with rows and columns exchanged (no copy). */
    @Override
    public CooMatrix transpose() {
        return new CooMatrix(n, m, col, row, data);
    }

    @Override
    public String toString() {
        return "<" + m + "x" + n + " sparse matrix of type " + dtype().name() + " in COO format>";
    }
}
