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
        return NDArray.of(VectorOps.norm2(x.readStore()));
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
        return NDArray.of(VectorOps.dot(x.readStore(), Dtypes.as(y, x.dtype()).readStore()));
    }

    /**
     * Solves {@code A x = b} for a symmetric positive definite {@code A} by conjugate gradients
     * (SciPy's {@code cg}), stopping when {@code ||b - A x|| <= max(rtol ||b||, atol)}.
     *
     * @throws ShapeMismatchException when {@code A} is not square or {@code b} does not match it
     */
    public static SolveResult cg(LinearOperator a, NDArray b, SolverOptions options) {
        return Krylov.cg(a, b, options);
    }

    /** {@link #cg(LinearOperator, NDArray, SolverOptions)} for a sparse matrix. */
    public static SolveResult cg(SparseMatrix a, NDArray b, SolverOptions options) {
        return Krylov.cg(LinearOperator.of(a), b, options);
    }

    /**
     * Solves {@code A x = b} by restarted GMRES (SciPy's {@code gmres}), with the preconditioner,
     * if any, applied on the right, so the residual tracked is the true one.
     *
     * @throws ShapeMismatchException when {@code A} is not square or {@code b} does not match it
     */
    public static SolveResult gmres(LinearOperator a, NDArray b, SolverOptions options) {
        return Krylov.gmres(a, b, options);
    }

    /** {@link #gmres(LinearOperator, NDArray, SolverOptions)} for a sparse matrix. */
    public static SolveResult gmres(SparseMatrix a, NDArray b, SolverOptions options) {
        return Krylov.gmres(LinearOperator.of(a), b, options);
    }

    /**
     * The eigenvalue of largest magnitude of a symmetric operator and its eigenvector, by power
     * iteration from a random start vector (SciPy's {@code eigsh(A, k=1, which='LM')} for the
     * common case); stops when successive Rayleigh quotients agree to {@code tol} (relative).
     */
    public static EigenResult eigshLargest(LinearOperator a, double tol, int maxiter) {
        return Krylov.largestEigen(a, tol, maxiter, 7);
    }

    /** {@link #eigshLargest(LinearOperator, double, int)} for a sparse matrix. */
    public static EigenResult eigshLargest(SparseMatrix a, double tol, int maxiter) {
        return Krylov.largestEigen(LinearOperator.of(a), tol, maxiter, 7);
    }

    private static void requireVector(String op, NDArray x) {
        if (x.ndim() != 1) {
            throw new ShapeMismatchException(op + " needs a 1-d array, got shape " + x.shape());
        }
    }
}
