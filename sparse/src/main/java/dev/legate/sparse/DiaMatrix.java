package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import dev.legate.sparse.internal.CsrOps;

/**
 * A matrix in diagonal form (SciPy's {@code dia_array}): row {@code d} of the 2-d
 * {@link #data()} holds diagonal {@link #offsets()}{@code [d]}, with {@code data[d, j]} the entry
 * at {@code (j - offsets[d], j)}. Offsets are distinct; values that fall outside the matrix are
 * ignored.
 */
public final class DiaMatrix implements SparseMatrix {
    private final long m;
    private final long n;
    private final NDArray data;
    private final NDArray offsets;

    DiaMatrix(long m, long n, NDArray data, NDArray offsets) {
        this.m = m;
        this.n = n;
        this.data = data;
        this.offsets = offsets;
    }

    /** The diagonals, one per row (the array given, not a copy). */
    public NDArray data() {
        return data;
    }

    /** The offset of each stored diagonal (int64; positive above the main diagonal). */
    public NDArray offsets() {
        return offsets;
    }

    @Override
    public Shape shape() {
        return Shape.of(m, n);
    }

    @Override
    public DType dtype() {
        return data.dtype();
    }

    /** The number of stored values, {@code data.size()}, as SciPy counts it for DIA. */
    @Override
    public long nnz() {
        return data.size();
    }

    @Override
    public String format() {
        return "dia";
    }

    /** CSR form; entries whose stored value is zero are dropped, as SciPy does. */
    @Override
    public CsrMatrix tocsr() {
        return new CsrMatrix(CsrOps.fromDia(data.store().runtime(), m, n, data.store(), offsets.store()));
    }

    @Override
    public DiaMatrix todia() {
        return this;
    }

    @Override
    public SparseMatrix transpose() {
        return tocsr().transpose();
    }

    /** DIA form of a CSR matrix, computed on the host. */
    static DiaMatrix fromCsr(CsrMatrix a) {
        long rows = a.rows();
        long cols = a.cols();
        long[] ptr = a.indptr().toLongArray();
        long[] crd = a.indices().toLongArray();
        double[] val = a.data().toDoubleArray();
        java.util.TreeMap<Long, Integer> diag = new java.util.TreeMap<>();
        for (int r = 0; r < rows; r++) {
            for (long k = ptr[r]; k < ptr[r + 1]; k++) {
                diag.putIfAbsent(crd[(int) k] - r, 0);
            }
        }
        int d = 0;
        for (var e : diag.entrySet()) {
            e.setValue(d++);
        }
        int width = Math.toIntExact(cols);
        double[] out = new double[Math.multiplyExact(diag.size(), width)];
        for (int r = 0; r < rows; r++) {
            for (long k = ptr[r]; k < ptr[r + 1]; k++) {
                long c = crd[(int) k];
                out[diag.get(c - r) * width + (int) c] += val[(int) k];
            }
        }
        long[] offs = new long[diag.size()];
        int i = 0;
        for (long o : diag.keySet()) {
            offs[i++] = o;
        }
        NDArray data = Numeric.array(out, diag.size(), width);
        return new DiaMatrix(rows, cols, Dtypes.as(data, a.dtype()), Numeric.array(offs, offs.length));
    }

    @Override
    public String toString() {
        return "<" + m + "x" + n + " sparse matrix of type " + dtype().name() + " with " + offsets.size()
                + " stored diagonals in DIA format>";
    }
}
