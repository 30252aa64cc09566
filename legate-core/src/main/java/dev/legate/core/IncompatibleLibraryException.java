package dev.legate.core;

/** Thrown when a library needs a core API version this runtime does not provide; the message names the values involved. */
public class IncompatibleLibraryException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public IncompatibleLibraryException(String message) {
        super(message);
    }
}
