package dev.legate.numeric;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.RuntimeConfig;

/** Runtimes for tests: small tiles so that small arrays are split among processors. */
final class Runtimes {
    private Runtimes() {
    }

    /** A runtime with {@code cpus} processors, tiles of at least {@code minTile} elements and granule {@code granule}. */
    static LegateRuntime start(int cpus, long minTile, long granule) {
        return Legate.start(RuntimeConfig.builder().cpus(cpus).minTileVolume(minTile).tileGranule(granule).build());
    }

    /** Runs {@code body} with a runtime of {@code cpus} processors as the default, then closes it. */
    static <T> T with(int cpus, long minTile, long granule, java.util.function.Supplier<T> body) {
        try (LegateRuntime rt = start(cpus, minTile, granule)) {
            LegateRuntime old = Legate.setDefault(rt);
            try {
                return body.get();
            } finally {
                Legate.setDefault(old);
            }
        }
    }
}
