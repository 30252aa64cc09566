package dev.legate.numeric.internal.kernels;

/**
 * Thrown when a factorization meets an exactly zero pivot, so the matrix is singular and the
 * requested solve or inverse does not exist. Carries the 0-based index of that pivot (LAPACK's
 * {@code info - 1}); the numeric library maps it to its public {@code LinAlgError}.
 */
public final class SingularMatrixException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int pivot;

    /**
     * Creates the exception for a zero pivot.
     *
     * @param pivot 0-based index of the first zero pivot
     * @param n order of the matrix
     */
    public SingularMatrixException(int pivot, int n) {
        super("singular matrix: pivot " + pivot + " of the " + n + "x" + n + " LU factorization is exactly zero");
        this.pivot = pivot;
    }

    /** The 0-based index of the first zero pivot. */
    public int pivot() {
        return pivot;
    }
}
