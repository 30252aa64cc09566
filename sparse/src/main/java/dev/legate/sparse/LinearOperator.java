package dev.legate.sparse;

import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.NDArray;
import java.util.function.UnaryOperator;

/**
 * A linear map given by how it acts on vectors (SciPy's {@code LinearOperator}): what the
 * iterative solvers in {@link Linalg} take as the system matrix and as a preconditioner.
 */
public interface LinearOperator {
    /** The shape {@code (rows, cols)}: {@link #matvec} maps length {@code cols} to length {@code rows}. */
    Shape shape();

    /** {@code A x} for a 1-d {@code x} of length {@code cols}. */
    NDArray matvec(NDArray x);

    /** The operator of a sparse matrix: {@code matvec} is its SpMV. */
    static LinearOperator of(SparseMatrix a) {
        return new CsrOperator(a.tocsr());
    }

    /** An operator of shape {@code (rows, cols)} applying {@code f}. */
    static LinearOperator of(long rows, long cols, UnaryOperator<NDArray> f) {
        Shape s = Shape.of(rows, cols);
        return new LinearOperator() {
            @Override
            public Shape shape() {
                return s;
            }

            @Override
            public NDArray matvec(NDArray x) {
                if (x.ndim() != 1 || x.size() != cols) {
                    throw new ShapeMismatchException("matvec: dimension mismatch, operator has shape " + s
                            + " and x has shape " + x.shape());
                }
                return f.apply(x);
            }
        };
    }

    /** The identity of size {@code n}. */
    static LinearOperator identity(long n) {
        return of(n, n, x -> x);
    }

    /** The Jacobi preconditioner of {@code a}: multiplication by the inverse of its diagonal. */
    static LinearOperator jacobi(SparseMatrix a) {
        NDArray inv = dev.legate.numeric.Numeric.reciprocal(a.diagonal()).copy();
        return of(a.rows(), a.cols(), x -> x.multiply(inv));
    }
}
