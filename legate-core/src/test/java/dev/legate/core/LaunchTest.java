package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Manual launches, scopes, and reductions with every operator. */
class LaunchTest {
    @Test
    void manualTasksUseTheGivenPartitions() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).build(), 0, List.of(new Probe()))) {
            LogicalStore a = rt.createStore(DType.FLOAT64, 10, 6);
            Tiling tiles = a.partitionByTiling(4, 6);
            assertEquals(Shape.of(3, 1), tiles.colorShape());
            long tag = 4242;
            ManualTask t = rt.createTask(rt.library("probe").task("record"), Shape.of(3, 1));
            t.addScalar(Scalar.of(tag));
            t.addOutput(a, tiles);
            t.execute();
            rt.fence();
            TreeMap<String, List<Rect>> seen = new TreeMap<>();
            Probe.SEEN.get(tag).forEach((p, r) -> seen.put(p.toString(), r));
            assertEquals(List.of(new Rect(new long[] {8, 0}, new long[] {10, 6})), seen.get("(2, 0)"));
            ManualTask bad = rt.createTask(rt.library("probe").task("record"), Shape.of(2));
            assertThrows(ShapeMismatchException.class, () -> bad.addOutput(a, tiles));
            assertThrows(TaskArgumentException.class, () -> rt.createTask(rt.library("probe").task("record"),
                    Shape.of(2)).addOutput(a, new Replication(a.shape(), Shape.of(2))));
        }
    }

    @Test
    void scopesRestrictTheProcessors() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(4).minTileVolume(8).tileGranule(1).build(), 0,
                List.of(new Probe()))) {
            LogicalStore a = rt.createStore(DType.FLOAT64, 256);
            try (Scope s = rt.scope().processors(ProcessorKind.CPU, 1, 3).provenance("half").open()) {
                assertEquals(2, Probe.run(rt, t -> t.addOutput(a)).size());
            }
            LogicalStore b = rt.createStore(DType.FLOAT64, 256);
            assertEquals(4, Probe.run(rt, t -> t.addOutput(b)).size());
            assertThrows(IllegalArgumentException.class, () -> rt.scope().processors(ProcessorKind.CPU, 2, 9));
        }
    }

    public interface Reduce {
        @Task
        default void all(InputArray in, @dev.legate.core.Reduce(ReductionOp.SUM) ReductionArray sum,
                         @dev.legate.core.Reduce(ReductionOp.PROD) ReductionArray prod,
                         @dev.legate.core.Reduce(ReductionOp.MIN) ReductionArray min,
                         @dev.legate.core.Reduce(ReductionOp.MAX) ReductionArray max,
                         @dev.legate.core.Reduce(ReductionOp.AND) ReductionArray and,
                         @dev.legate.core.Reduce(ReductionOp.OR) ReductionArray or,
                         @dev.legate.core.Reduce(ReductionOp.XOR) ReductionArray xor) {
            var v = in.longs();
            for (long i = 0; i < v.size(); i++) {
                long x = v.get(i);
                sum.longs().reduce(0, x);
                prod.longs().reduce(0, x % 3 + 1);
                min.longs().reduce(0, x);
                max.longs().reduce(0, x);
                and.longs().reduce(0, x | 1024);
                or.longs().reduce(0, x);
                xor.longs().reduce(0, x);
            }
        }

        @Task
        default void argmax(InputArray in, @dev.legate.core.Reduce(ReductionOp.ARGMAX) ReductionArray best) {
            PhysicalStore s = in.physical().data();
            PhysicalStore b = best.physical().data();
            var seg = b.segment();
            long off = b.origin() * b.type().size();
            for (long i = 0; i < s.volume(); i++) {
                double v = s.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, s.linearIndex(i));
                long idx = s.rect().lo(0) + i;
                double cur = seg.get(ValueLayout.JAVA_DOUBLE, off);
                long ci = seg.get(ValueLayout.JAVA_LONG, off + 8);
                if (v > cur || v == cur && idx < ci) {
                    seg.set(ValueLayout.JAVA_DOUBLE, off, v);
                    seg.set(ValueLayout.JAVA_LONG, off + 8, idx);
                }
            }
        }
    }

    @Test
    void everyReductionOperatorFoldsAcrossPoints() {
        try (LegateRuntime rt = TestRuntimes.cpus(4)) {
            LogicalStore in = rt.createStore(DType.INT64, 1000);
            in.update(p -> {
                for (int i = 0; i < 1000; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_LONG, i, (i * 7919L) % 1013);
                }
            });
            long[] exp = {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 0};
            for (int i = 0; i < 1000; i++) {
                long x = (i * 7919L) % 1013;
                exp[0] += x;
                exp[1] *= x % 3 + 1;
                exp[2] = Math.min(exp[2], x);
                exp[3] = Math.max(exp[3], x);
                exp[4] &= x | 1024;
                exp[5] |= x;
                exp[6] ^= x;
            }
            ReductionOp[] ops = {ReductionOp.SUM, ReductionOp.PROD, ReductionOp.MIN, ReductionOp.MAX, ReductionOp.AND,
                ReductionOp.OR, ReductionOp.XOR};
            LogicalStore[] acc = new LogicalStore[7];
            for (int k = 0; k < 7; k++) {
                acc[k] = rt.createStore(DType.INT64, Shape.of());
                rt.fill(acc[k], Scalar.ofInteger(DType.INT64, identity(ops[k])));
            }
            rt.tasks(Reduce.class).all(in, acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6]);
            for (int k = 0; k < 7; k++) {
                assertEquals(exp[k], acc[k].readScalar().asLong(), ops[k].toString());
            }
        }
    }

    private static long identity(ReductionOp op) {
        return switch (op) {
            case PROD -> 1;
            case MIN -> Long.MAX_VALUE;
            case MAX -> Long.MIN_VALUE;
            case AND -> -1;
            default -> 0;
        };
    }

    @Test
    void argmaxThroughAStructTypeKeepsTheFirstIndex() {
        try (LegateRuntime rt = TestRuntimes.cpus(4)) {
            LogicalStore in = rt.createStore(DType.FLOAT64, 512);
            in.update(p -> {
                for (int i = 0; i < 512; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, i % 100 == 42 ? 9.0 : i % 7);
                }
            });
            DType.Struct pair = DType.argType(DType.FLOAT64);
            assertEquals(16, pair.size());
            assertTrue(pair.supports(ReductionOp.ARGMAX));
            LogicalStore best = rt.createStore(pair, Shape.of());
            best.update(p -> {
                p.segment().set(ValueLayout.JAVA_DOUBLE, 0, Double.NEGATIVE_INFINITY);
                p.segment().set(ValueLayout.JAVA_LONG, 8, Long.MAX_VALUE);
            });
            rt.tasks(Reduce.class).argmax(in, best);
            var seg = best.physical().data().segment();
            assertEquals(9.0, seg.get(ValueLayout.JAVA_DOUBLE, 0));
            assertEquals(42, seg.get(ValueLayout.JAVA_LONG, 8), "the first of the equal maxima (42, 142, ...)");
        }
    }
}
