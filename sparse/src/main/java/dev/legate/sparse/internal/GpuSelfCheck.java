package dev.legate.sparse.internal;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.ProcessorKind;
import dev.legate.core.RuntimeConfig;
import dev.legate.numeric.NDArray;
import dev.legate.sparse.CsrMatrix;
import dev.legate.sparse.Linalg;
import dev.legate.sparse.Sparse;
import dev.legate.sparse.examples.PowerIteration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sparse library's GPU self-check, run on a machine with a GPU: the same program of sparse
 * operations on fresh random inputs on CPUs, on one GPU, on two logical GPUs of one device
 * ({@code cuda.logicalGpus=2}, so tiles, image gathers, halo copies and folded reductions cross
 * GPU memories) and on two logical GPUs whose copies go through host buffers
 * ({@code cuda.interGpuCopy=staged}); every GPU result is compared with the CPU's, expected bit
 * for bit. Then ({@code --bench N DENSITY}) SpMV at the flagship's size, timed per product, for
 * the kernel plans of {@link SpmvPlan}, and the flagship's loop.
 *
 * <p>Prints {@code CHECK PASS|FAIL} lines, {@code BENCH} lines and a {@code SUMMARY}; exit status
 * 0 when every check passed, 1 otherwise, 2 without a GPU. Run as
 * {@code java -m dev.legate.sparse/dev.legate.sparse.internal.GpuSelfCheck [--bench N DENSITY]}.
 */
public final class GpuSelfCheck {
    private final List<String> failed = new ArrayList<>();
    private int passed;

    private GpuSelfCheck() {
    }

    /** Runs the checks and, with {@code --bench N DENSITY}, the measurements. */
    public static void main(String[] args) {
        long seed = System.nanoTime() & 0xFFFF_FFFFL;
        System.out.println("sparse GPU self-check, random seed " + seed);
        Optional<GpuSelfCheck> done = checks(seed);
        if (done.isEmpty()) {
            System.exit(2);
        }
        GpuSelfCheck c = done.get();
        int at = List.of(args).indexOf("--bench");
        if (at >= 0) {
            long n = (long) Double.parseDouble(args[at + 1]);
            double density = Double.parseDouble(args[at + 2]);
            c.check("SpMV benchmark at n=" + n + ", density " + density, () -> bench(n, density));
        }
        System.out.println("SUMMARY " + c.passed + " passed, " + c.failed.size() + " failed"
                + (c.failed.isEmpty() ? "" : ": " + String.join(", ", c.failed)));
        System.exit(c.failed.isEmpty() ? 0 : 1);
    }

    /**
     * Runs the program on CPUs and on the GPU configurations and compares; empty (after printing
     * why) when this machine has no GPU.
     */
    static Optional<GpuSelfCheck> checks(long seed) {
        GpuSelfCheck c = new GpuSelfCheck();
        try (LegateRuntime probe = Legate.start(RuntimeConfig.builder().gpus(1).fbmem(1L << 30).build())) {
            if (probe.machine().count(ProcessorKind.GPU) == 0) {
                System.out.println("SKIP no GPU processor: " + probe.machine().unavailable());
                return Optional.empty();
            }
        }
        Map<String, Object> cpu = c.run("cpu", RuntimeConfig.builder().gpus(0).minTileVolume(256).build(), seed);
        if (cpu == null) {
            return Optional.of(c);
        }
        c.compare("1 GPU", cpu, c.run("1 GPU", RuntimeConfig.builder().gpus(1).fbmem(8L << 30).minTileVolume(256)
                .build(), seed));
        c.compare("2 logical GPUs", cpu, c.run("2 logical GPUs", RuntimeConfig.builder().gpus(2).fbmem(4L << 30)
                .minTileVolume(256).option("cuda.logicalGpus", "2").build(), seed));
        c.compare("2 logical GPUs, staged copies", cpu, c.run("2 logical GPUs, staged copies", RuntimeConfig.builder()
                .gpus(2).fbmem(4L << 30).minTileVolume(256).option("cuda.logicalGpus", "2")
                .option("cuda.interGpuCopy", "staged").build(), seed));
        return Optional.of(c);
    }

