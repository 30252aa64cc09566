package dev.legate.sparse.examples;

import dev.legate.numeric.NDArray;
import dev.legate.sparse.CsrMatrix;
import dev.legate.sparse.Linalg;
import dev.legate.sparse.Sparse;

/**
 * The flagship: power iteration on a sparse symmetric positive definite matrix, the program
 * of the project's pitch (and of {@code shared/bench/power_iteration.py}):
 * <pre>
 *   A = random(n, n, density); A = 0.5 (A + A.T) + n I
 *   x = rand(n); repeat iters: x = A @ x; x /= norm(x)      # in place, as NumPy's /=
 *   result = x . (A @ x)        # the largest eigenvalue estimate
 * </pre>
 * Usage: {@code PowerIteration [n [density [iters]]]}, defaults 200000, 1e-5, 50. Prints one
 * line: n, nnz, build time, loop time, time per iteration, SpMV bandwidth (bytes counted as the
 * Python reference counts them: values, indices, offsets, x read and y written) and the result.
 * The same program runs on one core, all cores or a GPU; the runtime's configuration decides.
 */
public final class PowerIteration {
    private PowerIteration() {
    }

    /** Runs the program with arguments {@code [n [density [iters]]]}. */
    public static void main(String[] args) {
        long n = args.length > 0 ? (long) Double.parseDouble(args[0]) : 200_000;
        double density = args.length > 1 ? Double.parseDouble(args[1]) : 1e-5;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        System.out.println(run(n, density, iters).line());
    }

    /** What one run measured. */
    public record Result(long n, long nnz, double buildSeconds, double loopSeconds, int iters, double eigenvalue) {
        /** Milliseconds per iteration, the loop time over {@code iters + 1} products as the reference counts. */
        public double perIterationMs() {
            return loopSeconds / (iters + 1) * 1e3;
        }

        /** SpMV bytes per iteration: values and int32 indices, int64 offsets, x read and y written. */
        public double bytesPerSpmv() {
            return nnz * (8.0 + 4.0) + (n + 1) * 8.0 + 2.0 * n * 8.0;
        }

        /** The line the program prints. */
        public String line() {
            double perIter = loopSeconds / (iters + 1);
            return String.format("backend=legate-java n=%d nnz=%d build_s=%.3f loop_s=%.4f per_iter_ms=%.3f "
                    + "spmv_GBps_lowerbound=%.1f result=%.6e", n, nnz, buildSeconds, loopSeconds, perIter * 1e3,
                    bytesPerSpmv() / perIter / 1e9, eigenvalue);
        }
    }

    /** Builds the matrix, iterates and returns the measurements. */
    public static Result run(long n, double density, int iters) {
        long t0 = System.nanoTime();
        CsrMatrix a = Sparse.random(n, n, density, 0);
        a = a.plus(a.transpose()).times(0.5).plus(Sparse.eye(n).times(n));
        long nnz = a.nnz();
        NDArray x = Sparse.randomVector(n, 1);
        x.item(0);
        long t1 = System.nanoTime();
        for (int i = 0; i < iters; i++) {
            x = a.matmul(x);
            x.idivide(Linalg.norm(x));
        }
        double result = Linalg.dot(x, a.matmul(x)).item();
        long t2 = System.nanoTime();
        return new Result(n, nnz, (t1 - t0) / 1e9, (t2 - t1) / 1e9, iters, result);
    }
}
