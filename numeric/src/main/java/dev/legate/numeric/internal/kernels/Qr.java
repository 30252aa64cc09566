package dev.legate.numeric.internal.kernels;

/**
 * Householder QR factorization {@code A = Q R} of an {@code m x n} matrix, as LAPACK's
 * {@code dgeqrf}/{@code dorgqr} and NumPy's {@code qr} in modes {@code 'reduced'} and
 * {@code 'complete'}.
 *
 * <p><b>Layout.</b> Contiguous row-major {@code double[]} copies. {@link #geqrf} overwrites A
 * with R (on and above the diagonal) and the Householder vectors (below it) and returns the
 * scalar factors {@code tau}; {@link #formQ} and {@link #formR} build Q and R from them. With
 * {@code k = min(m, n)}, NumPy's reduced mode is {@code formQ(.., k)}, {@code formR(.., k)}
 * ({@code m x k} and {@code k x n}); complete mode is {@code formQ(.., m)}, {@code formR(.., m)}.
 *
 * <p><b>Conventions.</b> Reflector {@code k} is {@code H = I - tau v v^T} with {@code v[0] = 1},
 * chosen as LAPACK's {@code dlarfg}: {@code R[k][k] = -sign(a_kk) ||x||}, and {@code tau = 0}
 * (no reflection) when the part of the column below the diagonal is zero. So R's diagonal has
 * the signs NumPy's has. Single-threaded with a fixed order of operations: bitwise reproducible
 * on every machine, equal to NumPy's to rounding.
 */
public final class Qr {
    private Qr() {}

    /**
     * Factorizes {@code a} ({@code m x n}) in place; returns the {@code min(m, n)} reflector
     * scalars.
     */
    public static double[] geqrf(double[] a, int m, int n) {
        checkShape(a, m, n, "geqrf");
        int k = Math.min(m, n);
        double[] tau = new double[k];
        double[] x = new double[m];
        double[] w = new double[n];
        for (int j = 0; j < k; j++) {
            tau[j] = reflector(a, m, n, j, j, x);
            applyLeft(a, n, j, j + 1, n, m, tau[j], a, n, j, w);
        }
        return tau;
    }

    /**
     * Builds the first {@code cols} columns of Q ({@code m x cols}, {@code min(m, n) <= cols <= m})
     * from the output of {@link #geqrf}.
     */
    public static double[] formQ(double[] qr, int m, int n, double[] tau, int cols) {
        checkShape(qr, m, n, "formQ");
        int k = tau.length;
        if (cols < k || cols > m) {
            throw new IllegalArgumentException("formQ: Q of an " + m + "x" + n + " factorization has between " + k
                    + " and " + m + " columns, asked for " + cols);
        }
        double[] q = new double[m * cols];
        for (int i = 0; i < cols; i++) {
            q[i * cols + i] = 1;
        }
        double[] w = new double[cols];
        for (int j = k - 1; j >= 0; j--) {
            applyLeft(q, cols, j, j, cols, m, tau[j], qr, n, j, w);
        }
        return q;
    }

    /** Builds R: the first {@code rows} rows ({@code min(m, n)} or {@code m}) of the upper triangle. */
    public static double[] formR(double[] qr, int m, int n, int rows) {
        checkShape(qr, m, n, "formR");
        if (rows < Math.min(m, n) || rows > m) {
            throw new IllegalArgumentException("formR: R of an " + m + "x" + n + " factorization has between "
                    + Math.min(m, n) + " and " + m + " rows, asked for " + rows);
        }
        double[] r = new double[rows * n];
        for (int i = 0; i < Math.min(rows, n); i++) {
            System.arraycopy(qr, i * n + i, r, i * n + i, n - i);
        }
        return r;
    }

    /**
     * Computes the reflector that zeroes column {@code col} of {@code a} below row {@code row}
     * (LAPACK's {@code dlarfg}): stores {@code beta} at {@code [row][col]} and {@code v[1..]}
     * below it; returns {@code tau}. {@code x} is scratch of length at least {@code m}.
     */
    static double reflector(double[] a, int m, int n, int row, int col, double[] x) {
        int len = m - row - 1;
        for (int i = 0; i < len; i++) {
            x[i] = a[(row + 1 + i) * n + col];
        }
        double xnorm = Blas1.norm(x, 0, len);
        double alpha = a[row * n + col];
        if (xnorm == 0) {
            return 0;
        }
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        double inv = 1 / (alpha - beta);
        for (int i = 0; i < len; i++) {
            a[(row + 1 + i) * n + col] = x[i] * inv;
        }
        a[row * n + col] = beta;
        return (beta - alpha) / beta;
    }

    /**
     * Applies {@code H = I - tau v v^T} from the left to rows {@code r0 .. m-1}, columns
     * {@code c0 .. c1-1} of {@code t} (row length {@code tn}). The vector is column {@code vc} of
     * {@code v} (row length {@code vn}) from row {@code r0}, with an implicit 1 at row {@code r0}.
     * Row-oriented: {@code w = v^T T} accumulated row by row, then each row takes
     * {@code -tau v_i w}. {@code w} is scratch of length at least {@code c1}.
     */
    static void applyLeft(double[] t, int tn, int r0, int c0, int c1, int m, double tau, double[] v, int vn, int vc,
            double[] w) {
        if (tau == 0 || c0 >= c1) {
            return;
        }
        int len = c1 - c0;
        System.arraycopy(t, r0 * tn + c0, w, c0, len);
        for (int i = r0 + 1; i < m; i++) {
            Blas1.axpy(v[i * vn + vc], t, i * tn + c0, w, c0, len);
        }
        Blas1.axpy(-tau, w, c0, t, r0 * tn + c0, len);
        for (int i = r0 + 1; i < m; i++) {
            double s = -tau * v[i * vn + vc];
            if (s != 0) {
                Blas1.axpy(s, w, c0, t, i * tn + c0, len);
            }
        }
    }

    static void checkShape(double[] a, int m, int n, String what) {
        if (m < 0 || n < 0 || a.length < (long) m * n) {
            throw new IllegalArgumentException(what + ": need an " + m + "x" + n + " row-major matrix, got "
                    + a.length + " elements");
        }
    }
}
