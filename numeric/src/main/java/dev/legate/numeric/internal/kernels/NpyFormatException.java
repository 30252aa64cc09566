package dev.legate.numeric.internal.kernels;

/**
 * Thrown when bytes are not a valid {@code .npy} file this library reads: bad magic, unknown
 * version, malformed header, an unsupported dtype, or {@code fortran_order: True}. The message
 * names the offending value and its byte offset where one applies.
 */
public final class NpyFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem. */
    public NpyFormatException(String message) {
        super(message);
    }
}
