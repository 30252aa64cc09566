package dev.legate.core.spi;

import dev.legate.core.RuntimeConfig;
import java.util.Optional;

/**
 * Discovers and starts a provider of processors and memories. Implementations are found with
 * {@link java.util.ServiceLoader}; they sit in an unexported package and are declared with
 * {@code provides dev.legate.core.spi.ProviderFactory with ...}.
 *
 * <p>{@link #unavailableReason()} must be cheap and must not load native code eagerly in a way
 * that leaves the JVM broken; {@link #create} does the real work.
 */
public interface ProviderFactory {
    /** A short, unique name such as {@code cpu} or {@code cuda}. */
    String name();

    /** Why this provider cannot run on this machine, or empty when it can. */
    Optional<String> unavailableReason();

    /** Starts the provider with the runtime's configuration. */
    Provider create(RuntimeConfig config);
}
