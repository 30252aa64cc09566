package dev.legate.numeric.internal.kernels;

/**
 * Thrown by {@link Cholesky} when the matrix is not (numerically) symmetric positive definite:
 * the leading minor of order {@code column + 1} is not positive. Carries that 0-based column
 * (LAPACK's {@code info - 1}); the numeric library maps it to its public {@code LinAlgError}.
 */
public final class NotPositiveDefiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int column;

    /**
     * Creates the exception for a failing leading minor.
     *
     * @param column 0-based column at which the factorization failed
     * @param n order of the matrix
     * @param pivot the non-positive (or NaN) value found where the squared diagonal was expected
     */
    public NotPositiveDefiniteException(int column, int n, double pivot) {
        super("matrix is not positive definite: the leading minor of order " + (column + 1) + " of the " + n + "x"
                + n + " matrix is not positive (pivot " + pivot + ")");
        this.column = column;
    }

    /** The 0-based column whose leading minor is not positive. */
    public int column() {
        return column;
    }
}
