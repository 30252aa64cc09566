package dev.legate.core.internal;

import dev.legate.core.TaskContext;

/** The point task running on the current thread, for {@link dev.legate.core.Tasks#context()}. */
public final class CurrentTask {
    private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

    private CurrentTask() {
    }

    /** The running task's context. */
    public static TaskContext get() {
        TaskContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("not inside a task body: Tasks.context() is only valid while a task runs");
        }
        return c;
    }

    static TaskContext swap(TaskContext c) {
        TaskContext old = CURRENT.get();
        CURRENT.set(c);
        return old;
    }
}
