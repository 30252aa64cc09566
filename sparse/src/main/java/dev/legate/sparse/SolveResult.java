package dev.legate.sparse;

import dev.legate.numeric.NDArray;

/**
 * The outcome of an iterative solve.
 *
 * @param x the solution estimate
 * @param iterations iterations taken (matrix-vector products with the system matrix, for CG)
 * @param residualNorm {@code ||b - A x||} when the solver stopped, as the solver tracks it
 * @param converged whether {@code residualNorm <= max(rtol ||b||, atol)} was reached within the
 *     iteration limit (SciPy's {@code info == 0})
 */
public record SolveResult(NDArray x, int iterations, double residualNorm, boolean converged) {
}
