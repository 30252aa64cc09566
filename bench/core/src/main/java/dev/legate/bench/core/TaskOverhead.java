package dev.legate.bench.core;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.ManualTask;
import dev.legate.core.PhysicalStore;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.TaskContext;
import dev.legate.core.TaskId;
import dev.legate.core.TaskSignature;
import dev.legate.core.Tiling;
import dev.legate.core.Variable;
import dev.legate.core.Version;
import dev.legate.core.VersionRange;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.TaskRegistry;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Task overhead: 100,000 small independent point tasks and a chain of 10,000 dependent ones,
 * against a plain {@link ExecutorService} with as many threads as the runtime has CPUs doing
 * the same work (adding 1 to 8 doubles) in the same run. Prints medians of several repetitions
 * and ratios; garbage is collected before each measurement (see {@link #collect()}); target: at
 * most 5 microseconds amortised per independent point task and within
 * 3x of the executor.
 *
 * <p>Usage: {@code TaskOverhead [repetitions]}.
 */
public final class TaskOverhead {
    static final int INDEPENDENT = 100_000;
    static final int CHAIN = 10_000;
    static final int ELEMS = 8;

    private TaskOverhead() {
    }

    /** The benchmark's library: one task that adds 1 to each element of its tile. */
    public static final class Lib implements LegateLibrary {
        @Override
        public String name() {
            return "bench.core";
        }

        @Override
        public Version version() {
            return new Version(1, 0, 0);
        }

        @Override
        public VersionRange coreApi() {
            return VersionRange.parse("[1.0,2.0)");
        }

        @Override
        public void register(TaskRegistry registry) {
            registry.register("inc", new TaskSignature(1, 1, 0, 0), TaskOverhead::inc);
        }
    }

    static void inc(TaskContext ctx) {
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore out = ctx.output(0).data();
        var si = in.segment();
        var so = out.segment();
        long a = in.origin();
        long b = out.origin();
        for (long i = 0, n = out.volume(); i < n; i++) {
            so.setAtIndex(ValueLayout.JAVA_DOUBLE, b + i, si.getAtIndex(ValueLayout.JAVA_DOUBLE, a + i) + 1);
        }
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().build())) {
            int cpus = rt.config().effectiveCpus();
            TaskId inc = rt.library("bench.core").task("inc");
            ExecutorService pool = Executors.newFixedThreadPool(cpus);
            double[] work = new double[ELEMS * INDEPENDENT];
            List<Double> indexLaunch = new ArrayList<>();
            List<Double> single = new ArrayList<>();
            List<Double> chain = new ArrayList<>();
            List<Double> execIndependent = new ArrayList<>();
            List<Double> execChain = new ArrayList<>();
            for (int r = 0; r <= reps; r++) {
                boolean warm = r == 0;
                collect();
                add(indexLaunch, warm, indexLaunch(rt, inc));
                collect();
                add(single, warm, singleLaunches(rt, inc));
                collect();
                add(chain, warm, chain(rt, inc));
                collect();
                add(execIndependent, warm, executorIndependent(pool, work));
                collect();
                add(execChain, warm, executorChain(pool, work));
            }
            pool.shutdown();
            double e = median(execIndependent);
            double ec = median(execChain);
            System.out.printf("task-overhead cpus=%d%n", cpus);
            print("independent index-launch points=" + INDEPENDENT, median(indexLaunch), e, INDEPENDENT);
            print("independent single-point launches=" + INDEPENDENT, median(single), e, INDEPENDENT);
            print("dependent chain launches=" + CHAIN, median(chain), ec, CHAIN);
        }
    }

    /**
     * Collects garbage before a measurement, so that each one pays for the collections its own
     * allocation causes and not for the previous one's garbage (the single-point launches leave
     * 200,000 dead stores, whose collection otherwise lands in whichever measurement follows).
     */
    private static void collect() {
        System.gc();
        // The runtime frees the dead stores' memory from a cleaner thread: let it finish before
        // the measurement rather than during it.
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(String what, double s, double peer, int n) {
        System.out.printf("%s legate_s=%.4f us_per_task=%.2f executor_s=%.4f ratio=%.2fx%n", what, s, s / n * 1e6,
                peer, s / peer);
    }

    private static void add(List<Double> l, boolean warm, double v) {
        if (!warm) {
            l.add(v);
        }
    }

    private static double median(List<Double> l) {
        double[] a = l.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** One launch of 100,000 points, each on its own 8-element tile. */
    static double indexLaunch(LegateRuntime rt, TaskId inc) {
        LogicalStore in = rt.createStore(DType.FLOAT64, (long) ELEMS * INDEPENDENT);
        LogicalStore out = rt.createStore(DType.FLOAT64, (long) ELEMS * INDEPENDENT);
        rt.fill(in, dev.legate.core.Scalar.of(1.0));
        rt.fence();
        Tiling tiles = in.partitionByTiling(ELEMS);
        long t0 = System.nanoTime();
        ManualTask t = rt.createTask(inc, tiles.colorShape());
        t.addInput(in, tiles);
        t.addOutput(out, out.partitionByTiling(ELEMS));
        t.execute();
        rt.fence();
        double s = (System.nanoTime() - t0) / 1e9;
        check(out.physical().doubles().get((long) ELEMS * INDEPENDENT - 1), 2.0);
        return s;
    }

    /** 100,000 launches of one point each, on independent stores. */
    static double singleLaunches(LegateRuntime rt, TaskId inc) {
        LogicalStore[] in = new LogicalStore[INDEPENDENT];
        LogicalStore[] out = new LogicalStore[INDEPENDENT];
        for (int i = 0; i < INDEPENDENT; i++) {
            in[i] = rt.createStore(DType.FLOAT64, ELEMS);
            out[i] = rt.createStore(DType.FLOAT64, ELEMS);
            rt.fill(in[i], dev.legate.core.Scalar.of(1.0));
            // Materialised before timing, as the executor's output array is: the loop measures
            // launches, not the allocation of 100,000 output instances.
            rt.fill(out[i], dev.legate.core.Scalar.of(0.0));
        }
        rt.fence();
        long t0 = System.nanoTime();
        for (int i = 0; i < INDEPENDENT; i++) {
            AutoTask t = rt.createTask(inc);
            Variable a = t.addInput(in[i]);
            Variable b = t.addOutput(out[i]);
            t.addConstraint(Constraint.align(a, b));
            t.execute();
        }
        rt.fence();
        double s = (System.nanoTime() - t0) / 1e9;
        check(out[INDEPENDENT - 1].physical().doubles().get(0), 2.0);
        return s;
    }

    /** 10,000 launches, each reading what the previous one wrote. */
    static double chain(LegateRuntime rt, TaskId inc) {
        LogicalStore a = rt.createStore(DType.FLOAT64, ELEMS);
        LogicalStore b = rt.createStore(DType.FLOAT64, ELEMS);
        rt.fill(a, dev.legate.core.Scalar.of(0.0));
        rt.fence();
        long t0 = System.nanoTime();
        for (int i = 0; i < CHAIN; i++) {
            AutoTask t = rt.createTask(inc);
            Variable x = t.addInput(i % 2 == 0 ? a : b);
            Variable y = t.addOutput(i % 2 == 0 ? b : a);
            t.addConstraint(Constraint.align(x, y));
            t.execute();
        }
        rt.fence();
        double s = (System.nanoTime() - t0) / 1e9;
        check((CHAIN % 2 == 0 ? a : b).physical().doubles().get(0), CHAIN);
        return s;
    }

    static double executorIndependent(ExecutorService pool, double[] work) throws InterruptedException {
        Arrays.fill(work, 1.0);
        double[] out = new double[work.length];
        CountDownLatch done = new CountDownLatch(INDEPENDENT);
        long t0 = System.nanoTime();
        for (int i = 0; i < INDEPENDENT; i++) {
            int base = i * ELEMS;
            pool.execute(() -> {
                for (int k = 0; k < ELEMS; k++) {
                    out[base + k] = work[base + k] + 1;
                }
                done.countDown();
            });
        }
        done.await();
        double s = (System.nanoTime() - t0) / 1e9;
        check(out[out.length - 1], 2.0);
        return s;
    }

    static double executorChain(ExecutorService pool, double[] work) {
        double[] a = new double[ELEMS];
        double[] b = new double[ELEMS];
        long t0 = System.nanoTime();
        CompletableFuture<Void> f = CompletableFuture.completedFuture(null);
        for (int i = 0; i < CHAIN; i++) {
            double[] src = i % 2 == 0 ? a : b;
            double[] dst = i % 2 == 0 ? b : a;
            f = f.thenRunAsync(() -> {
                for (int k = 0; k < ELEMS; k++) {
                    dst[k] = src[k] + 1;
                }
            }, pool);
        }
        f.join();
        double s = (System.nanoTime() - t0) / 1e9;
        check((CHAIN % 2 == 0 ? a : b)[0], CHAIN);
        return s;
    }

    private static void check(double got, double expect) {
        if (got != expect) {
            throw new IllegalStateException("benchmark computed " + got + ", expected " + expect);
        }
    }
}
