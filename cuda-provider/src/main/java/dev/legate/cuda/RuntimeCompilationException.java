package dev.legate.cuda;

/**
 * Thrown when NVRTC rejects CUDA C++ source given to {@link RuntimeCompiler}; {@link #log()} is
 * the compiler's log, which the message also holds.
 */
public class RuntimeCompilationException extends CudaLibraryException {
    private static final long serialVersionUID = 1L;
    private final String log;

    /** An exception for program {@code name} with the compiler's {@code log}. */
    public RuntimeCompilationException(String name, String status, String log) {
        super("NVRTC could not compile " + name + " (" + status + "):\n" + log);
        this.log = log;
    }

    /** The compiler's log. */
    public String log() {
        return log;
    }
}
