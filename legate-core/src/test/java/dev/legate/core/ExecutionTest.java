package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random graphs of tasks over overlapping views of a few storages give the same final contents
 * with 1 processor and with 8, and as a sequential reference computed with plain arrays.
 */
class ExecutionTest {
    static final int N = 512;
    static final int STORES = 3;

    /** The test library: element-wise tasks that work on any strides. */
    static final class Dag implements dev.legate.core.spi.LegateLibrary {
        @Override
        public String name() {
            return "dag";
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
        public void register(dev.legate.core.spi.TaskRegistry r) {
            r.register("affine", new TaskSignature(1, 1, 0, 2), ctx -> {
                PhysicalStore in = ctx.input(0).data();
                PhysicalStore out = ctx.output(0).data();
                double a = ctx.scalar(0).asDouble();
                double b = ctx.scalar(1).asDouble();
                for (long i = 0; i < out.volume(); i++) {
                    double v = in.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, in.linearIndex(i));
                    out.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, out.linearIndex(i), v * a + b);
                }
            });
            r.register("sum", new TaskSignature(1, 0, 1, 0), ctx -> {
                PhysicalStore in = ctx.input(0).data();
                double s = 0;
                for (long i = 0; i < in.volume(); i++) {
                    s += in.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, in.linearIndex(i));
                }
                ctx.reduction(0).doubles().reduce(0, s);
            });
            r.register("addscalar", new TaskSignature(2, 1, 0, 0), ctx -> {
                PhysicalStore in = ctx.input(0).data();
                double c = ctx.input(1).data().doubles().get(0);
                PhysicalStore out = ctx.output(0).data();
                for (long i = 0; i < out.volume(); i++) {
                    double v = in.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, in.linearIndex(i));
                    out.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, out.linearIndex(i), v + c);
                }
            });
        }
    }

    /** A view of storage {@code s}: elements start, start+step, ... (count of them). */
    record View(int s, int start, int step, int count) {
        LogicalStore of(LogicalStore[] stores) {
            LogicalStore st = stores[s];
            int stop = step > 0 ? start + step * (count - 1) + 1 : start + step * (count - 1) - 1;
            return st.slice(0, start, stop, step);
        }

        int at(int i) {
            return start + step * i;
        }

        boolean overlaps(View o) {
            if (o.s != s) {
                return false;
            }
            java.util.BitSet a = new java.util.BitSet();
            for (int i = 0; i < count; i++) {
                a.set(at(i));
            }
            for (int i = 0; i < o.count; i++) {
                if (a.get(o.at(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    static View randomView(Random r, int count) {
        int s = r.nextInt(STORES);
        int step = r.nextBoolean() ? 1 : (r.nextBoolean() ? 2 : -1);
        int span = Math.abs(step) * (count - 1) + 1;
        int start = r.nextInt(N - span + 1);
        if (step < 0) {
            start += span - 1;
        }
        return new View(s, start, step, count);
    }

    static double[][] run(LegateRuntime rt, long seed, int ops) {
        LogicalStore[] stores = new LogicalStore[STORES];
        double[][] ref = new double[STORES][N];
        for (int s = 0; s < STORES; s++) {
            stores[s] = rt.createStore(DType.FLOAT64, N);
            int ss = s;
            stores[s].update(p -> {
                for (int i = 0; i < N; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, p.index(i), ss * 1000 + i);
                }
            });
            for (int i = 0; i < N; i++) {
                ref[s][i] = s * 1000 + i;
            }
        }
        Random r = new Random(seed);
        Library dag = rt.library("dag");
        for (int k = 0; k < ops; k++) {
            int count = 16 + r.nextInt(200);
            View src = randomView(r, count);
            View dst = randomView(r, count);
            while (dst.overlaps(src)) {
                dst = randomView(r, count);
            }
            double[] before = ref[src.s].clone();
            switch (r.nextInt(4)) {
                case 0 -> {
                    double a = r.nextInt(3) - 1;
                    double b = r.nextInt(7) - 3;
                    AutoTask t = rt.createTask(dag.task("affine"));
                    Variable vi = t.addInput(src.of(stores));
                    Variable vo = t.addOutput(dst.of(stores));
                    t.addConstraint(Constraint.align(vi, vo));
                    t.addScalar(Scalar.of(a)).addScalar(Scalar.of(b));
                    t.execute();
                    for (int i = 0; i < count; i++) {
                        ref[dst.s][dst.at(i)] = before[src.at(i)] * a + b;
                    }
                }
                case 1 -> {
                    LogicalStore acc = rt.createScalarStore(Scalar.of(0.0));
                    AutoTask t = rt.createTask(dag.task("sum"));
                    t.addInput(src.of(stores));
                    t.addReduction(acc, ReductionOp.SUM);
                    t.execute();
                    double sum = 0;
                    for (int i = 0; i < count; i++) {
                        sum += before[src.at(i)];
                    }
                    AutoTask u = rt.createTask(dag.task("addscalar"));
                    View in2 = randomView(r, count);
                    while (in2.overlaps(dst)) {
                        in2 = randomView(r, count);
                    }
                    double[] b2 = ref[in2.s].clone();
                    Variable vi = u.addInput(in2.of(stores));
                    u.addInput(acc);
                    Variable vo = u.addOutput(dst.of(stores));
                    u.addConstraint(Constraint.align(vi, vo));
                    u.execute();
                    for (int i = 0; i < count; i++) {
                        ref[dst.s][dst.at(i)] = b2[in2.at(i)] + sum;
                    }
                }
                case 2 -> {
                    double c = r.nextInt(100);
                    rt.fill(dst.of(stores), Scalar.of(c));
                    for (int i = 0; i < count; i++) {
                        ref[dst.s][dst.at(i)] = c;
                    }
                }
                default -> {
                    rt.copy(src.of(stores), dst.of(stores));
                    for (int i = 0; i < count; i++) {
                        ref[dst.s][dst.at(i)] = before[src.at(i)];
                    }
                }
            }
        }
        double[][] out = new double[STORES + 1][];
        for (int s = 0; s < STORES; s++) {
            out[s] = stores[s].physical().data().segment().asSlice(0, N * 8L).toArray(ValueLayout.JAVA_DOUBLE);
        }
        out[STORES] = flatten(ref);
        return out;
    }

    private static double[] flatten(double[][] ref) {
        double[] f = new double[STORES * N];
        for (int s = 0; s < STORES; s++) {
            System.arraycopy(ref[s], 0, f, s * N, N);
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomGraphsAgreeAcrossProcessorCounts(long seed) {
        double[][] one;
        double[][] eight;
        double[][] eightNoInline;
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(1).minTileVolume(8).tileGranule(1)
                .build(), 0, List.of(new Dag()))) {
            one = run(rt, seed, 60);
        }
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(8).minTileVolume(8).tileGranule(1)
                .windowSize(4).build(), 0, List.of(new Dag()))) {
            eight = run(rt, seed, 60);
        }
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(8).minTileVolume(8).tileGranule(1)
                .windowSize(1).inlineSmallTasks(false).build(), 0, List.of(new Dag()))) {
            eightNoInline = run(rt, seed, 60);
        }
        double[] reference = one[STORES];
        for (int s = 0; s < STORES; s++) {
            double[] exp = java.util.Arrays.copyOfRange(reference, s * N, (s + 1) * N);
            assertArrayEquals(exp, one[s], "1 processor, storage " + s);
            assertArrayEquals(exp, eight[s], "8 processors, storage " + s);
            assertArrayEquals(exp, eightNoInline[s], "8 processors without inlining, storage " + s);
        }
    }
}
