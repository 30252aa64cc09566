package org.example.histogram.internal;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TaskSignature;
import dev.legate.core.Version;
import dev.legate.core.VersionRange;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.TaskRegistry;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The plugin's registration: one CPU task, {@code histogram}. */
public final class HistogramLibrary implements LegateLibrary {
    @Override
    public String name() {
        return "histogram";
    }

    @Override
    public Version version() {
        return new Version(2, 3, 0);
    }

    @Override
    public VersionRange coreApi() {
        return VersionRange.parse("[1.0,2.0)");
    }

    @Override
    public void register(TaskRegistry registry) {
        registry.register("histogram", new TaskSignature(1, 0, 1, 2), HistogramLibrary::histogram);
    }

    static void histogram(TaskContext ctx) {
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore counts = ctx.reduction(0).data();
        double lo = ctx.scalar(0).asDouble();
        double hi = ctx.scalar(1).asDouble();
        int bins = (int) counts.volume();
        long[] local = new long[bins];
        MemorySegment seg = in.segment();
        double scale = bins / (hi - lo);
        for (long i = 0, n = in.volume(); i < n; i++) {
            double v = seg.getAtIndex(ValueLayout.JAVA_DOUBLE, in.linearIndex(i));
            if (v >= lo && v < hi) {
                local[Math.min(bins - 1, (int) ((v - lo) * scale))]++;
            }
        }
        var acc = counts.longs();
        for (int b = 0; b < bins; b++) {
            acc.reduce(b, local[b]);
        }
    }
}
