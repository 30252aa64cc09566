package org.example.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.Library;
import dev.legate.core.LogicalStore;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Version;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The plugin is discovered on the module path and its task runs on stores made by the core. */
class HistogramTest {
    @Test
    void pluginIsDiscoveredAndItsTaskRuns() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(3).minTileVolume(1000).tileGranule(1)
                .build())) {
            Library lib = rt.library("histogram");
            assertEquals(new Version(2, 3, 0), lib.version());
            assertTrue(rt.describe().contains("histogram 2.3.0 (module org.example.histogram"), rt.describe());
            int n = 10_000;
            LogicalStore values = rt.createStore(DType.FLOAT64, n);
            values.update(p -> {
                for (int i = 0; i < n; i++) {
                    p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, (i * 37 % n) / (double) n);
                }
            });
            LogicalStore counts = Histogram.of(values, 10, 0.0, 1.0);
            var c = counts.physical().longs();
            for (int b = 0; b < 10; b++) {
                assertEquals(1000, c.get(b), "bin " + b);
            }
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeLaunching() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(1).build())) {
            LogicalStore ints = rt.createStore(DType.INT32, 10);
            assertThrows(dev.legate.core.TypeMismatchException.class, () -> Histogram.of(ints, 4, 0, 1));
            LogicalStore v = rt.createStore(DType.FLOAT64, 10);
            assertThrows(IllegalArgumentException.class, () -> Histogram.of(v, 0, 0, 1));
        }
    }
}
