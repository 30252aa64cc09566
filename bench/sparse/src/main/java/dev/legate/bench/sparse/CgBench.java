package dev.legate.bench.sparse;

import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import dev.legate.sparse.CsrMatrix;
import dev.legate.sparse.Linalg;
import dev.legate.sparse.SolveResult;
import dev.legate.sparse.SolverOptions;
import dev.legate.sparse.examples.Poisson2D;

/**
 * CG on the 2-D Poisson example against {@code scipy.sparse.linalg.cg} to the same tolerance,
 * alternating, {@code reps} times each, in one run; prints each line, the medians and the ratio.
 *
 * <p>Usage: {@code CgBench [N [rtol [reps]]]}, defaults 500, 1e-8, 3.
 */
public final class CgBench {
    private CgBench() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) {
        int grid = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        double rtol = args.length > 1 ? Double.parseDouble(args[1]) : 1e-8;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("load before: " + Peer.load());
        CsrMatrix a = Poisson2D.laplacian(grid);
        NDArray b = Numeric.ones((long) grid * grid);
        Linalg.cg(a, b, SolverOptions.defaults().withRtol(rtol).withMaxiter(50)).x().item(0);
        double[] ours = new double[reps];
        double[] theirs = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            SolveResult s = Linalg.cg(a, b, SolverOptions.defaults().withRtol(rtol).withMaxiter(100_000));
            s.x().item(0);
            ours[r] = (System.nanoTime() - t0) / 1e9;
            System.out.printf("legate_cg N=%d unknowns=%d solve_s=%.4f iterations=%d residual=%.3e converged=%b%n",
                    grid, (long) grid * grid, ours[r], s.iterations(), s.residualNorm(), s.converged());
            String peer = Peer.run("cg", Integer.toString(grid), Double.toString(rtol));
            System.out.println(peer);
            theirs[r] = Peer.field(peer, "solve_s");
        }
        double mo = Peer.median(ours);
        double mt = Peer.median(theirs);
        System.out.printf("cg median solve_s: legate-java %.4f scipy %.4f speedup %.2fx%n", mo, mt, mt / mo);
        System.out.println("load after: " + Peer.load());
    }
}
