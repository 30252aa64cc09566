package dev.legate.bench.numeric;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;

/**
 * The core's cost per small operation, without numeric: per round a new 1,000-element store,
 * a copy into it, a 10-element slice copy, a 0-d fill and a read of that scalar (the shape of
 * numeric's small-array loop). Prints microseconds per operation for each batch of 2,500
 * rounds; on this machine class it alternates between a few and ~30 us/op, the latter matching
 * runs with {@code -Dlegate.inline=false}.
 *
 * <p>Run: {@code MAIN=CoreSmallOps bench/numeric/run.sh}.
 */
public final class CoreSmallOps {
    private CoreSmallOps() {
    }

    /** Runs ten batches. */
    public static void main(String[] args) {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().build())) {
            LogicalStore b = rt.createStore(DType.FLOAT64, 1000);
            rt.fill(b, Scalar.of(2.0));
            for (int rep = 0; rep < 10; rep++) {
                long t0 = System.nanoTime();
                LogicalStore cur = rt.createStore(DType.FLOAT64, 1000);
                rt.fill(cur, Scalar.of(1.0));
                for (int i = 0; i < 2500; i++) {
                    LogicalStore next = rt.createStore(DType.FLOAT64, 1000);
                    rt.copy(cur, next);
                    rt.copy(b.slice(0, 0, 10), next.slice(0, 10, 20));
                    LogicalStore s = rt.createStore(DType.FLOAT64, Shape.of());
                    rt.fill(s, Scalar.of(3.0));
                    s.readScalar();
                    cur = next;
                }
                System.out.printf("core-small-ops batch=%d us_per_op=%.2f%n", rep,
                        (System.nanoTime() - t0) / 1e3 / 10000);
            }
        }
    }
}
