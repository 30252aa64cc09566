package dev.legate.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.Align;
import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.InputArray;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.OutputArray;
import dev.legate.core.PartitioningException;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Scalar;
import dev.legate.core.Task;
import dev.legate.core.TaskException;
import dev.legate.core.TestRuntimes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-point path for launches too small to split: taken when nothing they touch is in
 * flight, same results as the general path, and ordered after unfinished writers.
 */
class SmallLaunchTest {
    public interface Ops {
        @Task
        @Align({"out", "in"})
        default void affine(OutputArray out, InputArray in, double a, double b) {
            var o = out.doubles();
            var i = in.doubles();
            for (long k = 0; k < o.size(); k++) {
                o.set(k, i.get(k) * a + b);
            }
        }

        @Task
        @Align({"out", "in"})
        default void slowPlusOne(OutputArray out, InputArray in) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            var o = out.doubles();
            var i = in.doubles();
            for (long k = 0; k < o.size(); k++) {
                o.set(k, i.get(k) + 1);
            }
        }

        @Task
        default void fail(OutputArray out) {
            throw new IllegalStateException("small task failed");
        }
    }

    private static LegateRuntime start(boolean inline) {
        return TestRuntimes.start(RuntimeConfig.builder().cpus(2).minTileVolume(64).tileGranule(8)
                .inlineSmallTasks(inline).build(), 0, List.of());
    }

    private static double[] values(LogicalStore s) {
        var d = s.physical().doubles();
        double[] out = new double[(int) s.volume()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.get(i);
        }
        return out;
    }

    private static double[] chain(LegateRuntime rt) {
        Ops ops = rt.tasks(Ops.class);
        LogicalStore x = rt.createStore(DType.FLOAT64, 100);
        rt.fill(x, Scalar.of(0.25));
        for (int i = 0; i < 50; i++) {
            LogicalStore y = rt.createStore(DType.FLOAT64, 100);
            ops.affine(y, x, 1.0 + i / 64.0, 0.125 * i);
            ops.affine(x.slice(0, 10, 20), y.slice(0, 0, 10), 0.5, 1.0 / 3);
            x = y;
        }
        return values(x);
    }

    @Test
    void smallLaunchesRunAtOnceWithTheGeneralPathsResults() {
        double[] general;
        try (LegateRuntime rt = start(false)) {
            general = chain(rt);
            assertEquals(0, ((RuntimeImpl) rt).smallLaunches());
        }
        try (LegateRuntime rt = start(true)) {
            double[] fast = chain(rt);
            assertArrayEquals(general, fast);
            assertTrue(((RuntimeImpl) rt).smallLaunches() >= 100, "small launches: " + ((RuntimeImpl) rt).smallLaunches());
        }
    }

    @Test
    void aSmallReadOfAStoreALargeLaunchIsStillWritingWaitsForTheWrite() {
        try (LegateRuntime rt = start(true)) {
            Ops ops = rt.tasks(Ops.class);
            RuntimeImpl impl = (RuntimeImpl) rt;
            LogicalStore ones = rt.createStore(DType.FLOAT64, 1024);
            rt.fill(ones, Scalar.of(1.0));
            LogicalStore big = rt.createStore(DType.FLOAT64, 1024);
            rt.fence();
            ops.slowPlusOne(big, ones);
            long before = impl.smallLaunches();
            LogicalStore small = rt.createStore(DType.FLOAT64, 10);
            ops.affine(small, big.slice(0, 1000, 1010), 3.0, 0.0);
            assertEquals(before, impl.smallLaunches(), "the read of an unfinished write took the one-point path");
            assertArrayEquals(new double[] {6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, values(small));

            // A small write of a store a large launch is still reading waits for the read too.
            ops.slowPlusOne(big, ones);
            LogicalStore src = rt.createStore(DType.FLOAT64, 10);
            rt.fill(src, Scalar.of(5.0));
            ops.affine(ones.slice(0, 0, 10), src, 1.0, 0.0);
            assertEquals(2.0, big.physical().doubles().get(0));
            assertEquals(5.0, ones.physical().doubles().get(0));
        }
    }

    @Test
    void invalidConstraintsOnSmallLaunchesAreStillReported() {
        try (LegateRuntime rt = start(true)) {
            rt.tasks(Ops.class);
            LogicalStore a = rt.createStore(DType.FLOAT64, 10);
            LogicalStore b = rt.createStore(DType.FLOAT64, 11);
            AutoTask t = rt.createTask(rt.library("tasks:" + Ops.class.getName()).task("affine"));
            var out = t.addOutput(a);
            var in = t.addInput(b);
            t.addConstraint(Constraint.align(out, in));
            t.addScalar(Scalar.of(1.0)).addScalar(Scalar.of(0.0));
            assertThrows(PartitioningException.class, t::execute);
        }
    }

    @Test
    void aFailingSmallTaskIsReportedAtTheNextSynchronisation() {
        try (LegateRuntime rt = start(true)) {
            Ops ops = rt.tasks(Ops.class);
            LogicalStore a = rt.createStore(DType.FLOAT64, 10);
            ops.fail(a);
            TaskException e = assertThrows(TaskException.class, rt::fence);
            assertEquals("fail", e.task());
            LogicalStore b = rt.createStore(DType.FLOAT64, 10);
            rt.fill(b, Scalar.of(2.0));
            LogicalStore c = rt.createStore(DType.FLOAT64, 10);
            ops.affine(c, b, 2.0, 1.0);
            assertEquals(5.0, c.physical().doubles().get(9));
        }
    }
}
