package dev.legate.examples.numeric;

import static dev.legate.numeric.Numeric.*;

import dev.legate.core.Legate;
import dev.legate.numeric.NDArray;

/**
 * A 2-D Jacobi relaxation: every interior point becomes the mean of its four neighbours, as
 * {@code u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])} in
 * NumPy. The four shifted views and the sum are one fused task per sweep.
 *
 * <p>Run: {@code scripts/run-module dev.legate.examples.numeric/dev.legate.examples.numeric.Jacobi [n iters]}
 */
public final class Jacobi {
    private Jacobi() {
    }

    /** {@code iters} sweeps over a copy of {@code grid}; returns the result. */
    public static NDArray run(NDArray grid, int iters) {
        NDArray u = grid.copy();
        for (int i = 0; i < iters; i++) {
            NDArray mean = u.get(":-2, 1:-1").add(u.get("2:, 1:-1")).add(u.get("1:-1, :-2")).add(u.get("1:-1, 2:"))
                    .multiply(0.25);
            u.set("1:-1, 1:-1", mean);
        }
        return u;
    }

    /**
     * Relaxes a random n x n grid and prints a checksum and times, measured as CuPy's reference
     * ({@code scripts/gpu-cupy-bench.py jacobi}) is: one whole run to warm up (kernel compilation,
     * memory pools), then the median of {@code reps} runs, each from {@code grid.copy()} to the
     * last sweep's completion ({@code s}); {@code cold_s} is the first run alone.
     */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 4096;
        int iters = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (n < 3 || iters < 0 || reps < 1) {
            throw new IllegalArgumentException("usage: Jacobi [n >= 3 [iters >= 0 [reps >= 1]]], got n=" + n
                    + ", iters=" + iters + ", reps=" + reps);
        }
        NDArray g = defaultRng(0).random(n, n).evaluate();
        Legate.runtime().fence();
        double[] t = new double[reps + 1];
        NDArray u = null;
        for (int r = 0; r <= reps; r++) {
            u = null;
            long t0 = System.nanoTime();
            u = run(g, iters).evaluate();
            Legate.runtime().fence();
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        double cold = t[0];
        double[] warm = java.util.Arrays.copyOfRange(t, 1, t.length);
        java.util.Arrays.sort(warm);
        double sum = u.sum().item();
        System.out.printf(java.util.Locale.ROOT, "jacobi %dx%d x%d sum=%.6f s=%.3f cold_s=%.3f reps=%d%n", n, n,
                iters, sum, warm[reps / 2], cold, reps);
    }
}
