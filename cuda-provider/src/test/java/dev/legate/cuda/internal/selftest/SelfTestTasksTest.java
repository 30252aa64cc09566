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
}
