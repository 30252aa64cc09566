package dev.legate.core;

/** The root of the runtime's unchecked exceptions. */
public class LegateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public LegateException(String message) {
        super(message);
    }

    /** An exception with the given message and cause. */
    public LegateException(String message, Throwable cause) {
        super(message, cause);
    }
}
