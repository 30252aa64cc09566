package dev.legate.numeric.internal.kernels;

import java.util.Arrays;

/**
 * LU factorization with partial pivoting of square matrices and what is built on it: linear
 * solves, inverse and determinant, as LAPACK's {@code dgetrf}/{@code dgetrs} and NumPy's
 * {@code solve}, {@code inv}, {@code det} and {@code slogdet}.
 *
 * <p><b>Layout.</b> Matrices are contiguous row-major {@code double[]} copies: {@code n x n}
 * for A, {@code n x nrhs} for right-hand sides. {@link #getrf} and {@link #getrs} work in place;
 * {@link #solve}, {@link #inverse}, {@link #slogdet} and {@link #det} leave their arguments
 * unchanged.
 *
 * <p><b>Determinism.</b> Single-threaded, with a fixed order of operations (see {@code Blas1}),
 * so results are bitwise reproducible on every machine. They agree with NumPy's to rounding, not
 * bit for bit (OpenBLAS blocks differently).
 */
public final class Lu {
    /** Sign and natural log of the absolute value of a determinant, as NumPy's {@code slogdet}. */
    public record LogDet(double sign, double logAbsDet) {
        /** The determinant {@code sign * exp(logAbsDet)}, computed as NumPy's {@code det} does. */
        public double det() {
            return sign * Math.exp(logAbsDet);
        }
    }

    private Lu() {}

    /**
     * Factorizes {@code a} in place as {@code P A = L U}: U on and above the diagonal, the unit
     * lower L below it. At step {@code k} the row with the largest {@code |a[i][k]|}, {@code i >= k}
     * (the first such on ties) is swapped with row {@code k} and recorded in {@code ipiv[k]}
     * (0-based, LAPACK's convention less one). A zero pivot column is left as it is and the
     * factorization continues.
     *
     * @param a the {@code n x n} matrix, row-major; overwritten by L and U
     * @param ipiv receives {@code n} pivot rows
     * @return the 0-based index of the first exactly zero pivot, or -1 if U is nonsingular
     */
    public static int getrf(double[] a, int n, int[] ipiv) {
        checkSquare(a, n, "getrf");
        int info = -1;
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            ipiv[k] = p;
            if (p != k) {
                swapRows(a, n, k, p);
            }
            double pivot = a[k * n + k];
            if (pivot == 0) {
                info = info < 0 ? k : info;
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                double l = a[i * n + k] / pivot;
                a[i * n + k] = l;
                if (l != 0) {
                    Blas1.axpy(-l, a, k * n + k + 1, a, i * n + k + 1, n - k - 1);
                }
            }
        }
        return info;
    }

    /**
     * Solves {@code A X = B} in place in {@code b} ({@code n x nrhs}, row-major) from the factors
     * of {@link #getrf}.
     *
     * @throws SingularMatrixException if U has an exactly zero diagonal element
     */
    public static void getrs(double[] lu, int n, int[] ipiv, double[] b, int nrhs) {
        checkSquare(lu, n, "getrs");
        if (b.length < (long) n * nrhs) {
            throw new IllegalArgumentException("getrs: right-hand side has " + b.length + " elements, needs " + n
                    + "x" + nrhs);
        }
        for (int k = 0; k < n; k++) {
            if (lu[k * n + k] == 0) {
                throw new SingularMatrixException(k, n);
            }
        }
        for (int k = 0; k < n; k++) {
            if (ipiv[k] != k) {
                swapRows(b, nrhs, k, ipiv[k]);
            }
        }
        for (int i = 1; i < n; i++) {
            for (int k = 0; k < i; k++) {
                double l = lu[i * n + k];
                if (l != 0) {
                    Blas1.axpy(-l, b, k * nrhs, b, i * nrhs, nrhs);
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int k = i + 1; k < n; k++) {
                double u = lu[i * n + k];
                if (u != 0) {
                    Blas1.axpy(-u, b, k * nrhs, b, i * nrhs, nrhs);
                }
            }
            double d = lu[i * n + i];
            for (int j = 0; j < nrhs; j++) {
                b[i * nrhs + j] /= d;
            }
        }
    }

    /**
     * Solves {@code A X = B} for square {@code a}, as NumPy's {@code solve}; returns X
     * ({@code n x nrhs}, row-major).
     *
     * @throws SingularMatrixException if A is singular
     */
    public static double[] solve(double[] a, int n, double[] b, int nrhs) {
        double[] lu = Arrays.copyOf(a, n * n);
        int[] ipiv = new int[n];
        int info = getrf(lu, n, ipiv);
        if (info >= 0) {
            throw new SingularMatrixException(info, n);
        }
        double[] x = Arrays.copyOf(b, n * nrhs);
        getrs(lu, n, ipiv, x, nrhs);
        return x;
    }

    /**
     * The inverse of square {@code a}, by solving against the identity as NumPy's {@code inv}.
     *
     * @throws SingularMatrixException if A is singular
     */
    public static double[] inverse(double[] a, int n) {
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) {
            eye[i * n + i] = 1;
        }
        return solve(a, n, eye, n);
    }

    /**
     * Sign and log-magnitude of the determinant, as NumPy's {@code slogdet}: from the LU factors,
     * the sign is the parity of the row swaps times the signs of U's diagonal and the log is the
     * sum, in order, of {@code log |u_ii|}. A singular matrix gives {@code (0, -infinity)}.
     */
    public static LogDet slogdet(double[] a, int n) {
        double[] lu = Arrays.copyOf(a, n * n);
        int[] ipiv = new int[n];
        if (getrf(lu, n, ipiv) >= 0) {
            return new LogDet(0, Double.NEGATIVE_INFINITY);
        }
        double sign = 1;
        double log = 0;
        for (int i = 0; i < n; i++) {
            double d = lu[i * n + i];
            if ((ipiv[i] != i) != (d < 0)) {
                sign = -sign;
            }
            log += Math.log(Math.abs(d));
        }
        return new LogDet(sign, log);
    }

    /** The determinant, {@code sign * exp(logAbsDet)} of {@link #slogdet} as NumPy's {@code det} computes it. */
    public static double det(double[] a, int n) {
        return slogdet(a, n).det();
    }

    private static void swapRows(double[] a, int cols, int r, int s) {
        for (int j = 0; j < cols; j++) {
            double t = a[r * cols + j];
            a[r * cols + j] = a[s * cols + j];
            a[s * cols + j] = t;
        }
    }

    static void checkSquare(double[] a, int n, String what) {
        if (n < 0 || a.length < (long) n * n) {
            throw new IllegalArgumentException(what + ": need an " + n + "x" + n + " row-major matrix, got "
                    + a.length + " elements");
        }
    }
}
