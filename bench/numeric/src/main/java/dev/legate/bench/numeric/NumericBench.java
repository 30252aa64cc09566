package dev.legate.bench.numeric;

import static dev.legate.numeric.Numeric.*;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.Shape;
import dev.legate.examples.numeric.Jacobi;
import dev.legate.numeric.Generator;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Ufunc;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The numeric benchmarks (shared/bench/numeric_ref.py and small_ops_ref.py define the
 * workloads): for each, the median time of several runs of ours (after warm-up runs, so that
 * the JIT has compiled the paths being measured: one for the Jacobi sweeps, a few for the
 * short workloads, forty for the small-array loop, whose many small methods the JIT compiles
 * over a few hundred thousand operations; fifteen timed), NumPy's median for the same
 * workload measured in the same run by bench/numeric/numpy_peer.py, and
 * {@code ratio = numpy_s / legate_s} (above 1: faster than NumPy). Memory-bound workloads also
 * print their bandwidth next to the STREAM triad's, measured first.
 *
 * <p>Run (after {@code mvn install -DskipTests} and packaging examples/numeric and bench/numeric):
 * {@code scripts/run-module dev.legate.bench.numeric/dev.legate.bench.numeric.NumericBench [small] [workload...]}
 */
public final class NumericBench {
    private final boolean small;
    private final LegateRuntime rt = Legate.runtime();
    private double triad;

    private NumericBench(boolean small) {
        this.small = small;
    }

    /** The fastest time of the last {@link #median} call. */
    private static double best;

    private static double median(Supplier<Object> run, int reps) {
        return median(run, reps, 1);
    }