    /** The names of the checks that failed. */
    List<String> failures() {
        return List.copyOf(failed);
    }

    private interface Body {
        String run() throws Throwable;
    }

    private void check(String name, Body body) {
        long t0 = System.nanoTime();
        try {
            String detail = body.run();
            passed++;
            System.out.printf(Locale.ROOT, "CHECK PASS %-60s %8.1f ms  %s%n", name, (System.nanoTime() - t0) / 1e6,
                    detail);
        } catch (Throwable t) {
            failed.add(name);
            System.out.printf(Locale.ROOT, "CHECK FAIL %-60s %8.1f ms  %s%n", name, (System.nanoTime() - t0) / 1e6, t);
            t.printStackTrace(System.out);
        }
        System.out.flush();
    }

    /** The program's results on a runtime of {@code config}, or null when it failed. */
    private Map<String, Object> run(String label, RuntimeConfig config, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        check("program on " + label, () -> {
            try (LegateRuntime rt = Legate.start(config)) {
                LegateRuntime old = Legate.setDefault(rt);
                try {
                    program(seed, out);
                    rt.fence();
                } finally {
                    Legate.setDefault(old);
                }
                return out.size() + " results; " + rt.machine().count(ProcessorKind.GPU) + " GPU processors";
            }
        });
        return out.isEmpty() ? null : out;
    }

    /** Sparse operations on random inputs; every result as a Java array, by name. */
    private static void program(long seed, Map<String, Object> out) {
        CsrMatrix a = Sparse.random(3001, 2503, 0.01, seed);
        CsrMatrix b = Sparse.random(3001, 2503, 0.01, seed + 1);
        NDArray x = Sparse.randomVector(2503, seed + 2);
        put(out, "A", a);
        out.put("spmv float64 (default plan)", a.matmul(x).toDoubleArray());
        for (SpmvPlan plan : List.of(new SpmvPlan(64, 0), new SpmvPlan(64, 8), new SpmvPlan(64, 16),
                new SpmvPlan(64, 32))) {
            SpmvPlan.override(Optional.of(plan));
            try {
                out.put("spmv float64 (" + plan + ")", a.matmul(x).toDoubleArray());
            } finally {
                SpmvPlan.override(Optional.empty());
            }
        }
        CsrMatrix a32 = a.astype(DType.FLOAT32);
        out.put("spmv float32", a32.matmul(x.astype(DType.FLOAT32)).toDoubleArray());
        for (int blocks : new int[] {3, 7}) {
            ColumnBlocks.override(java.util.OptionalInt.of(blocks));
            try {
                out.put("spmv float64 (" + blocks + " column blocks)", a.matmul(x).toDoubleArray());
                out.put("spmv float32 (" + blocks + " column blocks)", a32.matmul(x.astype(DType.FLOAT32))
                        .toDoubleArray());
            } finally {
                ColumnBlocks.override(java.util.OptionalInt.empty());
            }
        }
        put(out, "transpose", a.transpose().tocsr());
        put(out, "transpose float32", a32.transpose().tocsr());
        put(out, "A - 2B (merge, different patterns)", a.plus(b.times(-2)));
        put(out, "A .* B (intersection)", a.multiply(b));
        put(out, "A - A (everything cancels)", a.minus(a));
        put(out, "A + B float32", a32.plus(b.astype(DType.FLOAT32)));
        NDArray dense = Sparse.random(2503, 3, 0.5, seed + 3).toDense();
        out.put("to dense", dense.toDoubleArray());
        out.put("spmm A X (X 2503 x 3)", a.matmul(dense).toDoubleArray());
        out.put("row sums", a.sum(1).toDoubleArray());
        out.put("sum, norm, dot", new double[] {a.sum().item(), Linalg.norm(a.matmul(x)).item(),
            Linalg.dot(x, x).item(), Linalg.norm(a).item()});
        out.put("diagonals 3 and -2", concat(a.diagonal(3).toDoubleArray(), a.diagonal(-2).toDoubleArray()));
        out.put("to COO (row of each entry)", a.tocoo().row().toLongArray());
        put(out, "eye(1000, k=0) * 3 + A(1000 x 1000)", Sparse.eye(1000).times(3).plus(Sparse.random(1000, 1000, 0.02,
                seed + 4)));
        CsrMatrix longRows = Sparse.random(48, 300_000, 0.03, seed + 5);
        out.put("spmv with rows of ~9000 entries (warp path)", longRows.matmul(Sparse.randomVector(300_000, seed + 6))
                .toDoubleArray());
        CsrMatrix sparseRows = Sparse.random(20_000, 20_000, 2e-5, seed + 7);
        out.put("spmv with mostly empty rows", sparseRows.matmul(Sparse.randomVector(20_000, seed + 8))
                .toDoubleArray());
        out.put("random vector float64", Sparse.randomVector(100_001, seed + 9).toDoubleArray());
        PowerIteration.Result r = PowerIteration.run(100_000, 2e-4, 10);
        out.put("flagship n=100000 density 2e-4, 10 iterations: eigenvalue", new double[] {r.eigenvalue()});
    }

