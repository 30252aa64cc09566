package dev.legate.cuda.internal.selftest;

import static dev.legate.cuda.internal.selftest.Report.require;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Memory;
import dev.legate.core.MemoryKind;
import dev.legate.core.PhysicalStore;
import dev.legate.core.ProcessorKind;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Scope;
import java.util.List;

/**
 * Multi-GPU code paths on one GPU: a runtime with {@code cuda.logicalGpus=2} has two GPU
 * processors with their own memories on the same device, so stores split between them need
 * copies between GPU memories (the same-device route, or with {@code cuda.interGpuCopy=staged}
 * the route through page-locked host buffers that GPUs without peer access take). Checks a halo
 * exchange (a stencil whose input tiles are grown by one element), a gather of a split store onto
 * one GPU, and that the results equal the CPU's bit for bit.
 */
final class MultiGpuChecks {
    private MultiGpuChecks() {
    }

    /** Runs the checks with copies between GPUs taking {@code route} ({@code auto} or {@code staged}). */
    static void run(Report r, String route) {
        RuntimeConfig config = RuntimeConfig.builder().gpus(2).fbmem(2L << 30).minTileVolume(4096)
                .option("cuda.logicalGpus", "2").option("cuda.interGpuCopy", route).build();
        try (LegateRuntime rt = Legate.start(config)) {
            r.check("logical GPUs (" + route + "): 2 processors, 2 memories on one device", () -> {
                require(rt.machine().count(ProcessorKind.GPU) == 2, "cuda.logicalGpus=2 gave "
                        + rt.machine().count(ProcessorKind.GPU) + " GPU processors");
                List<Memory> device = rt.machine().memories().stream().filter(m -> m.kind() == MemoryKind.DEVICE).toList();
                require(device.size() == 2, "device memories: " + device);
                return device.get(0).name() + " and " + device.get(1).name() + ", " + device.get(0).capacity() / (1 << 20)
                        + " MiB each";
            });
            SelfTestTasks t = rt.tasks(SelfTestTasks.class);
            long n = 2_000_003;
            LogicalStore x = rt.createStore(DType.FLOAT64, n);
            LogicalStore y = rt.createStore(DType.FLOAT64, n);
            SelfTest.writeRandom(x, 41);
            SelfTest.writeRandom(y, 42);
            LogicalStore split = rt.createStore(DType.FLOAT64, n);
            t.axpy(split, x, y, 2.0);
            r.check("halo exchange across logical GPUs (" + route + "): 3-point stencil, tiles grown by 1", () -> {
                LogicalStore out = rt.createStore(DType.FLOAT64, n);
                t.stencil(out, split);
                double[] s = host(split);
                PhysicalStore o = out.physical().data();
                var od = o.doubles();
                for (int i = 0; i < n; i++) {
                    double want = (s[Math.max(0, i - 1)] + s[i]) + s[(int) Math.min(n - 1, i + 1)];
                    require(Double.compare(od.get(i), want) == 0, "out[" + i + "] = " + od.get(i) + ", CPU gives " + want);
                }
                return "bitwise equal, " + n + " elements; " + copies(rt);
            });
            r.check("gather of a split store onto one logical GPU (" + route + ")", () -> {
                LogicalStore out = rt.createStore(DType.FLOAT64, n);
                LogicalStore again = rt.createStore(DType.FLOAT64, n);
                t.axpy(again, x, y, -3.0);
                try (Scope s = rt.scope().processors(ProcessorKind.GPU, 1, 2).open()) {
                    t.scaleShift(out, again, 2.0, 0.5);
                }
                var xs = x.physical().data().doubles();
                var ys = y.physical().data().doubles();
                var od = out.physical().data().doubles();
                for (long i = 0; i < n; i++) {
                    double want = 2.0 * Math.fma(-3.0, xs.get(i), ys.get(i)) + 0.5;
                    require(Double.compare(od.get(i), want) == 0, "out[" + i + "] = " + od.get(i) + ", CPU gives " + want);
                }
                return "written on gpu0 and gpu1, read whole on gpu1; " + copies(rt);
            });
        }
    }

    private static double[] host(LogicalStore s) {
        var d = s.physical().data().doubles();
        double[] out = new double[(int) d.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.get(i);
        }
        return out;
    }

    /** The provider's line about copies between GPUs. */
    private static String copies(LegateRuntime rt) {
        for (String line : rt.describe().split("\n")) {
            if (line.contains("copies between GPUs")) {
                return line.trim();
            }
        }
        return "(no line on copies between GPUs in describe())";
    }
}
