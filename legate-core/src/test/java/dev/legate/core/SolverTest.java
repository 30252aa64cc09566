package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SolverTest {
    static LegateRuntime rt;

    @BeforeAll
    static void start() {
        rt = TestRuntimes.start(RuntimeConfig.builder().cpus(4).minTileVolume(16).tileGranule(4).build(), 0,
                List.of(new Probe()));
    }

    @AfterAll
    static void stop() {
        rt.close();
    }

    @Test
    void alignedStoresGetIdenticalPartitions() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 64, 8);
        LogicalStore b = rt.createStore(DType.INT32, 64, 8);
        TreeMap<String, List<Rect>> seen = Probe.run(rt, t -> {
            Variable va = t.addInput(a);
            Variable vb = t.addOutput(b);
            t.addConstraint(Constraint.align(va, vb));
        });
        assertEquals(4, seen.size(), "one point per processor");
        long covered = 0;
        for (List<Rect> r : seen.values()) {
            assertEquals(r.get(0), r.get(1));
            covered += r.get(0).volume();
        }
        assertEquals(64 * 8, covered, "tiles cover the store exactly once");
    }

    @Test
    void broadcastReplicates() {
        LogicalStore key = rt.createStore(DType.FLOAT64, 256);
        LogicalStore small = rt.createStore(DType.FLOAT64, 256);
        TreeMap<String, List<Rect>> seen = Probe.run(rt, t -> {
            t.addOutput(key);
            Variable v = t.addInput(small);
            t.addConstraint(Constraint.broadcast(v));
        });
        assertEquals(4, seen.size());
        for (List<Rect> r : seen.values()) {
            assertEquals(Rect.of1(0, 256), r.get(0), "the broadcast input is whole in every point");
        }
    }

    @Test
    void broadcastOfOneDimensionKeepsItWhole() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 32, 32);
        TreeMap<String, List<Rect>> seen = Probe.run(rt, t -> {
            Variable v = t.addOutput(a);
            t.addConstraint(Constraint.broadcast(v, 0));
        });
        for (List<Rect> r : seen.values()) {
            assertEquals(0, r.get(0).lo(0));
            assertEquals(32, r.get(0).hi(0));
        }
        assertEquals(4, seen.size());
    }

    @Test
    void imageOfRangesCoversExactlyTheReferencedRows() {
        // CSR-like: 8 rows; row i references [off[i], off[i+1]) of a 100-element store.
        long[] off = {0, 3, 3, 10, 40, 41, 60, 90, 100};
        RuntimeConfig small = RuntimeConfig.builder().cpus(4).minTileVolume(2).tileGranule(1).build();
        try (LegateRuntime r2 = TestRuntimes.start(small, 0, List.of(new Probe()))) {
            LogicalStore o2 = r2.createStore(DType.INT64, off.length);
            o2.update(p -> {
                for (int i = 0; i < off.length; i++) {
                    p.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, p.index(i), off[i]);
                }
            });
            LogicalStore rows2 = r2.createStore(DType.FLOAT64, 8);
            LogicalStore t2 = r2.createStore(DType.FLOAT64, 100);
            TreeMap<String, List<Rect>> seen = Probe.run(r2, t -> {
                Variable y = t.addOutput(rows2);
                Variable vlo = t.addInput(o2.slice(0, 0, 8));
                Variable vhi = t.addInput(o2.slice(0, 1, 9));
                Variable x = t.addInput(t2);
                t.addConstraint(Constraint.align(y, vlo));
                t.addConstraint(Constraint.imageRanges(vlo, vhi, x));
            });
            assertEquals(4, seen.size());
            for (List<Rect> r : seen.values()) {
                Rect rowTile = r.get(0);
                long first = off[(int) rowTile.lo(0)];
                long last = off[(int) rowTile.hi(0)];
                Rect expect = first == last ? Rect.of1(0, 0) : Rect.of1(first, last);
                assertEquals(expect.isEmpty(), r.get(2).isEmpty());
                if (!expect.isEmpty()) {
                    assertEquals(expect, r.get(2), "rows " + rowTile);
                }
            }
        }
    }

    @Test
    void imageOfPointsBoundsTheIndices() {
        RuntimeConfig small = RuntimeConfig.builder().cpus(2).minTileVolume(2).tileGranule(1).build();
        try (LegateRuntime r2 = TestRuntimes.start(small, 0, List.of(new Probe()))) {
            LogicalStore idx = r2.createStore(DType.INT32, 4);
            idx.update(p -> {
                int[] v = {7, 2, 50, 40};
                for (int i = 0; i < 4; i++) {
                    p.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, p.index(i), v[i]);
                }
            });
            LogicalStore x = r2.createStore(DType.FLOAT64, 64);
            TreeMap<String, List<Rect>> seen = Probe.run(r2, t -> {
                Variable vi = t.addInput(idx);
                Variable vx = t.addInput(x);
                t.addConstraint(Constraint.image(vi, vx));
            });
            assertEquals(List.of(Rect.of1(0, 2), Rect.of1(2, 8)), seen.get("(0)"));
            assertEquals(List.of(Rect.of1(2, 4), Rect.of1(40, 51)), seen.get("(1)"));
        }
    }

    @Test
    void imageOfPointsSpanningManyScanStepsBoundsTheIndices() {
        // Tiles of 10000 indices are scanned in several steps; the extremes sit in different steps.
        RuntimeConfig small = RuntimeConfig.builder().cpus(2).minTileVolume(2).tileGranule(1).build();
        for (DType type : List.of(DType.INT32, DType.INT64)) {
            try (LegateRuntime r2 = TestRuntimes.start(small, 0, List.of(new Probe()))) {
                LogicalStore idx = r2.createStore(type, 20000);
                idx.update(p -> {
                    for (int i = 0; i < 20000; i++) {
                        long v = i == 9000 ? 3 : i == 5000 ? 70000 : i < 10000 ? 1000 + i % 97 : 50000 + i % 13;
                        if (type == DType.INT32) {
                            p.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, p.index(i), (int) v);
                        } else {
                            p.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, p.index(i), v);
                        }
                    }
                });
                LogicalStore x = r2.createStore(DType.FLOAT64, 80000);
                TreeMap<String, List<Rect>> seen = Probe.run(r2, t -> {
                    Variable vi = t.addInput(idx);
                    Variable vx = t.addInput(x);
                    t.addConstraint(Constraint.image(vi, vx));
                });
                assertEquals(Rect.of1(3, 70001), seen.get("(0)").get(1), type.name());
                assertEquals(Rect.of1(50000, 50013), seen.get("(1)").get(1), type.name());
            }
        }
    }

    @Test
    void bloatAddsTheHaloAndClipsAtTheBorders() {
        LogicalStore out = rt.createStore(DType.FLOAT64, 64, 4);
        LogicalStore in = rt.createStore(DType.FLOAT64, 64, 4);
        TreeMap<String, List<Rect>> seen = Probe.run(rt, t -> {
            Variable vo = t.addOutput(out);
            Variable vi = t.addInput(in);
            t.addConstraint(Constraint.broadcast(vo, 1));
            t.addConstraint(Constraint.bloat(vo, vi, new long[] {1, 1}, new long[] {1, 1}));
        });
        assertEquals(4, seen.size());
        for (List<Rect> r : seen.values()) {
            Rect o = r.get(1);
            Rect i = r.get(0);
            assertEquals(Math.max(0, o.lo(0) - 1), i.lo(0));
            assertEquals(Math.min(64, o.hi(0) + 1), i.hi(0));
            assertEquals(0, i.lo(1));
            assertEquals(4, i.hi(1));
        }
    }

    @Test
    void scaleMultipliesTheTiles() {
        LogicalStore small = rt.createStore(DType.FLOAT64, 64);
        LogicalStore big = rt.createStore(DType.FLOAT64, 256);
        TreeMap<String, List<Rect>> seen = Probe.run(rt, t -> {
            Variable s = t.addOutput(small);
            Variable b = t.addInput(big);
            t.addConstraint(Constraint.scale(new long[] {4}, s, b));
        });
        assertEquals(4, seen.size());
        for (List<Rect> r : seen.values()) {
            assertEquals(Rect.of1(r.get(1).lo(0) * 4, r.get(1).hi(0) * 4), r.get(0));
        }
    }

    @Test
    void smallStoresAreNotSplit() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 20);
        TreeMap<String, List<Rect>> seen = Probe.run(rt, t -> t.addOutput(a));
        assertEquals(1, seen.size(), "20 elements with a minimum tile of 16 make one tile");
        LogicalStore b = rt.createStore(DType.FLOAT64, 40);
        assertEquals(2, Probe.run(rt, t -> t.addOutput(b)).size(), "40 elements make two tiles of >= 16");
    }

    @Test
    void conflictingConstraintsAreAllListed() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 64);
        LogicalStore b = rt.createStore(DType.FLOAT64, 32);
        LogicalStore c = rt.createStore(DType.FLOAT64, 64, 2);
        AutoTask t = rt.createTask(rt.library("probe").task("record"));
        t.addScalar(Scalar.of(0L));
        Variable va = t.addInput(a);
        Variable vb = t.addInput(b);
        Variable vc = t.addOutput(c);
        t.addConstraint(Constraint.align(va, vb));
        t.addConstraint(Constraint.broadcast(vc, 5));
        t.addConstraint(Constraint.bloat(va, vc, new long[] {1}, new long[] {1}));
        PartitioningException e = assertThrows(PartitioningException.class, t::execute);
        assertEquals(3, e.conflicts().size(), e.getMessage());
        assertTrue(e.getMessage().contains("(64,) and (32,)"), e.getMessage());
        assertTrue(e.getMessage().contains("dimension 5"), e.getMessage());
    }

    @Test
    void unalignedOutputIsRefused() {
        LogicalStore key = rt.createStore(DType.FLOAT64, 128);
        LogicalStore other = rt.createStore(DType.FLOAT64, 100);
        AutoTask t = rt.createTask(rt.library("probe").task("record"));
        t.addScalar(Scalar.of(0L));
        t.addInput(key);
        t.addOutput(other);
        PartitioningException e = assertThrows(PartitioningException.class, t::execute);
        assertTrue(e.getMessage().contains("neither aligned"), e.getMessage());
    }

    @Test
    void keyPartitionIsCachedAndReused() {
        LogicalStore a = rt.createStore(DType.FLOAT64, 256);
        Probe.run(rt, t -> t.addOutput(a));
        Partition first = a.keyPartition().orElseThrow();
        Probe.run(rt, t -> t.addInput(a));
        assertTrue(first == a.keyPartition().orElseThrow());
    }
}
