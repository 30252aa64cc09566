package dev.legate.core;

/** Thrown when a task launch has the wrong number or kind of arguments; the message names the values involved. */
public class TaskArgumentException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public TaskArgumentException(String message) {
        super(message);
    }
}
