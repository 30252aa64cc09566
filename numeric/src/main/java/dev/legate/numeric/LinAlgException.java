package dev.legate.numeric;

import dev.legate.core.LegateException;

/**
 * NumPy's {@code LinAlgError}: a linear-algebra routine cannot complete for the given matrix
 * (singular in {@code solve}/{@code inv}, not positive definite in {@code cholesky}) or was
 * given arrays of the wrong rank or shape for it.
 */
public class LinAlgException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public LinAlgException(String message) {
        super(message);
    }
}
