package dev.legate.launcher;

/**
 * A reason not to run the program, reported as one line on standard error with {@link #status()}
 * as the exit status: 2 for a command line that is wrong, 1 for anything else.
 */
final class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    private LaunchException(String message, int status) {
        super(message.replace('\n', ' '));
        this.status = status;
    }

    /** A wrong command line: unknown option, bad value, missing jar, unknown example. */
    static LaunchException usage(String message) {
        return new LaunchException(message, 2);
    }

    /** Anything else that stops the launch, such as a plugin that cannot be loaded. */
    static LaunchException failure(String message) {
        return new LaunchException(message, 1);
    }

    /** The exit status to end with. */
    int status() {
        return status;
    }
}
