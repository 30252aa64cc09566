package dev.legate.sparse;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.RuntimeConfig;
import java.util.function.Supplier;

/** Runtimes for tests: tiny tiles so that small matrices are split among processors. */
final class Runtimes {
    private Runtimes() {
    }

    /** A runtime with {@code cpus} processors and tiles down to 2 elements. */
    static LegateRuntime start(int cpus) {
        return Legate.start(RuntimeConfig.builder().cpus(cpus).minTileVolume(2).tileGranule(1).build());
    }

    /** Runs {@code body} with {@code rt} as the default runtime. */
    static <T> T on(LegateRuntime rt, Supplier<T> body) {
        LegateRuntime old = Legate.setDefault(rt);
        try {
            return body.get();
        } finally {
            Legate.setDefault(old);
        }
    }
}
