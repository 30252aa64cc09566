package dev.legate.sparse;

import dev.legate.core.LegateException;

/**
 * Thrown when arrays do not form a valid sparse matrix: row offsets that decrease, indices
 * outside the matrix, or column indices not sorted within a row. The message names the first
 * bad position and its values.
 */
public class SparseFormatException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public SparseFormatException(String message) {
        super(message);
    }
}
