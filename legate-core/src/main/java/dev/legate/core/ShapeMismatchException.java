package dev.legate.core;

/** Thrown when two stores or arrays whose shapes had to agree do not; the message names the values involved. */
public class ShapeMismatchException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public ShapeMismatchException(String message) {
        super(message);
    }
}
