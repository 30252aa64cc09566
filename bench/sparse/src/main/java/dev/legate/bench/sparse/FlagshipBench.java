package dev.legate.bench.sparse;

import dev.legate.numeric.NDArray;
import dev.legate.sparse.CsrMatrix;
import dev.legate.sparse.Sparse;
import dev.legate.sparse.examples.PowerIteration;

/**
 * The flagship benchmark: our power iteration and SciPy's, alternating, {@code reps} times
 * each, in one run; then SpMV alone against the STREAM triad measured in the same run.
 * Prints every run's line, the medians and the ratios.
 *
 * <p>Usage: {@code FlagshipBench [n [density [iters [reps]]]]}, defaults 1e6, 1e-5, 100, 3.
 */
public final class FlagshipBench {
    private FlagshipBench() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) {
        long n = args.length > 0 ? (long) Double.parseDouble(args[0]) : 1_000_000;
        double density = args.length > 1 ? Double.parseDouble(args[1]) : 1e-5;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.println("load before: " + Peer.load());
        double[] ours = new double[reps];
        double[] theirs = new double[reps];
        PowerIteration.run(Math.min(n, 100_000), density * 10, 10);
        for (int r = 0; r < reps; r++) {
            PowerIteration.Result res = PowerIteration.run(n, density, iters);
            System.out.println(res.line());
            ours[r] = res.perIterationMs();
            String peer = Peer.run("power", Long.toString(n), Double.toString(density), Integer.toString(iters));
            System.out.println(peer);
            theirs[r] = Peer.field(peer, "per_iter_ms");
        }
        double mo = Peer.median(ours);
        double mt = Peer.median(theirs);
        System.out.printf("flagship median per_iter_ms: legate-java %.3f scipy %.3f speedup %.2fx (target 4x)%n", mo, mt,
                mt / mo);

        CsrMatrix a = Sparse.random(n, n, density, 0);
        a = a.plus(a.transpose()).times(0.5).plus(Sparse.eye(n).times(n));
        long nnz = a.nnz();
        NDArray x = Sparse.randomVector(n, 1);
        a.matmul(x).item(0);
        int k = 20;
        double[] ms = new double[5];
        for (int r = 0; r < ms.length; r++) {
            long t0 = System.nanoTime();
            NDArray y = x;
            for (int i = 0; i < k; i++) {
                y = a.matmul(x);
            }
            y.item(0);
            ms[r] = (System.nanoTime() - t0) / 1e6 / k;
        }
        double spmvMs = Peer.median(ms);
        double bytes = nnz * 12.0 + (n + 1) * 8.0 + 2.0 * n * 8;
        double gbps = bytes / (spmvMs / 1e3) / 1e9;
        double stream = Triad.bandwidth(20_000_000L, 10);
        String peerSpmv = Peer.run("spmv", Long.toString(n), Double.toString(density), "20");
        double peerMs = Peer.field(peerSpmv, "ms");
        System.out.println(peerSpmv);
        System.out.printf("spmv n=%d nnz=%d ms=%.3f GBps=%.1f stream_triad_GBps=%.1f fraction_of_stream=%.2f "
                + "(target 0.5) scipy_ms=%.3f speedup %.2fx%n", n, nnz, spmvMs, gbps, stream, gbps / stream, peerMs,
                peerMs / spmvMs);
        System.out.println("load after: " + Peer.load());
    }
}
