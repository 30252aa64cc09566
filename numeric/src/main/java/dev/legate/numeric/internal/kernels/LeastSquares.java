package dev.legate.numeric.internal.kernels;

import java.util.Arrays;

/**
 * Minimum-norm least-squares solutions of {@code A X = B} by a complete orthogonal
 * factorization, as LAPACK's {@code dgelsy}; the counterpart of NumPy's {@code lstsq}.
 *
 * <p><b>Method.</b> Householder QR with column pivoting ({@code dgeqp3}: at each step the
 * remaining column of largest norm, the first on ties) gives {@code A P = Q [R11 R12; 0 R22]}.
 * The rank {@code r} is the number of leading diagonal entries with
 * {@code |R_kk| > rcond |R_00|}. When {@code r < n}, {@code [R11 R12]} is reduced to
 * {@code [T 0] Z} by Householder reflections from the right ({@code dlatrz}); then
 * {@code X = P Z^T [T^-1 (Q^T B)[0:r]; 0]} is the minimum-norm least-squares solution.
 *
 * <p><b>Against NumPy.</b> For a full-rank A (rank {@code min(m, n)}) the solution is NumPy's
 * to rounding, for every shape (overdetermined, square, underdetermined). NumPy estimates the
 * rank from singular values ({@code s_i > rcond s_max}, SVD-based {@code dgelsd}); the diagonal
 * of the pivoted R is used here instead, which agrees on clearly rank-deficient matrices but may
 * differ for ones whose smallest singular value sits near the threshold; the singular values
 * themselves are not computed. Residuals are as NumPy's: the squared 2-norms of the columns of
 * {@code B - A X}, given only when {@code rank == n} and {@code m > n}, else an empty array.
 *
 * <p><b>Layout and determinism.</b> Contiguous row-major {@code double[]} copies, not
 * modified. Single-threaded, fixed order of operations: bitwise reproducible on every machine.
 */
public final class LeastSquares {
    /**
     * The solution of {@link #lstsq}.
     *
     * @param x the {@code n x nrhs} solution, row-major
     * @param residuals {@code nrhs} squared residual norms, or empty (see the class comment)
     * @param rank the effective rank of A
     */
    public record Solution(double[] x, double[] residuals, int rank) {}

    private LeastSquares() {}

    /** NumPy's default {@code rcond}: machine epsilon times {@code max(m, n)}. */
    public static double defaultRcond(int m, int n) {
        return Math.ulp(1.0) * Math.max(m, n);
    }

    /** Solves {@code min ||A X - B||} with minimum {@code ||X||}; A is {@code m x n}, B {@code m x nrhs}. */
    public static Solution lstsq(double[] a, int m, int n, double[] b, int nrhs, double rcond) {
        Qr.checkShape(a, m, n, "lstsq");
        Qr.checkShape(b, m, nrhs, "lstsq (right-hand side)");
        int k = Math.min(m, n);
        double[] f = Arrays.copyOf(a, m * n);
        int[] perm = new int[n];
        double[] tau = pivotedQr(f, m, n, perm);
        int rank = 0;
        double r00 = k > 0 ? Math.abs(f[0]) : 0;
        while (rank < k && Math.abs(f[rank * n + rank]) > rcond * r00) {
            rank++;
        }
        double[] c = Arrays.copyOf(b, m * nrhs);
        double[] w = new double[nrhs];
        for (int j = 0; j < k; j++) {
            Qr.applyLeft(c, nrhs, j, 0, nrhs, m, tau[j], f, n, j, w);
        }
        double[] residuals = new double[rank == n && m > n ? nrhs : 0];
        for (int i = n; i < m && residuals.length > 0; i++) {
            for (int j = 0; j < nrhs; j++) {
                residuals[j] = Math.fma(c[i * nrhs + j], c[i * nrhs + j], residuals[j]);
            }
        }
        double[] zTau = rank < n ? rz(f, n, rank) : new double[0];
        double[] y = new double[n * nrhs];
        for (int i = rank - 1; i >= 0; i--) {
            System.arraycopy(c, i * nrhs, y, i * nrhs, nrhs);
            for (int p = i + 1; p < rank; p++) {
                Blas1.axpy(-f[i * n + p], y, p * nrhs, y, i * nrhs, nrhs);
            }
            double d = f[i * n + i];
            for (int j = 0; j < nrhs; j++) {
                y[i * nrhs + j] /= d;
            }
        }
        for (int i = 0; i < zTau.length; i++) {
            applyZ(f, n, rank, i, zTau[i], y, nrhs, w);
        }
        double[] x = new double[n * nrhs];
        for (int i = 0; i < n; i++) {
            System.arraycopy(y, i * nrhs, x, perm[i] * nrhs, nrhs);
        }
        return new Solution(x, residuals, rank);
    }

