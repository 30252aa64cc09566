package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The coherence layer with a second memory: fake GPUs whose memory is separate from the host's.
 * Data written on one side is copied before the other side reads it, and only then.
 */
class CoherenceTest {
    /** A library with GPU and CPU variants that record where they ran. */
    static final class Both implements dev.legate.core.spi.LegateLibrary {
        @Override
        public String name() {
            return "both";
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
            TaskBody inc = ctx -> {
                PhysicalStore in = ctx.input(0).data();
                PhysicalStore out = ctx.output(0).data();
                double add = ctx.processor().kind() == ProcessorKind.GPU ? 1000 : 1;
                var src = in.isHost() ? in.segment() : TestProvider.device(in);
                var dst = out.isHost() ? out.segment() : TestProvider.device(out);
                for (long i = 0; i < out.volume(); i++) {
                    dst.setAtIndex(ValueLayout.JAVA_DOUBLE, out.linearIndex(i),
                            src.getAtIndex(ValueLayout.JAVA_DOUBLE, in.linearIndex(i)) + add);
                }
            };
            r.register("gpuinc", new TaskSignature(1, 1, 0, 0), Map.of(ProcessorKind.GPU, inc, ProcessorKind.CPU, inc));
            r.register("cpuinc", new TaskSignature(1, 1, 0, 0), Map.of(ProcessorKind.CPU, inc));
            TaskBody devSum = ctx -> {
                PhysicalStore in = ctx.input(0).data();
                PhysicalStore acc = ctx.reduction(0).data();
                var src = TestProvider.device(in);
                double s = 0;
                for (long i = 0; i < in.volume(); i++) {
                    s += src.getAtIndex(ValueLayout.JAVA_DOUBLE, in.linearIndex(i));
                }
                var dst = TestProvider.device(acc);
                long k = acc.origin();
                dst.setAtIndex(ValueLayout.JAVA_DOUBLE, k, dst.getAtIndex(ValueLayout.JAVA_DOUBLE, k) + s);
            };
            r.register("devsum", new TaskSignature(1, 0, 1, 0), Map.of(ProcessorKind.GPU, devSum));
            TaskBody devInc = ctx -> {
                PhysicalStore in = ctx.input(0).data();
                PhysicalStore out = ctx.output(0).data();
                var src = TestProvider.device(in);
                var dst = TestProvider.device(out);
                for (long i = 0; i < out.volume(); i++) {
                    dst.setAtIndex(ValueLayout.JAVA_DOUBLE, out.linearIndex(i),
                            src.getAtIndex(ValueLayout.JAVA_DOUBLE, in.linearIndex(i)) + 1000);
                }
            };
            r.register("devinc", new TaskSignature(1, 1, 0, 0), Map.of(ProcessorKind.GPU, devInc));
            TaskBody devCount = ctx -> {
                PhysicalStore in = ctx.input(0).data();
                PhysicalStore out = ctx.output(0).physical().bind(in.volume() / 10);
                var dst = TestProvider.device(out);
                for (long i = 0; i < out.volume(); i++) {
                    dst.setAtIndex(ValueLayout.JAVA_LONG, i, in.rect().lo(0) + i * 10);
                }
            };
            r.register("devcount", new TaskSignature(1, 1, 0, 0), Map.of(ProcessorKind.GPU, devCount));
        }
    }

    private static void launch(LegateRuntime rt, String task, LogicalStore in, LogicalStore out) {
        AutoTask t = rt.createTask(rt.library("both").task(task));
        Variable a = t.addInput(in);
        Variable b = t.addOutput(out);
        t.addConstraint(Constraint.align(a, b));
        t.execute();
    }

