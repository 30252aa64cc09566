package dev.legate.core;

import dev.legate.core.internal.LibraryImpl;
import java.util.Set;

/** A library loaded into a runtime: its name, version and registered tasks. */
public sealed interface Library permits LibraryImpl {
    /** The library's name. */
    String name();

    /** The library's version. */
    Version version();

    /**
     * The task registered under {@code name}.
     *
     * @throws UnknownTaskException naming the library, the task and the tasks it does have
     */
    TaskId task(String name);

    /** Names of the registered tasks. */
    Set<String> taskNames();

    /** Which processor kinds the task has variants for. */
    Set<ProcessorKind> variants(TaskId task);
}
