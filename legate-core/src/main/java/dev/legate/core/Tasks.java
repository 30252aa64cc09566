package dev.legate.core;

import dev.legate.core.internal.CurrentTask;

/** Helpers for bodies of annotated {@link Task} methods. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * The context of the point task running on the calling thread.
     *
     * @throws IllegalStateException outside a task body
     */
    public static TaskContext context() {
        return CurrentTask.get();
    }
}
