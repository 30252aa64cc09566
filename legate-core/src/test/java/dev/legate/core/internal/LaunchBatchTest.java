package dev.legate.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.TaskId;
import dev.legate.core.TaskSignature;
import dev.legate.core.TestRuntimes;
import dev.legate.core.Tiling;
import dev.legate.core.Version;
import dev.legate.core.VersionRange;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.TaskRegistry;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * A launch's points on CPUs sharing a memory: a processor that is busy elsewhere keeps only the
 * first chunk of its share, the others run the rest, and each point reports the processor that
 * ran it.
 */
class LaunchBatchTest {
    static final int POINTS = 64;

    /** A task that waits at a gate on processor 1, and one that records where each point ran. */
    static final class Lib implements LegateLibrary {
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch recorded = new CountDownLatch(POINTS - POINTS / 2 / 8);
        final AtomicIntegerArray ranOn = new AtomicIntegerArray(POINTS);

        @Override
        public String name() {
            return "batch";
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
        public void register(TaskRegistry r) {
            r.register("wait", new TaskSignature(0, 1, 0, 0), ctx -> {
                if (ctx.processor().index() == 1 && !gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate was not opened");
                }
            });
            r.register("record", new TaskSignature(0, 1, 0, 0), ctx -> {
                var out = ctx.output(0).data();
                int p = (int) ctx.point().get(0);
                ranOn.set(p, ctx.processor().index());
                out.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, out.origin(), p);
                recorded.countDown();
            });
        }
    }

    @Test
    void aBusyProcessorKeepsOnlyTheFirstChunkOfItsShare() throws Exception {
        Lib lib = new Lib();
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).build(), 0, List.of(lib))) {
            TaskId wait = rt.library("batch").task("wait");
            TaskId record = rt.library("batch").task("record");
            LogicalStore a = rt.createStore(DType.FLOAT64, 2);
            Tiling halves = a.partitionByTiling(1);
            rt.createTask(wait, halves.colorShape()).addOutput(a, halves).execute();
            LogicalStore b = rt.createStore(DType.FLOAT64, POINTS);
            Tiling ones = b.partitionByTiling(1);
            rt.createTask(record, ones.colorShape()).addOutput(b, ones).execute();
            rt.flush();
            // Processor 1 waits at the gate; processor 0 runs its share and all but the first
            // chunk (32 / 8 points) of processor 1's.
            assertTrue(lib.recorded.await(10, TimeUnit.SECONDS), "processor 0 took over processor 1's points");
            lib.gate.countDown();
            rt.fence();
            int onOne = 0;
            for (int p = 0; p < POINTS; p++) {
                onOne += lib.ranOn.get(p);
            }
            assertEquals(POINTS / 2 / 8, onOne, "points run by processor 1");
            for (int p = POINTS / 2; p < POINTS / 2 + POINTS / 2 / 8; p++) {
                assertEquals(1, lib.ranOn.get(p), "processor 1 runs the first chunk of its share: point " + p);
            }
            var got = b.physical().doubles();
            for (int p = 0; p < POINTS; p++) {
                assertEquals(p, got.get(p), 0);
            }
        }
    }
}
