package dev.legate.sparse;

import dev.legate.core.DType;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The iterative methods behind {@link Linalg}: conjugate gradients, restarted GMRES and power
 * iteration. Vector updates are numeric's fused element-wise operations; scalars such as
 * {@code alpha} stay 0-d arrays so that they do not wait; only the convergence test reads a
 * value on the host once per iteration.
 */
final class Krylov {
    private Krylov() {
    }

    /** Forces a deferred element-wise result to be computed (without waiting), so chains do not grow. */
    private static NDArray eval(NDArray a) {
        return a.evaluate();
    }

    private static void requireSystem(String op, LinearOperator a, NDArray b) {
        if (a.shape().extent(0) != a.shape().extent(1) || b.ndim() != 1 || b.size() != a.shape().extent(0)) {
            throw new ShapeMismatchException(op + ": needs a square operator and a matching 1-d right-hand side, got "
                    + a.shape() + " and " + b.shape());
        }
    }

    private static int limit(SolverOptions o, long n, long perN) {
        return o.maxiter() > 0 ? o.maxiter() : (int) Math.min(Integer.MAX_VALUE, Math.max(1, perN * n));
    }

    private static NDArray start(SolverOptions o, NDArray b) {
        return o.x0().map(v -> eval(v.astype(DType.FLOAT64))).orElseGet(() -> Numeric.zerosLike(b));
    }

    /**
     * {@code A v}, written into {@code reuse} (the previous iteration's product, which the
     * caller no longer needs) when the operator can (a sparse matrix's), else a new array.
     */
    private static NDArray product(LinearOperator a, NDArray v, NDArray reuse) {
        if (reuse != null && a instanceof CsrOperator c && c.matvecInto(v, reuse)) {
            return reuse;
        }
        return eval(a.matvec(v));
    }

    private static NDArray apply(Optional<LinearOperator> m, NDArray v) {
        return m.isPresent() ? eval(m.get().matvec(v)) : v;
    }

    static SolveResult cg(LinearOperator a, NDArray b0, SolverOptions o) {
        requireSystem("cg", a, b0);
        NDArray b = eval(b0.astype(DType.FLOAT64));
        long n = b.size();
        int maxiter = limit(o, n, 10);
        double bnorm = Linalg.norm(b).item();
        double tol = Math.max(o.rtol() * bnorm, o.atol());
        NDArray x = start(o, b);
        if (bnorm == 0) {
            return new SolveResult(Numeric.zerosLike(b), 0, 0, true);
        }
        // x (zeros or a converted copy of x0) and b (a converted copy) belong to this solve, so
        // x, r and p are updated in place, as SciPy's cg does: no array per iteration but A p.
        NDArray r = o.x0().isPresent() ? eval(b.subtract(a.matvec(x))) : b;
        double rnorm = Linalg.norm(r).item();
        NDArray z = apply(o.preconditioner(), r);
        NDArray p = eval(z.copy());
        NDArray rz = Linalg.dot(r, z);
        int it = 0;
        NDArray ap = null;
        while (rnorm > tol && it < maxiter) {
            ap = product(a, p, ap);
            NDArray alpha = rz.divide(Linalg.dot(p, ap));
            // The products are fused into the updates; discarding them keeps the next writes of
            // p and ap from computing them again into new arrays.
            NDArray pa = p.multiply(alpha);
            x.iadd(pa);
            pa.discard();
            NDArray apa = ap.multiply(alpha);
            r.isubtract(apa);
            apa.discard();
            it++;
            rnorm = Linalg.norm(r).item();
            if (rnorm <= tol) {
                break;
            }
            z = apply(o.preconditioner(), r);
            NDArray rzNew = Linalg.dot(r, z);
            p.imultiply(rzNew.divide(rz)).iadd(z);
            rz = rzNew;
        }
        return new SolveResult(x, it, rnorm, rnorm <= tol);
    }

    static SolveResult gmres(LinearOperator a, NDArray b0, SolverOptions o) {
        requireSystem("gmres", a, b0);
        NDArray b = eval(b0.astype(DType.FLOAT64));
        long n = b.size();
        int m = (int) Math.min(o.restart(), Math.max(1, n));
        int maxiter = limit(o, n, 10);
        double bnorm = Linalg.norm(b).item();
        double tol = Math.max(o.rtol() * bnorm, o.atol());
        NDArray x = start(o, b);
        if (bnorm == 0) {
            return new SolveResult(Numeric.zerosLike(b), 0, 0, true);
        }
        int it = 0;
        double resid;
        while (true) {
            NDArray r = eval(b.subtract(a.matvec(x)));
            double beta = Linalg.norm(r).item();
            resid = beta;
            if (beta <= tol || it >= maxiter) {
                break;
            }
            List<NDArray> v = new ArrayList<>();
            v.add(eval(r.divide(beta)));
            double[][] h = new double[m + 1][m];
            double[] cs = new double[m];
            double[] sn = new double[m];
            double[] g = new double[m + 1];
            g[0] = beta;
            int j = 0;
            while (j < m && it < maxiter) {
                it++;
                NDArray w = eval(a.matvec(apply(o.preconditioner(), v.get(j))));
                for (int i = 0; i <= j; i++) {
                    h[i][j] = Linalg.dot(w, v.get(i)).item();
                    w = eval(w.subtract(v.get(i).multiply(h[i][j])));
                }
                h[j + 1][j] = Linalg.norm(w).item();
                for (int i = 0; i < j; i++) {
                    double t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                    h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                    h[i][j] = t;
                }
                double den = Math.hypot(h[j][j], h[j + 1][j]);
                cs[j] = den == 0 ? 1 : h[j][j] / den;
                sn[j] = den == 0 ? 0 : h[j + 1][j] / den;
                double hn = h[j + 1][j];
                h[j][j] = den;
                h[j + 1][j] = 0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                resid = Math.abs(g[j + 1]);
                j++;
                if (resid <= tol || hn == 0) {
                    break;
                }
                v.add(eval(w.divide(hn)));
            }
            double[] y = new double[j];
            for (int i = j - 1; i >= 0; i--) {
                double s = g[i];
                for (int k = i + 1; k < j; k++) {
                    s -= h[i][k] * y[k];
                }
                y[i] = h[i][i] == 0 ? 0 : s / h[i][i];
            }
            NDArray update = v.get(0).multiply(y[0]);
            for (int i = 1; i < j; i++) {
                update = eval(update.add(v.get(i).multiply(y[i])));
            }
            x = eval(x.add(apply(o.preconditioner(), eval(update))));
            if (resid <= tol) {
                resid = Linalg.norm(b.subtract(a.matvec(x))).item();
                if (resid <= tol || it >= maxiter) {
                    break;
                }
            }
        }
        return new SolveResult(x, it, resid, resid <= tol);
    }

    static EigenResult largestEigen(LinearOperator a, double tol, int maxiter, long seed) {
        long n = a.shape().extent(0);
        if (a.shape().extent(1) != n) {
            throw new ShapeMismatchException("eigsh needs a square operator, got " + a.shape());
        }
        NDArray x = Sparse.randomVector(n, seed);
        x = eval(x.divide(Linalg.norm(x)));
        double lambda = Double.NaN;
        for (int it = 1; it <= maxiter; it++) {
            NDArray y = eval(a.matvec(x));
            double next = Linalg.dot(x, y).item();
            x = eval(y.divide(Linalg.norm(y)));
            if (Math.abs(next - lambda) <= tol * Math.abs(next)) {
                return new EigenResult(next, x, it, true);
            }
            lambda = next;
        }
        return new EigenResult(lambda, x, maxiter, false);
    }
}