    @Test
    void processorsForNameTheTargetOfALaunch() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).minTileVolume(16).tileGranule(1)
                .build(), 2, List.of(new Both()))) {
            TaskId gpuinc = rt.library("both").task("gpuinc");
            TaskId cpuinc = rt.library("both").task("cpuinc");
            assertEquals(List.of("gpu0", "gpu1"), rt.processorsFor(gpuinc).stream().map(Processor::name).toList());
            assertEquals(List.of(ProcessorKind.CPU, ProcessorKind.CPU),
                    rt.processorsFor(cpuinc).stream().map(Processor::kind).toList());
            try (Scope sc = rt.scope().processors(ProcessorKind.GPU, 1, 2).processors(ProcessorKind.CPU, 0, 1)
                    .open()) {
                assertEquals(List.of("gpu1"), rt.processorsFor(gpuinc).stream().map(Processor::name).toList(),
                        "the scope's GPUs");
                assertEquals(List.of("cpu0"), rt.processorsFor(cpuinc).stream().map(Processor::name).toList(),
                        "the scope's CPUs");
            }
        }
    }

    @Test
    void writeCountsFollowSubmittedWritesThroughEveryView() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).minTileVolume(16).tileGranule(1)
                .build(), 2, List.of(new Both()))) {
            LogicalStore a = rt.createStore(DType.FLOAT64, 100);
            LogicalStore b = rt.createStore(DType.FLOAT64, 100);
            long a0 = a.writeCount();
            a.update(p -> p.segment().fill((byte) 0));
            assertEquals(a0 + 1, a.writeCount(), "a host write");
            long b0 = b.writeCount();
            launch(rt, "gpuinc", a, b);
            assertEquals(b0 + 1, b.writeCount(), "counted at submission");
            assertEquals(a0 + 1, a.writeCount(), "reads do not count");
            LogicalStore view = b.slice(0, 10, 20);
            launch(rt, "gpuinc", a.slice(0, 0, 10), view);
            assertEquals(b0 + 2, b.writeCount(), "a write through a view counts for the whole storage");
            assertEquals(b.writeCount(), view.writeCount());
            rt.fill(b, Scalar.of(1.0));
            assertEquals(b0 + 3, b.writeCount(), "fills are writes");
            rt.fence();
            assertEquals(b0 + 3, b.writeCount(), "running the writes does not count them again");
        }
    }

    @Test
    void dataMovesBetweenMemoriesOnlyWhenNeeded() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(2).minTileVolume(16).tileGranule(1)
                .build(), 2, List.of(new Both()))) {
            TestProvider gpu = TestProvider.LAST.get("test-gpu");
            assertEquals(2, rt.machine().count(ProcessorKind.GPU));
            LogicalStore a = rt.createStore(DType.FLOAT64, 100);
            a.update(p -> {
                for (int i = 0; i < 100; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
                }
            });
            LogicalStore b = rt.createStore(DType.FLOAT64, 100);
            LogicalStore c = rt.createStore(DType.FLOAT64, 100);
            LogicalStore d = rt.createStore(DType.FLOAT64, 100);
            launch(rt, "gpuinc", a, b);    // a: host -> gpu copies (2 tiles); b written on gpu
            rt.fence();
            long afterFirst = gpu.copies.get();
            assertEquals(2, afterFirst, "one copy per tile of a to its GPU");
            launch(rt, "gpuinc", b, c);    // b already valid on the GPUs: no copy
            rt.fence();
            assertEquals(afterFirst, gpu.copies.get(), "b stays on the GPUs");
            launch(rt, "cpuinc", c, d);    // c must come back to the host
            assertEquals(99 + 2000 + 1, d.physical().doubles().get(99));
            assertTrue(gpu.copies.get() >= afterFirst + 2, "c copied back to the host");
            long beforeRead = gpu.copies.get();
            assertEquals(0 + 1000, b.physical().doubles().get(0), "host read of b copies it back");
            assertTrue(gpu.copies.get() > beforeRead);
            long beforeReread = gpu.copies.get();
            b.physical();
            assertEquals(beforeReread, gpu.copies.get(), "a second host read needs no copy");
        }
    }

    @Test
    void inOrderProcessorsReleaseTheirSuccessorsAtIssue() {
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(2).minTileVolume(16).tileGranule(1).build();
        try (LegateRuntime rt = dev.legate.core.internal.RuntimeImpl.start(cfg, List.of(
                new TestProvider.Factory("test-cpu", 2, false), new TestProvider.Factory("test-gpu", 2, true, true)),
                List.of(new Both()))) {
            LogicalStore[] s = new LogicalStore[6];
            for (int i = 0; i < s.length; i++) {
                s[i] = rt.createStore(DType.FLOAT64, 100);
            }
            rt.fill(s[0], Scalar.of(0.0));
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i + 1 < s.length; i++) {
                    launch(rt, i % 3 == 2 ? "cpuinc" : "gpuinc", s[i], s[i + 1]);
                }
                launch(rt, "gpuinc", s[s.length - 1], s[0]);
            }
            // Per round: 4 GPU steps (+1000 each) after the 2nd position... count exactly.
            double expect = 0;
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i + 1 < s.length; i++) {
                    expect += i % 3 == 2 ? 1 : 1000;
                }
                expect += 1000;
            }
            assertEquals(expect, s[0].physical().doubles().get(57));
        }
    }

    @Test
    void reductionsAndUnboundOutputsWorkInDeviceMemory() {
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(1).minTileVolume(100).tileGranule(10).build();
        try (LegateRuntime rt = dev.legate.core.internal.RuntimeImpl.start(cfg, List.of(
                new TestProvider.Factory("test-cpu", 1, false), new TestProvider.Factory("test-gpu", 3, true, true)),
                List.of(new Both()))) {
            LogicalStore a = rt.createStore(DType.FLOAT64, 1000);
            a.update(p -> {
                for (int i = 0; i < 1000; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
                }
            });
            LogicalStore b = rt.createStore(DType.FLOAT64, 1000);
            launch(rt, "devinc", a, b);
            LogicalStore total = rt.createScalarStore(Scalar.of(0.5));
            AutoTask t = rt.createTask(rt.library("both").task("devsum"));
            t.addInput(b);
            t.addReduction(total, ReductionOp.SUM);
            t.execute();
            assertEquals(0.5 + 999 * 1000 / 2.0 + 1000 * 1000.0, total.readScalar().asDouble(),
                    "three GPU points fold their device partials into the host value");
            LogicalStore picks = rt.createUnboundStore(DType.INT64);
            AutoTask u = rt.createTask(rt.library("both").task("devcount"));
            u.addInput(b);
            u.addOutput(picks);
            u.execute();
            assertEquals(Shape.of(100), picks.shape());
            var p = picks.physical().longs();
            for (int i = 0; i < 100; i++) {
                assertEquals(10L * i, p.get(i), "part " + i + " comes back from the device in point order");
            }
        }
    }

    @Test
    void aFullDeviceMemoryEvictsLeastRecentlyUsedInstancesInsteadOfFailing() {
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(1).minTileVolume(1 << 20).build();
        long capacity = 5 * 800;
        try (LegateRuntime rt = dev.legate.core.internal.RuntimeImpl.start(cfg, List.of(
                new TestProvider.Factory("test-cpu", 1, false),
                new TestProvider.Factory("test-gpu", 1, true, true, capacity)), List.of(new Both()))) {
            // Ten stores of 800 bytes on a GPU that holds five: a chain s0 -> s1 -> ... -> s9 on the GPU.
            LogicalStore[] s = new LogicalStore[10];
            for (int i = 0; i < s.length; i++) {
                s[i] = rt.createStore(DType.FLOAT64, 100);
            }
            s[0].update(p -> {
                for (int i = 0; i < 100; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
                }
            });
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i + 1 < s.length; i++) {
                    launch(rt, "devinc", s[i], s[i + 1]);
                }
                launch(rt, "devinc", s[s.length - 1], s[0]);
            }
            // s[k] ends with k*1000 + 27*1000 + ... : every store was produced on the GPU, many evicted
            // (written back first, being the only copy) and read back later.
            for (int k = 0; k < s.length; k++) {
                double expect = 42 + 1000.0 * (k == 0 ? 30 : 20 + k);
                assertEquals(expect, s[k].physical().doubles().get(42), "store " + k);
            }
            TestProvider gpu = TestProvider.LAST.get("test-gpu");
            assertTrue(gpu.memoryPeak() <= capacity, "peak " + gpu.memoryPeak() + " within " + capacity);
        }
    }

    @Test
    void dataWhoseWriterFailedAreNeitherWrittenBackNorCopied() {
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(1).minTileVolume(1 << 20).build();
        try (LegateRuntime rt = dev.legate.core.internal.RuntimeImpl.start(cfg, List.of(
                new TestProvider.Factory("test-cpu", 1, false),
                new TestProvider.Factory("test-gpu", 1, true, true, 4000)), List.of(new Both()))) {
            LogicalStore big = rt.createStore(DType.FLOAT64, 1000);
            LogicalStore out = rt.createStore(DType.FLOAT64, 1000);
            rt.fill(big, Scalar.of(1.0));
            launch(rt, "devinc", big, out);
            assertThrows(TaskException.class, rt::fence, "8000 bytes do not fit in 4000");
            LogicalStore small = rt.createStore(DType.FLOAT64, 100);
            LogicalStore small2 = rt.createStore(DType.FLOAT64, 100);
            rt.fill(small, Scalar.of(3.0));
            launch(rt, "devinc", small, small2);
            assertEquals(1003.0, small2.physical().doubles().get(7), "the runtime goes on; nothing of out is written back");
        }
    }

    @Test
    void hostWritesInvalidateDeviceCopies() {
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(1).minTileVolume(1000).build(), 1,
                List.of(new Both()))) {
            LogicalStore a = rt.createStore(DType.FLOAT64, 10);
            LogicalStore b = rt.createStore(DType.FLOAT64, 10);
            rt.fill(a, Scalar.of(1.0));
            launch(rt, "gpuinc", a, b);
            assertEquals(1001.0, b.physical().doubles().get(3));
            a.update(p -> p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, 3, 5.0));
            launch(rt, "gpuinc", a, b);
            assertEquals(1005.0, b.physical().doubles().get(3), "the GPU sees the host's new value");
            assertEquals(1001.0, b.physical().doubles().get(4));
        }
    }

    @Test
    void aDeviceWriteThroughAViewWithGapsLeavesTheElementsInTheGapsIntact() {
        // A 1-d store seen as 4 x 100; the device writes the left half of each row. The write's
        // root bounds [0, 350) hold the right halves of rows 0..2, which it does not write: the
        // host's values there must survive (the device must not become their only valid copy
        // without holding them).
        try (LegateRuntime rt = TestRuntimes.start(RuntimeConfig.builder().cpus(1).minTileVolume(1000).build(), 1,
                List.of(new Both()))) {
            LogicalStore flat = rt.createStore(DType.FLOAT64, 400);
            flat.update(p -> {
                for (int i = 0; i < 400; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
                }
            });
            LogicalStore left = flat.delinearize(0, 4, 100).slice(1, 0, 50);
            LogicalStore ones = rt.createStore(DType.FLOAT64, 4, 50);
            rt.fill(ones, Scalar.of(1.0));
            launch(rt, "gpuinc", ones, left);
            var got = flat.physical().doubles();
            for (int i = 0; i < 400; i++) {
                assertEquals(i % 100 < 50 ? 1001.0 : i, got.get(i), "element " + i);
            }
        }
    }

    @Test
    void deviceTilesOfADelinearizedStoreCutInTheirLastDimensionAreAllKept() {
        // Two fake GPUs, each with its own memory, write the tiles of a 3 x 4 x 40 view of a 1-d
        // store cut along its last dimension, whose root bounds overlap; then the host reads it.
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(1).minTileVolume(16).tileGranule(8).build();
        try (LegateRuntime rt = dev.legate.core.internal.RuntimeImpl.start(cfg, List.of(
                new TestProvider.Factory("test-cpu", 1, false), new TestProvider.Factory("test-gpu", 1, true, true),
                new TestProvider.Factory("test-gpu-b", 1, true, true)), List.of(new Both()))) {
            assertEquals(2, rt.machine().count(ProcessorKind.GPU));
            LogicalStore ones = rt.createStore(DType.FLOAT64, 480);
            rt.fill(ones, Scalar.of(1.0));
            LogicalStore flat = rt.createStore(DType.FLOAT64, 480);
            rt.fill(flat, Scalar.of(-1.0));
            flat.physical();
            AutoTask t = rt.createTask(rt.library("both").task("gpuinc"));
            Variable a = t.addInput(ones.delinearize(0, 3, 4, 40));
            Variable b = t.addOutput(flat.delinearize(0, 3, 4, 40));
            t.addConstraint(Constraint.align(a, b));
            t.addConstraint(Constraint.broadcast(b, 0, 1));
            t.execute();
            var got = flat.physical().doubles();
            for (int i = 0; i < 480; i++) {
                assertEquals(1001.0, got.get(i), "element " + i);
            }
        }
    }
}
