package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** Unbound stores get their size from the task that writes them. */
class UnboundTest {
    public interface Filter {
        /** Writes the positive elements of {@code in}, in order. */
        @Task
        default void positives(OutputArray out, InputArray in) {
            var i = in.doubles();
            long n = 0;
            for (long k = 0; k < i.size(); k++) {
                n += i.get(k) > 0 ? 1 : 0;
            }
            PhysicalStore o = out.physical().bind(n);
            long w = 0;
            for (long k = 0; k < i.size(); k++) {
                if (i.get(k) > 0) {
                    o.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, w++, i.get(k));
                }
            }
        }

        @Task
        @Align({"out", "in"})
        default void twice(OutputArray out, InputArray in) {
            var o = out.doubles();
            var i = in.doubles();
            for (long k = 0; k < o.size(); k++) {
                o.set(k, 2 * i.get(k));
            }
        }
    }

    static final java.util.concurrent.CountDownLatch GATE = new java.util.concurrent.CountDownLatch(1);

    public interface Gated {
        /** Waits for the test's gate, then writes 0..n-1 (n given) as an unbound output. */
        @Task
        default void iota(OutputArray out, long n) {
            try {
                GATE.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            PhysicalStore o = out.physical().bind(n);
            for (long k = 0; k < n; k++) {
                o.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, k, k);
            }
        }
    }

    @Test
    void consumersOfAnUnboundStoreAreRecordedBeforeItsProducerRuns() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).minTileVolume(8).tileGranule(1)
                .inlineSmallTasks(false).build(), 0, java.util.List.of())) {
            LogicalStore u = rt.createUnboundStore(DType.FLOAT64);
            rt.tasks(Gated.class).iota(u, 50);
            LogicalStore doubled = rt.createUnboundStore(DType.FLOAT64);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                rt.tasks(Filter.class).positives(doubled, u);
                GATE.countDown();
            }, "recording a consumer must not wait for the producer");
            assertEquals(Shape.of(49), doubled.shape());
        }
    }

    @Test
    void partsAreConcatenatedInPointOrder() {
        try (LegateRuntime rt = TestRuntimes.cpus(4)) {
            LogicalStore in = rt.createStore(DType.FLOAT64, 1000);
            in.update(p -> {
                for (int k = 0; k < 1000; k++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, k, k % 3 == 0 ? k : -k);
                }
            });
            LogicalStore out = rt.createUnboundStore(DType.FLOAT64);
            assertTrue(out.isUnbound());
            Filter f = rt.tasks(Filter.class);
            f.positives(out, in);
            assertEquals(Shape.of(333), out.shape(), "0 is not positive; 3, 6, ..., 999 are");
            double[] expect = new double[333];
            for (int k = 0; k < 333; k++) {
                expect[k] = 3.0 * (k + 1);
            }
            assertArrayEquals(expect, out.physical().data().segment().asSlice(0, 333 * 8).toArray(
                    ValueLayout.JAVA_DOUBLE));
            assertEquals(4, out.keyPartition().orElseThrow().colorCount(), "the parts form the key partition");
            LogicalStore doubled = rt.createStore(DType.FLOAT64, out.shape());
            f.twice(doubled, out);
            assertEquals(2 * 999.0, doubled.physical().doubles().get(332));
        }
    }
}
