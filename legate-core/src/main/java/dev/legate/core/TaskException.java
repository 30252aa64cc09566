package dev.legate.core;

/**
 * A point task failed. Thrown at the next synchronisation after the failure (a host read,
 * a future's value, a fence, closing the runtime); names the library, the task, the point
 * and, as its cause, what the task body threw. The runtime stays usable afterwards; the
 * contents of stores the failed task wrote are unspecified.
 */
public class TaskException extends LegateException {
    private static final long serialVersionUID = 1L;
    private final String library;
    private final String task;
    private final Point point;

    /** A failure of {@code library.task} at {@code point}. */
    public TaskException(String library, String task, Point point, Throwable cause) {
        super("task " + library + "." + task + " failed at point " + point + ": " + cause, cause);
        this.library = library;
        this.task = task;
        this.point = point;
    }

    /** The library that registered the task. */
    public String library() {
        return library;
    }

    /** The task's name. */
    public String task() {
        return task;
    }

    /** The point of the failed point task in its launch domain. */
    public Point point() {
        return point;
    }
}
