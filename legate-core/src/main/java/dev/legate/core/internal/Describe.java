package dev.legate.core.internal;

import dev.legate.core.LegateRuntime;
import dev.legate.core.Memory;
import dev.legate.core.ProcessorKind;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.spi.Provider;
import java.util.Collection;
import java.util.Map;

/** The {@code --show-config} text. */
final class Describe {
    private Describe() {
    }

    static String text(RuntimeImpl rt, Collection<Provider> providers, Collection<LibraryImpl> libs) {
        RuntimeConfig c = rt.config();
        StringBuilder sb = new StringBuilder();
        sb.append("Legate for Java, core API ").append(LegateRuntime.CORE_API_VERSION).append(" on Java ")
                .append(Runtime.version()).append('\n');
        sb.append("Machine:\n");
        sb.append("  CPUs: ").append(rt.machine().count(ProcessorKind.CPU)).append('\n');
        sb.append("  GPUs: ").append(rt.machine().count(ProcessorKind.GPU)).append('\n');
        for (Memory m : rt.machine().memories()) {
            sb.append("  memory ").append(m.name()).append(" (").append(m.kind()).append("): ")
                    .append(m.capacity() == Long.MAX_VALUE ? "no limit" : mib(m.capacity())).append(", ")
                    .append(mib(m.used())).append(" in use\n");
        }
        sb.append("Providers:\n");
        for (Provider p : providers) {
            sb.append("  ").append(p.name()).append(": ").append(p.describe().replace("\n", "\n    ")).append('\n');
        }
        for (Map.Entry<String, String> e : rt.machine().unavailable().entrySet()) {
            sb.append("  ").append(e.getKey()).append(": unavailable: ").append(e.getValue()).append('\n');
        }
        sb.append("Libraries:\n");
        for (LibraryImpl l : libs) {
            sb.append("  ").append(l.name()).append(' ').append(l.version()).append(" (").append(l.origin())
                    .append(", ").append(l.taskNames().size()).append(" tasks)\n");
        }
        sb.append("Settings: window ").append(c.windowSize()).append(" ops, min tile ").append(c.minTileVolume())
                .append(" elements, tile granule ").append(c.tileGranule()).append(", inline small tasks ")
                .append(c.inlineSmallTasks()).append(c.profile().map(p -> ", profile " + p).orElse("")).append('\n');
        return sb.toString();
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}
