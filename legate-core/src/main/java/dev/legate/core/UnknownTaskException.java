package dev.legate.core;

/** Thrown when a task name or id is not registered by the library asked; the message names the values involved. */
public class UnknownTaskException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public UnknownTaskException(String message) {
        super(message);
    }
}