    private static void put(Map<String, Object> out, String name, CsrMatrix m) {
        out.put(name + ": indptr", m.indptr().toLongArray());
        out.put(name + ": indices", m.indices().toLongArray());
        out.put(name + ": values", m.data().toDoubleArray());
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Compares every result of {@code got} with the CPU's. */
    private void compare(String label, Map<String, Object> cpu, Map<String, Object> got) {
        if (got == null) {
            return;
        }
        for (Map.Entry<String, Object> e : cpu.entrySet()) {
            String name = e.getKey();
            check(label + ": " + name, () -> same(e.getValue(), got.get(name)));
        }
    }

    /** "bitwise equal" when so; a small difference in values passes with its size; else throws. */
    private static String same(Object want, Object got) {
        if (got == null) {
            throw new AssertionError("no result");
        }
        if (want instanceof long[] w) {
            long[] g = (long[]) got;
            if (w.length != g.length) {
                throw new AssertionError("length " + g.length + ", CPU " + w.length);
            }
            for (int i = 0; i < w.length; i++) {
                if (w[i] != g[i]) {
                    throw new AssertionError("element " + i + " is " + g[i] + ", CPU " + w[i]);
                }
            }
            return "equal, " + w.length + " integers";
        }
        double[] w = (double[]) want;
        double[] g = (double[]) got;
        if (w.length != g.length) {
            throw new AssertionError("length " + g.length + ", CPU " + w.length);
        }
        int differ = 0;
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < w.length; i++) {
            if (Double.doubleToLongBits(w[i]) != Double.doubleToLongBits(g[i])) {
                differ++;
                double rel = Math.abs(w[i] - g[i]) / Math.max(Math.abs(w[i]), Double.MIN_NORMAL);
                if (!(rel <= worst)) {
                    worst = rel;
                    worstAt = i;
                }
            }
        }
        if (differ == 0) {
            return "bitwise equal, " + w.length + " values";
        }
        String detail = differ + " of " + w.length + " values differ, worst relative difference " + worst
                + " at " + worstAt + " (" + g[worstAt] + " vs CPU " + w[worstAt] + ")";
        if (!(worst <= 1e-9)) {
            throw new AssertionError(detail);
        }
        return "within rounding, NOT bitwise: " + detail;
    }

