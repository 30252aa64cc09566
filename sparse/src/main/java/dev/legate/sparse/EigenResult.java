package dev.legate.sparse;

import dev.legate.numeric.NDArray;

/**
 * The largest eigenvalue found by power iteration, with its eigenvector.
 *
 * @param value the eigenvalue estimate (Rayleigh quotient)
 * @param vector the unit eigenvector estimate
 * @param iterations iterations taken
 * @param converged whether successive estimates agreed to the relative tolerance
 */
public record EigenResult(double value, NDArray vector, int iterations, boolean converged) {
}
