package dev.legate.core;

/**
 * Restricts the tasks launched by the current thread until {@link #close()}: to a slice of the
 * machine, and/or under a provenance name that traces and errors show. Scopes nest; closing
 * restores the enclosing one. Made by {@link LegateRuntime#scope()}.
 */
public interface Scope extends AutoCloseable {
    /** Restores the enclosing scope. */
    @Override
    void close();
}
