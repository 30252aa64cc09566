package dev.legate.cuda.internal.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.RuntimeConfig;
import org.junit.jupiter.api.Test;

/** The self-test library's CPU variants, through the core's annotated-task proxy (no GPU needed). */
class SelfTestTasksTest {
    @Test
    void cpuVariantsComputeWhatTheGpuVariantsAreCheckedAgainst() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(3).gpus(0).minTileVolume(1000).build())) {
            SelfTestTasks t = rt.tasks(SelfTestTasks.class);
            long n = 10_007;
            LogicalStore x = rt.createStore(DType.FLOAT64, n);
            LogicalStore y = rt.createStore(DType.FLOAT64, n);
            LogicalStore out = rt.createStore(DType.FLOAT64, n);
            SelfTest.writeRandom(x, 1);
            SelfTest.writeRandom(y, 2);
            t.axpy(out, x, y, 0.5);
            var o = out.physical().data().doubles();
            var xs = x.physical().data().doubles();
            var ys = y.physical().data().doubles();
            for (long i = 0; i < n; i++) {
                assertEquals(Math.fma(0.5, xs.get(i), ys.get(i)), o.get(i));
            }
            t.scaleShift(out, x, 3.0, 1.0);
            o = out.physical().data().doubles();
            for (long i = 0; i < n; i++) {
                assertEquals(3.0 * xs.get(i) + 1.0, o.get(i));
            }
            t.touch(x);
            rt.fence();
        }
    }

    @Test
    void stencilReadsAHaloAcrossTiles() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(3).gpus(0).minTileVolume(100).build())) {
            SelfTestTasks t = rt.tasks(SelfTestTasks.class);
            long n = 1_001;
            LogicalStore x = rt.createStore(DType.FLOAT64, n);
            LogicalStore out = rt.createStore(DType.FLOAT64, n);
            SelfTest.writeRandom(x, 3);
            t.stencil(out, x);
            var xs = x.physical().data().doubles();
            var o = out.physical().data().doubles();
            for (long i = 0; i < n; i++) {
                double want = (xs.get(Math.max(0, i - 1)) + xs.get(i)) + xs.get(Math.min(n - 1, i + 1));
                assertEquals(want, o.get(i), "element " + i);
            }
        }
    }

    @Test
    void gemmIsTheMatrixProduct() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(2).gpus(0).build())) {
            SelfTestTasks t = rt.tasks(SelfTestTasks.class);
            LogicalStore a = rt.createStore(DType.FLOAT64, 3, 2);
            LogicalStore b = rt.createStore(DType.FLOAT64, 4, 2);
            LogicalStore c = rt.createStore(DType.FLOAT64, 3, 4);
            a.update(p -> {
                for (int i = 0; i < 6; i++) {
                    p.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, p.origin() + i, i + 1);
                }
            });
            b.update(p -> {
                for (int i = 0; i < 8; i++) {
                    p.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, p.origin() + i, i - 3);
                }
            });
            t.gemm(c, a, b.transpose(1, 0));
            var pc = c.physical().data().doubles();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    double want = (2 * i + 1) * (2 * j - 3) + (2 * i + 2) * (2 * j + 1 - 3);
                    assertEquals(want, pc.get(i * 4L + j), "c[" + i + "][" + j + "]");
                }
            }
        }
    }
}
