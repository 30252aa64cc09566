package dev.legate.sparse;

import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.NDArray;
import dev.legate.sparse.internal.VectorOps;

/**
 * Linear algebra for sparse matrices and the vectors they act on, as
 * {@code scipy.sparse.linalg}: norms, dot products, iterative solvers and the largest
 * eigenvalue.
 *
 * <p>Norms and dot products return 0-d float64 arrays computed by tasks: using them in further
 * operations does not wait; {@link NDArray#item()} does. They are deterministic: the same
 * bits for any number of processors (fixed blocks aligned to global indices, added in a fixed
 * tree).
 */
public final class Linalg {
    private Linalg() {
    }

    /** The 2-norm of a 1-d array, as a 0-d array. */
    public static NDArray norm(NDArray x) {
        requireVector("norm", x);
        return NDArray.of(VectorOps.norm2(x.store()));
    }

    /** The Frobenius norm of a sparse matrix, as a 0-d array. */
    public static NDArray norm(SparseMatrix a) {
        return NDArray.of(VectorOps.norm2(a.tocsr().data().store()));
    }

    /** {@code sum(x * y)} of two 1-d arrays of one length, as a 0-d array. */
    public static NDArray dot(NDArray x, NDArray y) {
        requireVector("dot", x);
        requireVector("dot", y);
        if (x.size() != y.size()) {
            throw new ShapeMismatchException("dot: shapes " + x.shape() + " and " + y.shape() + " not aligned");
        }
        return NDArray.of(VectorOps.dot(x.store(), Dtypes.as(y, x.dtype()).store()));
    }

    private static void requireVector(String op, NDArray x) {
        if (x.ndim() != 1) {
            throw new ShapeMismatchException(op + " needs a 1-d array, got shape " + x.shape());
        }
    }
}
