package dev.legate.core;

import dev.legate.core.internal.RuntimeImpl;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.ProviderFactory;
import java.util.List;

/** Starts runtimes on the test provider. */
public final class TestRuntimes {
    private TestRuntimes() {
    }

    /** A runtime with {@code cpus} CPU processors and small tiles, so small stores get split. */
    public static LegateRuntime cpus(int cpus) {
        return start(cpus, 0, 64);
    }

    /** A runtime with CPUs and fake GPUs that have their own memory (host-backed). */
    public static LegateRuntime start(int cpus, int fakeGpus, long minTile) {
        return start(RuntimeConfig.builder().cpus(cpus).minTileVolume(minTile).tileGranule(8).build(), fakeGpus,
                List.of());
    }

    /** A runtime with the given configuration, fake GPUs and extra libraries. */
    public static LegateRuntime start(RuntimeConfig config, int fakeGpus, List<LegateLibrary> libs) {
        List<ProviderFactory> f = fakeGpus > 0
                ? List.of(new TestProvider.Factory("test-cpu", config.effectiveCpus(), false),
                new TestProvider.Factory("test-gpu", fakeGpus, true))
                : List.of(new TestProvider.Factory("test-cpu", config.effectiveCpus(), false));
        return RuntimeImpl.start(config, f, libs);
    }
}
