package dev.legate.sparse.examples;

import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import dev.legate.sparse.CsrMatrix;
import dev.legate.sparse.Linalg;
import dev.legate.sparse.SolveResult;
import dev.legate.sparse.SolverOptions;
import dev.legate.sparse.Sparse;

/**
 * The 2-D Poisson equation on an {@code N x N} grid (5-point Laplacian, Dirichlet boundaries)
 * solved with conjugate gradients: {@code A = kron(I, T) + kron(T, I)} with
 * {@code T = tridiag(-1, 2, -1)}, right-hand side all ones.
 *
 * <p>Usage: {@code Poisson2D [N [rtol]]}, defaults 300 and 1e-8. Prints N, unknowns, stored
 * values, build and solve times, iterations and the final residual.
 */
public final class Poisson2D {
    private Poisson2D() {
    }

    /** The 5-point Laplacian of an {@code N x N} grid, in CSR form. */
    public static CsrMatrix laplacian(int grid) {
        CsrMatrix t = Sparse.diags(new double[][] {{-1}, {2}, {-1}}, new long[] {-1, 0, 1}, grid, grid).tocsr();
        CsrMatrix i = Sparse.identity(grid);
        return Sparse.kron(i, t).plus(Sparse.kron(t, i));
    }

    /** Runs the program with arguments {@code [N [rtol]]}. */
    public static void main(String[] args) {
        int grid = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double rtol = args.length > 1 ? Double.parseDouble(args[1]) : 1e-8;
        long t0 = System.nanoTime();
        CsrMatrix a = laplacian(grid);
        NDArray b = Numeric.ones((long) grid * grid);
        long nnz = a.nnz();
        long t1 = System.nanoTime();
        SolveResult r = Linalg.cg(a, b, SolverOptions.defaults().withRtol(rtol).withMaxiter(100_000));
        r.x().item(0);
        long t2 = System.nanoTime();
        System.out.printf("poisson2d N=%d unknowns=%d nnz=%d build_s=%.3f solve_s=%.4f iterations=%d "
                + "residual=%.3e converged=%b%n", grid, (long) grid * grid, nnz, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                r.iterations(), r.residualNorm(), r.converged());
    }
}