    /**
     * Householder QR with column pivoting in place; {@code perm[j]} receives the original index of
     * column {@code j}. Column norms are downdated as in LAPACK's {@code dlaqp2} and recomputed
     * when cancellation makes the downdate unreliable.
     */
    static double[] pivotedQr(double[] a, int m, int n, int[] perm) {
        int k = Math.min(m, n);
        double[] col = new double[m];
        double[] vn1 = new double[n];
        double[] vn2 = new double[n];
        for (int j = 0; j < n; j++) {
            perm[j] = j;
            vn1[j] = columnNorm(a, m, n, j, 0, col);
            vn2[j] = vn1[j];
        }
        double tol3z = Math.sqrt(Math.ulp(1.0) / 2);
        double[] tau = new double[k];
        double[] w = new double[n];
        for (int j = 0; j < k; j++) {
            int p = j;
            for (int q = j + 1; q < n; q++) {
                if (vn1[q] > vn1[p]) {
                    p = q;
                }
            }
            if (p != j) {
                for (int i = 0; i < m; i++) {
                    double t = a[i * n + p];
                    a[i * n + p] = a[i * n + j];
                    a[i * n + j] = t;
                }
                int t = perm[p];
                perm[p] = perm[j];
                perm[j] = t;
                vn1[p] = vn1[j];
                vn2[p] = vn2[j];
            }
            tau[j] = Qr.reflector(a, m, n, j, j, col);
            Qr.applyLeft(a, n, j, j + 1, n, m, tau[j], a, n, j, w);
            for (int q = j + 1; q < n; q++) {
                if (vn1[q] == 0) {
                    continue;
                }
                double ratio = Math.abs(a[j * n + q]) / vn1[q];
                double t = Math.max(0, (1 + ratio) * (1 - ratio));
                double scaled = vn1[q] / vn2[q];
                if (t * scaled * scaled <= tol3z) {
                    vn1[q] = columnNorm(a, m, n, q, j + 1, col);
                    vn2[q] = vn1[q];
                } else {
                    vn1[q] *= Math.sqrt(t);
                }
            }
        }
        return tau;
    }

    private static double columnNorm(double[] a, int m, int n, int j, int from, double[] col) {
        for (int i = from; i < m; i++) {
            col[i - from] = a[i * n + j];
        }
        return Blas1.norm(col, 0, m - from);
    }

    /**
     * Reduces the leading {@code r x n} block {@code [R11 R12]} of {@code a} to {@code [T 0] Z}
     * ({@code dlatrz}): for rows {@code i = r-1 .. 0}, a reflector on columns {@code i} and
     * {@code r .. n-1} zeroes row {@code i} of R12, its vector kept in place of that row; the
     * rows above take the reflection from the right. Returns the reflector scalars.
     */
    private static double[] rz(double[] a, int n, int r) {
        double[] tau = new double[r];
        int len = n - r;
        for (int i = r - 1; i >= 0; i--) {
            int row = i * n;
            double alpha = a[row + i];
            double xnorm = Blas1.norm(a, row + r, len);
            if (xnorm == 0) {
                continue;
            }
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[i] = (beta - alpha) / beta;
            Blas1.scale(1 / (alpha - beta), a, row + r, len);
            a[row + i] = beta;
            for (int h = 0; h < i; h++) {
                int above = h * n;
                double s = a[above + i] + Blas1.dot(a, above + r, a, row + r, len);
                s *= tau[i];
                a[above + i] -= s;
                Blas1.axpy(-s, a, row + r, a, above + r, len);
            }
        }
        return tau;
    }

    /**
     * Applies RZ reflector {@code i} (symmetric; vector: 1 at row {@code i}, then row {@code i}
     * of {@code a} over columns {@code r .. n-1} at rows {@code r .. n-1}) to the rows of
     * {@code y} ({@code n x nrhs}). With {@code Z = Z_0 Z_1 ... Z_{r-1}}, {@code Z^T y} applies
     * {@code Z_0} first.
     */
    private static void applyZ(double[] a, int n, int r, int i, double tau, double[] y, int nrhs, double[] w) {
        if (tau == 0) {
            return;
        }
        System.arraycopy(y, i * nrhs, w, 0, nrhs);
        for (int p = r; p < n; p++) {
            Blas1.axpy(a[i * n + p], y, p * nrhs, w, 0, nrhs);
        }
        Blas1.axpy(-tau, w, 0, y, i * nrhs, nrhs);
        for (int p = r; p < n; p++) {
            Blas1.axpy(-tau * a[i * n + p], w, 0, y, p * nrhs, nrhs);
        }
    }
}
