package dev.legate.core.internal;

import dev.legate.core.spi.LegateLibrary;
import java.util.List;

/** Test access to start-up checks. */
public final class RuntimeImplTestAccess {
    private RuntimeImplTestAccess() {
    }

    /** The libraries after the version check start-up applies to discovered libraries. */
    public static List<LegateLibrary> checked(List<LegateLibrary> libs) {
        return Bootstrap.checkLibraries(libs);
    }
}
