package dev.legate.cuda;

import dev.legate.core.LegateException;

/**
 * Thrown when a CUDA library that {@link Blas} or {@link RuntimeCompiler} calls is not installed,
 * does not load, or reports an error; the message names the library, the call and the status.
 */
public class CudaLibraryException extends LegateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public CudaLibraryException(String message) {
        super(message);
    }

    /** An exception with the given message and cause. */
    public CudaLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
