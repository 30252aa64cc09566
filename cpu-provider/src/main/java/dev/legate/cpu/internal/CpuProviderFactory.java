package dev.legate.cpu.internal;

import dev.legate.core.RuntimeConfig;
import dev.legate.core.spi.Provider;
import dev.legate.core.spi.ProviderFactory;
import java.util.Optional;

/** Finds the CPU provider; it is available everywhere. */
public final class CpuProviderFactory implements ProviderFactory {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Provider create(RuntimeConfig config) {
        return new CpuProvider(config);
    }
}
