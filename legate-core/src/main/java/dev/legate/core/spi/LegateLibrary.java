package dev.legate.core.spi;

import dev.legate.core.Version;
import dev.legate.core.VersionRange;

/**
 * A library of tasks, discovered with {@link java.util.ServiceLoader} when a runtime starts.
 * In-tree libraries and third-party plugins use exactly this interface.
 *
 * <p>A library whose {@link #coreApi()} range does not contain the runtime's
 * {@link dev.legate.core.LegateRuntime#CORE_API_VERSION} is refused at start-up with an
 * {@link dev.legate.core.IncompatibleLibraryException} naming both versions.
 */
public interface LegateLibrary {
    /** The library's unique name, e.g. {@code numeric}. */
    String name();

    /** The library's own version. */
    Version version();

    /** The core API versions this library works with, e.g. {@code [1.0,2.0)}. */
    VersionRange coreApi();

    /** Registers the library's tasks; called once per runtime. */
    void register(TaskRegistry registry);
}
