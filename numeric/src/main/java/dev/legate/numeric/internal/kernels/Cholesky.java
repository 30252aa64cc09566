package dev.legate.numeric.internal.kernels;

/**
 * Cholesky factorization {@code A = L L^T} of a symmetric positive definite matrix, as LAPACK's
 * {@code dpotrf} with {@code uplo = 'L'} and NumPy's {@code cholesky}.
 *
 * <p><b>Layout.</b> A contiguous row-major {@code n x n} {@code double[]}; only the lower
 * triangle and the diagonal are read, as in NumPy.
 *
 * <p><b>Determinism.</b> Single-threaded, fixed order of operations (the row-oriented
 * Cholesky-Crout form with {@code Blas1.dot}), bitwise reproducible on every machine.
 */
public final class Cholesky {
    private Cholesky() {}

    /**
     * Replaces {@code a} by L: the factor on and below the diagonal, zeros above.
     *
     * @throws NotPositiveDefiniteException naming the first column {@code j} whose leading minor
     *     of order {@code j + 1} is not positive (including a NaN pivot); {@code a} is then
     *     partly overwritten
     */
    public static void potrf(double[] a, int n) {
        Lu.checkSquare(a, n, "potrf");
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j] - Blas1.dot(a, rj, a, rj, j);
            if (!(d > 0)) {
                throw new NotPositiveDefiniteException(j, n, d);
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                a[ri + j] = (a[ri + j] - Blas1.dot(a, ri, a, rj, j)) / ljj;
            }
            for (int k = j + 1; k < n; k++) {
                a[rj + k] = 0;
            }
        }
    }
}
