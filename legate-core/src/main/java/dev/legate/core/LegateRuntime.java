package dev.legate.core;

import dev.legate.core.internal.RuntimeImpl;
import java.util.List;

/**
 * A running instance of the Legate runtime: the machine it drives, the libraries it loaded and
 * the operations recorded on it.
 *
 * <p>Operations (task launches, fills, copies) are recorded and return at once. The runtime
 * partitions them, orders them by their accesses to overlapping store regions and runs
 * independent point tasks concurrently. Only reading data on the host ({@link
 * LogicalStore#physical()}, {@link LogicalStore#readScalar()}), {@link #fence()} and
 * {@link #close()} wait; a failure inside a point task is thrown as a {@link TaskException} at
 * the next of these.
 *
 * <p>Methods may be called from any thread; operations from different threads are ordered by
 * the order in which their calls return.
 */
public sealed interface LegateRuntime extends AutoCloseable permits RuntimeImpl {
    /** The version of the core API that libraries declare compatibility with. */
    Version CORE_API_VERSION = new Version(1, 0, 0);

    /** The configuration the runtime started with. */
    RuntimeConfig config();

    /** The processors and memories in use. */
    Machine machine();

    /** The loaded libraries. */
    List<Library> libraries();

    /**
     * The loaded library called {@code name}.
     *
     * @throws UnknownTaskException when no such library was loaded, listing those that were
     */
    Library library(String name);

    /** A new store of the given type and shape; its contents are unspecified until written. */
    LogicalStore createStore(DType type, Shape shape);

    /** A new store of the given type and extents. */
    default LogicalStore createStore(DType type, long... extents) {
        return createStore(type, Shape.of(extents));
    }

    /** A new 1-d store whose size is set by the task that writes it. */
    LogicalStore createUnboundStore(DType type);

    /** A new 0-d store holding {@code value}. */
    LogicalStore createScalarStore(Scalar value);

    /** A new validity bitmap store for a nullable 1-d array of {@code length} rows, all valid. */
    LogicalStore createBitmap(long length);

    /**
     * A new array; with {@code nullable} it carries a validity bitmap (1-d only) in which every
     * row starts valid. The data's contents are unspecified until written.
     */
    LogicalArray createArray(DType type, Shape shape, boolean nullable);

    /** A new string array holding {@code values}; null elements make it nullable. */
    LogicalArray createStringArray(List<String> values);

    /**
     * The processors a launch of {@code task} would run on if submitted now, in the current
     * scope: the GPUs of the scope when the task has a GPU variant and the scope has GPUs, else
     * its CPUs. Libraries use it to pick an algorithm or data layout for the target (a GPU's
     * cache size, for instance) before launching.
     */
    List<Processor> processorsFor(TaskId task);

    /** Records a launch of {@code task}, partitioned by the runtime. */
    AutoTask createTask(TaskId task);

    /** Records a launch of {@code task} over {@code launchShape}, partitioned by the caller. */
    ManualTask createTask(TaskId task, Shape launchShape);

    /** Records a fill of every element of {@code store} with {@code value}. */
    void fill(LogicalStore store, Scalar value);

    /** Records a copy of {@code src} into {@code dst}, which must have its shape and type. */
    void copy(LogicalStore src, LogicalStore dst);

    /**
     * An implementation of the annotated task interface {@code tasks}: each call of a method
     * annotated with {@link Task} launches that task. See {@link Task}.
     */
    <T> T tasks(Class<T> tasks);

    /** Starts analysing and running the operations recorded so far; does not wait. */
    void flush();

    /** Waits until every operation recorded so far has finished; throws the first task failure. */
    void fence();

    /** A builder for a {@link Scope} that applies to the calling thread. */
    ScopeBuilder scope();

    /** A description of the machine, the providers and the libraries, for {@code --show-config}. */
    String describe();

    /**
     * Waits for all operations, frees all stores, stops the providers and writes the profile if
     * one was asked for. Throws the first pending task failure, after shutting down.
     */
    @Override
    void close();

    /** Builds a {@link Scope}. */
    interface ScopeBuilder {
        /** Only processors {@code from .. to-1} of {@code kind} run tasks launched in the scope. */
        ScopeBuilder processors(ProcessorKind kind, int from, int to);

        /** Tasks launched in the scope carry this provenance in traces and errors. */
        ScopeBuilder provenance(String name);

        /** Opens the scope on the calling thread. */
        Scope open();
    }
}
