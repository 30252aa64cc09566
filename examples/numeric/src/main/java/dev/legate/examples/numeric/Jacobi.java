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

    /** Relaxes a random n x n grid and prints a checksum and the time taken. */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 4096;
        int iters = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        NDArray g = defaultRng(0).random(n, n).evaluate();
        Legate.runtime().fence();
        long t0 = System.nanoTime();
        NDArray u = run(g, iters);
        double sum = u.sum().item();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("jacobi %dx%d x%d sum=%.6f s=%.3f%n", n, n, iters, sum, s);
    }
}
