package dev.legate.sparse.internal;

import dev.legate.core.Version;
import dev.legate.core.VersionRange;
import dev.legate.core.spi.LegateLibrary;
import dev.legate.core.spi.TaskRegistry;

/** The sparse library as the runtime sees it: its name, versions and tasks. */
public final class SparseLibrary implements LegateLibrary {
    /** The library's name. */
    public static final String NAME = "sparse";

    /** Made by {@link java.util.ServiceLoader}. */
    public SparseLibrary() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Version version() {
        return new Version(0, 1, 0);
    }

    @Override
    public VersionRange coreApi() {
        return VersionRange.parse("[1.0,2.0)");
    }

    @Override
    public void register(TaskRegistry registry) {
        for (SparseTask t : SparseTask.values()) {
            registry.register(t.taskName(), t.signature(), t.variants());
        }
    }
}