    /** Times SpMV of {@code a} with each kernel plan, back to back. */
    private static void timePlans(LegateRuntime rt, CsrMatrix a, NDArray x, String what) {
        long n = a.rows();
        long nnz = a.nnz();
        double bytes = nnz * 12.0 + (n + 1) * 8.0 + 2.0 * n * 8.0;
        List<Optional<SpmvPlan>> plans = List.of(Optional.empty(), Optional.of(new SpmvPlan(128, 0)),
                Optional.of(new SpmvPlan(128, 4)), Optional.of(new SpmvPlan(128, 8)),
                Optional.of(new SpmvPlan(128, 16)), Optional.of(new SpmvPlan(128, 32)));
        int auto = ColumnBlocks.count(rt, n, a.cols(), nnz, a.dtype());
        // One pass per kernel plan, then the column-blocked passes: the automatic count and two others.
        List<Integer> blockCounts = new java.util.ArrayList<>(java.util.Collections.nCopies(plans.size(), 1));
        List<Optional<SpmvPlan>> blockPlans = new java.util.ArrayList<>(plans);
        for (int b : new int[] {auto, 3, 6}) {
            if (b > 1 && !blockCounts.contains(b)) {
                blockCounts.add(b);
                blockPlans.add(Optional.empty());
            }
        }
        for (int i = 0; i < blockPlans.size(); i++) {
            Optional<SpmvPlan> plan = blockPlans.get(i);
            int blocks = blockCounts.get(i);
            SpmvPlan.override(plan);
            ColumnBlocks.override(java.util.OptionalInt.of(blocks));
            String name = blocks > 1 ? blocks + " column blocks" + (blocks == auto ? " (automatic)" : "")
                    : plan.map(SpmvPlan::toString).orElse("default (" + SpmvPlan.of(nnz, n, 8) + ")");
            for (int w = 0; w < 3; w++) {
                a.matmul(x);
            }
            rt.fence();
            int reps = 30;
            long s0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                a.matmul(x);
            }
            rt.fence();
            double per = (System.nanoTime() - s0) / 1e9 / reps;
            System.out.printf(Locale.ROOT, "BENCH legate.spmv_ms %.3f ms %s, %s: %d nnz, %.0f GB/s (lower bound)%n",
                    per * 1e3, what, name, nnz, bytes / per / 1e9);
        }
        SpmvPlan.override(Optional.empty());
        ColumnBlocks.override(java.util.OptionalInt.empty());
    }

    /** SpMV and the flagship's loop at the flagship's size on one GPU. */
    private static String bench(long n, double density) {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().gpus(1).build())) {
            LegateRuntime old = Legate.setDefault(rt);
            try {
                long t0 = System.nanoTime();
                CsrMatrix a = Sparse.random(n, n, density, 0);
                a = a.plus(a.transpose()).times(0.5).plus(Sparse.eye(n).times(n));
                long nnz = a.nnz();
                NDArray x = Sparse.randomVector(n, 1);
                a.matmul(x).item(0);
                double build = (System.nanoTime() - t0) / 1e9;
                timePlans(rt, a, x, "flagship matrix");
                CsrMatrix shortRows = Sparse.random(n, n, 4e-7, 5);
                timePlans(rt, shortRows, x, "random, 4 per row");
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "nnz %d, build %.1f s", nnz, build));
                int iters = 20;
                NDArray v = x;
                long l0 = System.nanoTime();
                for (int i = 0; i < iters; i++) {
                    v = a.matmul(v);
                    v = v.divide(Linalg.norm(v));
                }
                double lambda = Linalg.dot(v, a.matmul(v)).item();
                double per = (System.nanoTime() - l0) / 1e9 / (iters + 1);
                System.out.printf(Locale.ROOT, "BENCH legate.power_iter_ms %.3f ms per iteration (SpMV and norm on the "
                        + "GPU, numeric's divide on CPUs), %d iterations, eigenvalue %.6e%n", per * 1e3, iters, lambda);
                return sb.toString();
            } finally {
                Legate.setDefault(old);
                SpmvPlan.override(Optional.empty());
            }
        }
    }
}
