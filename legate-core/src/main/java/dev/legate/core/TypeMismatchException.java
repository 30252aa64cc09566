package dev.legate.core;

/** Thrown when a value, store or operation has a type that does not fit the request; the message names the values involved. */
public class TypeMismatchException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public TypeMismatchException(String message) {
        super(message);
    }
}
