package dev.legate.sparse;

import java.util.Optional;

/**
 * Settings of the iterative solvers, SciPy's keyword arguments. Made with {@link #defaults()}
 * and the {@code with...} methods: {@code SolverOptions.defaults().withRtol(1e-8)}.
 *
 * @param rtol relative tolerance on the residual norm (SciPy's default 1e-5)
 * @param atol absolute tolerance on the residual norm (default 0)
 * @param maxiter iteration limit (0: 10 times the system size, as SciPy's CG)
 * @param restart GMRES restart length (default 20)
 * @param preconditioner an approximation of the inverse of the system matrix
 * @param x0 the start vector (default zeros)
 */
public record SolverOptions(double rtol, double atol, int maxiter, int restart,
                            Optional<LinearOperator> preconditioner, Optional<dev.legate.numeric.NDArray> x0) {
    /** Validates the settings. */
    public SolverOptions {
        if (!(rtol >= 0) || !(atol >= 0) || maxiter < 0 || restart < 1) {
            throw new IllegalArgumentException("need rtol >= 0, atol >= 0, maxiter >= 0, restart >= 1; got rtol "
                    + rtol + ", atol " + atol + ", maxiter " + maxiter + ", restart " + restart);
        }
    }

    /** SciPy's defaults: rtol 1e-5, atol 0, no iteration limit beyond 10 n, restart 20, no preconditioner. */
    public static SolverOptions defaults() {
        return new SolverOptions(1e-5, 0, 0, 20, Optional.empty(), Optional.empty());
    }

    /** These options with {@code rtol}. */
    public SolverOptions withRtol(double v) {
        return new SolverOptions(v, atol, maxiter, restart, preconditioner, x0);
    }

    /** These options with {@code atol}. */
    public SolverOptions withAtol(double v) {
        return new SolverOptions(rtol, v, maxiter, restart, preconditioner, x0);
    }

    /** These options with {@code maxiter}. */
    public SolverOptions withMaxiter(int v) {
        return new SolverOptions(rtol, atol, v, restart, preconditioner, x0);
    }

    /** These options with the GMRES restart length. */
    public SolverOptions withRestart(int v) {
        return new SolverOptions(rtol, atol, maxiter, v, preconditioner, x0);
    }

    /** These options with a preconditioner. */
    public SolverOptions withPreconditioner(LinearOperator m) {
        return new SolverOptions(rtol, atol, maxiter, restart, Optional.of(m), x0);
    }

    /** These options with a start vector. */
    public SolverOptions withX0(dev.legate.numeric.NDArray v) {
        return new SolverOptions(rtol, atol, maxiter, restart, preconditioner, Optional.of(v));
    }
}
