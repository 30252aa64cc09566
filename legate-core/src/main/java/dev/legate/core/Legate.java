package dev.legate.core;

import dev.legate.core.internal.RuntimeImpl;

/**
 * Entry points: start an explicit runtime, or use the default one, which starts on first use
 * with {@link RuntimeConfig#fromEnvironment()} and closes when the JVM exits.
 */
public final class Legate {
    private static volatile LegateRuntime defaultRuntime;

    private Legate() {
    }

    /** Starts a runtime with the given configuration; close it when done. */
    public static LegateRuntime start(RuntimeConfig config) {
        return RuntimeImpl.start(config);
    }

    /** The default runtime, started on first use and closed at JVM exit. */
    public static LegateRuntime runtime() {
        LegateRuntime rt = defaultRuntime;
        if (rt == null || ((RuntimeImpl) rt).isClosed()) {
            synchronized (Legate.class) {
                rt = defaultRuntime;
                if (rt == null || ((RuntimeImpl) rt).isClosed()) {
                    RuntimeImpl started = RuntimeImpl.start(RuntimeConfig.fromEnvironment());
                    Runtime.getRuntime().addShutdownHook(new Thread(started::closeQuietly, "legate-shutdown"));
                    defaultRuntime = rt = started;
                }
            }
        }
        return rt;
    }

    /**
     * Makes {@code runtime} the default runtime (for example one started with an explicit
     * configuration), returning the previous default, if any, without closing it.
     */
    public static LegateRuntime setDefault(LegateRuntime runtime) {
        synchronized (Legate.class) {
            LegateRuntime old = defaultRuntime;
            defaultRuntime = runtime;
            return old;
        }
    }

    /** {@code runtime().tasks(tasks)}. */
    public static <T> T tasks(Class<T> tasks) {
        return runtime().tasks(tasks);
    }
}