    private static double median(Supplier<Object> run, int reps, int warmups) {
        for (int i = 0; i < warmups; i++) {
            run.get();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            run.get();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        best = t[0];
        return reps % 2 == 1 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2;
    }

    /** Runs {@code a}, waits for it and returns it. */
    private Object done(NDArray a) {
        a.evaluate();
        rt.fence();
        return a;
    }

    private static void line(String name, String params, double ours, double numpy, String extra) {
        System.out.printf("%s %s legate_s=%.4f numpy_s=%.4f ratio=%.2f%s%n", name, params, ours, numpy, numpy / ours,
                extra);
    }

    private void triad(long n) {
        Triad.bandwidth(Math.min(n, 1 << 22), 20);
        triad = Triad.bandwidth(n, 8);
        System.out.printf("stream_triad n=%d GBps=%.1f (best of 8 after warm-up, 24 bytes per element)%n", n, triad);
    }

    private void fma(long n) {
        Generator g = defaultRng(0);
        NDArray a = g.random(n).evaluate();
        NDArray b = g.random(n).evaluate();
        NDArray d = g.random(n).evaluate();
        rt.fence();
        double ours = median(() -> done(a.multiply(b).add(d)), 7, 5);
        double gb = 4.0 * n * 8 / ours / 1e9;
        double gbBest = 4.0 * n * 8 / best / 1e9;
        line("fma", "n=" + n, ours, Peer.seconds("fma", Long.toString(n)),
                String.format(" GBps=%.1f best_GBps=%.1f triad_GBps=%.1f of_triad=%.2f best_of_triad=%.2f", gb, gbBest,
                        triad, gb / triad, gbBest / triad));
        NDArray c = empty(n);
        double out = median(() -> done(Ufunc.ADD.into(c, a.multiply(b), d)), 7, 5);
        double gbo = 4.0 * n * 8 / out / 1e9;
        double gboBest = 4.0 * n * 8 / best / 1e9;
        line("fma_out", "n=" + n, out, Peer.seconds("fma_out", Long.toString(n)),
                String.format(" GBps=%.1f best_GBps=%.1f triad_GBps=%.1f of_triad=%.2f best_of_triad=%.2f", gbo,
                        gboBest, triad, gbo / triad, gboBest / triad));
    }

    private void sums(long n) {
        NDArray a = defaultRng(0).random(n).evaluate();
        rt.fence();
        double ours = median(() -> a.sum().item(), 9, 5);
        line("sum", "n=" + n, ours, Peer.seconds("sum", Long.toString(n), "9"),
                String.format(" GBps=%.1f", n * 8 / ours / 1e9));
        NDArray m = a.reshape(-1, 4096);
        double ax = median(() -> done(m.sum(0)), 9, 5);
        line("axis0-sum", "shape=" + m.shape().toString().replace(" ", ""), ax,
                Peer.seconds("axis0", Long.toString(n), "9"), "");
    }

    private void gemm(long n, DType t) {
        Generator g = defaultRng(0);
        NDArray x = g.random(Shape.of(n, n), t).evaluate();
        NDArray y = g.random(Shape.of(n, n), t).evaluate();
        rt.fence();
        double ours = median(() -> done(matmul(x, y)), 3, 2);
        line("matmul", t.name() + " " + n + "x" + n, ours, Peer.seconds("matmul", Long.toString(n), t.name()),
                String.format(" GFLOPs=%.1f", 2.0 * n * n * n / ours / 1e9));
    }

    private void normal(long n) {
        Generator g = defaultRng(0);
        double ours = median(() -> done(g.standardNormal(n)), 5, 3);
        line("standard_normal", "n=" + n, ours, Peer.seconds("normal", Long.toString(n)), "");
    }

    private void jacobi(long n, int iters) {
        NDArray grid = defaultRng(0).random(n, n).evaluate();
        rt.fence();
        double ours = median(() -> done(Jacobi.run(grid, iters)), 3);
        line("jacobi", n + "x" + n + " x" + iters, ours, Peer.seconds("jacobi", Long.toString(n),
                Integer.toString(iters)), "");
    }

    private void smallOps() {
        Generator g = defaultRng(0);
        NDArray a = g.random(1000).evaluate();
        NDArray b = g.random(1000).evaluate();
        rt.fence();
        double[] result = new double[1];
        double ours = median(() -> {
            NDArray x = a.copy();
            double acc = 0;
            for (int i = 0; i < 2500; i++) {
                x = x.add(b);
                x = x.multiply(0.5);
                x.set("10:20", b.get(":10"));
                acc += x.sum().item();
            }
            result[0] = acc;
            return x;
        }, 15, 40);
        line("small-ops", "ops=10000 n=1000", ours, Peer.seconds("smallops", "9"),
                String.format(" us_per_op=%.2f result=%.6f", ours / 10000 * 1e6, result[0]));
    }

    /** Runs the benchmarks named in {@code args} (all by default); {@code small} divides the sizes. */
    public static void main(String[] args) {
        List<String> all = List.of("fma", "sum", "matmul", "normal", "jacobi", "smallops");
        boolean small = Arrays.asList(args).contains("small");
        Set<String> which = Set.copyOf(Arrays.stream(args).filter(a -> !a.equals("small")).toList());
        NumericBench b = new NumericBench(small);
        long n = small ? 1L << 22 : 1L << 26;
        System.out.printf("# numeric benchmarks, %d CPUs, load %s%n", b.rt.config().effectiveCpus(), Peer.load());
        b.triad(n);
        for (String w : all) {
            if (!which.isEmpty() && !which.contains(w)) {
                continue;
            }
            switch (w) {
                case "fma" -> b.fma(n);
                case "sum" -> b.sums(n);
                case "matmul" -> {
                    b.gemm(small ? 512 : 2048, DType.FLOAT64);
                    b.gemm(small ? 512 : 2048, DType.FLOAT32);
                }
                case "normal" -> b.normal(n);
                case "jacobi" -> b.jacobi(small ? 1024 : 4096, 100);
                case "smallops" -> b.smallOps();
                default -> throw new IllegalArgumentException(w);
            }
        }
    }
}
