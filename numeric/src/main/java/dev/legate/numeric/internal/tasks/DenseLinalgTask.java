package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TaskContext;
import dev.legate.numeric.internal.kernels.Cholesky;
import dev.legate.numeric.internal.kernels.LeastSquares;
import dev.legate.numeric.internal.kernels.Lu;
import dev.legate.numeric.internal.kernels.NotPositiveDefiniteException;
import dev.legate.numeric.internal.kernels.Qr;
import dev.legate.numeric.internal.kernels.SingularMatrixException;

/**
 * Dense factorizations in one point task over whole matrices (read as float64, row-major):
 * solve, inv, det, slogdet, cholesky, qr and lstsq, by the numeric kernels. Failures the API
 * must report (a singular matrix, a matrix that is not positive definite) go to a 0-d int64
 * status output rather than an exception, so the caller can raise {@code LinAlgException} with
 * its own message. Scalar 0 is the operation.
 */
public final class DenseLinalgTask {
    /** The operations, by scalar 0. */
    public enum Kind { SOLVE, INV, DET, SLOGDET, CHOLESKY, QR, LSTSQ }

    /** Status: success. */
    public static final long OK = 0;
    /** Status: singular matrix. */
    public static final long SINGULAR = 1;
    /** Status: not positive definite. */
    public static final long NOT_POSITIVE_DEFINITE = 2;

    private DenseLinalgTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        Kind kind = Kind.values()[ctx.scalar(0).asInt()];
        PhysicalStore a = ctx.input(0).data();
        long[] s = a.storeShape().extents();
        int m = (int) s[0];
        int n = (int) s[1];
        double[] av = read(a);
        switch (kind) {
            case SOLVE -> {
                PhysicalStore b = ctx.input(1).data();
                int nrhs = (int) b.storeShape().extent(1);
                try {
                    write(ctx.output(0).data(), Lu.solve(av, n, read(b), nrhs));
                    status(ctx, 1, OK);
                } catch (SingularMatrixException e) {
                    status(ctx, 1, SINGULAR);
                }
            }
            case INV -> {
                try {
                    write(ctx.output(0).data(), Lu.inverse(av, n));
                    status(ctx, 1, OK);
                } catch (SingularMatrixException e) {
                    status(ctx, 1, SINGULAR);
                }
            }
            case DET -> write(ctx.output(0).data(), new double[] {Lu.det(av, n)});
            case SLOGDET -> {
                Lu.LogDet d = Lu.slogdet(av, n);
                write(ctx.output(0).data(), new double[] {d.sign()});
                write(ctx.output(1).data(), new double[] {d.logAbsDet()});
            }
            case CHOLESKY -> {
                try {
                    Cholesky.potrf(av, n);
                    write(ctx.output(0).data(), av);
                    status(ctx, 1, OK);
                } catch (NotPositiveDefiniteException e) {
                    status(ctx, 1, NOT_POSITIVE_DEFINITE);
                }
            }
            case QR -> {
                int k = Math.min(m, n);
                double[] tau = Qr.geqrf(av, m, n);
                write(ctx.output(0).data(), Qr.formQ(av, m, n, tau, k));
                write(ctx.output(1).data(), Qr.formR(av, m, n, k));
            }
            case LSTSQ -> {
                PhysicalStore b = ctx.input(1).data();
                int nrhs = (int) b.storeShape().extent(1);
                double rcond = ctx.scalar(1).asDouble();
                LeastSquares.Solution sol = LeastSquares.lstsq(av, m, n, read(b), nrhs,
                        rcond < 0 ? LeastSquares.defaultRcond(m, n) : rcond);
                write(ctx.output(0).data(), sol.x());
                double[] res = new double[nrhs];
                System.arraycopy(sol.residuals(), 0, res, 0, Math.min(nrhs, sol.residuals().length));
                write(ctx.output(1).data(), res);
                status(ctx, 2, sol.rank());
            }
        }
    }

    private static void status(TaskContext ctx, int output, long value) {
        PhysicalStore st = ctx.output(output).data();
        Scalar.ofInteger(st.type(), value).write(st.segment(), st.origin() * st.type().size());
    }

    /** The whole store as row-major doubles. */
    static double[] read(PhysicalStore p) {
        int n = Math.toIntExact(p.storeShape().volume());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Scalar.read(p.type(), p.segment(), p.linearIndex(i) * p.type().size()).asDouble();
        }
        return out;
    }

    /** Writes row-major doubles into the whole store, rounding to its type. */
    static void write(PhysicalStore p, double[] v) {
        int n = Math.toIntExact(p.storeShape().volume());
        for (int i = 0; i < n; i++) {
            Scalar.of(p.type(), v[i]).write(p.segment(), p.linearIndex(i) * p.type().size());
        }
    }
}
