package dev.legate.sparse;

import dev.legate.core.Shape;
import dev.legate.numeric.NDArray;

/**
 * The operator of a CSR matrix ({@link LinearOperator#of(SparseMatrix)}): its SpMV, and for the
 * solvers an SpMV into an array they own, so that an iteration's {@code A p} reuses the last
 * one's memory instead of taking fresh memory each time.
 */
final class CsrOperator implements LinearOperator {
    private final CsrMatrix csr;

    CsrOperator(CsrMatrix csr) {
        this.csr = csr;
    }

    @Override
    public Shape shape() {
        return csr.shape();
    }

    @Override
    public NDArray matvec(NDArray x) {
        return csr.matmul(x);
    }

    /** {@code A x} into {@code out} when it can hold the result (else {@code false}, nothing done). */
    boolean matvecInto(NDArray x, NDArray out) {
        return csr.matvecInto(x, out);
    }
}
