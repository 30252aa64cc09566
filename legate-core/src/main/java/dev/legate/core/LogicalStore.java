package dev.legate.core;

import dev.legate.core.internal.StoreImpl;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A lazy handle to an N-d typed store. Tasks that read or write it are recorded and run
 * asynchronously; the handle itself never waits, except where a method says so.
 *
 * <p>View methods ({@link #slice}, {@link #transpose}, {@link #promote}, {@link #project},
 * {@link #broadcast}, {@link #delinearize}) return new stores over the same data without
 * copying: a task writing a view changes what every other view of the same storage reads,
 * and the runtime orders tasks on overlapping views accordingly.
 *
 * <p>A store made with {@link LegateRuntime#createUnboundStore(DType)} has no size until the
 * task that writes it has run; {@link #shape()} then waits for that task.
 */
public sealed interface LogicalStore extends InputArray, OutputArray, ReductionArray permits StoreImpl {
    /** The element type. */
    @Override
    DType type();

    /** The extents; waits for the producer of an unbound store. */
    @Override
    Shape shape();

    /** The number of dimensions (1 for a store that is still unbound). */
    int ndim();

    /** The number of elements; waits for the producer of an unbound store. */
    long volume();

    /** Whether the size is still unknown because the producing task has not run yet. */
    boolean isUnbound();

    /** Whether this store is a view (not the whole of its storage in storage order). */
    boolean isView();

    /** Whether the two stores are views of the same storage. */
    boolean sharesStorage(LogicalStore other);

    /**
     * How many operations that write this store's storage (through this or any other view of
     * it, and {@link #update}) have been submitted so far, in program order: the count changes
     * when the write is launched, before it runs. Data derived from the store (a library's
     * reorganised copy, a cached plan) stays current while the count is unchanged, so libraries
     * key such caches on it.
     */
    long writeCount();

    /**
     * This store's view of another storage: the store that sees the storage of {@code whole} (a
     * store that is no view, of this store's storage's type and shape) exactly as this store sees
     * its own. A copy of a storage so stands in for it under every view (copy-on-write).
     *
     * @throws IllegalArgumentException when {@code whole} is a view, or its type or shape differ
     *         from this store's storage's
     */
    LogicalStore sameViewOf(LogicalStore whole);

    /**
     * Elements {@code start .. stop-1} of dimension {@code dim}.
     *
     * @throws IndexOutOfBoundsException when {@code 0 <= start <= stop <= extent} does not hold
     */
    LogicalStore slice(int dim, long start, long stop);

    /**
     * Every {@code step}-th element of dimension {@code dim} from {@code start} while before
     * {@code stop} ({@code step > 0}) or after it ({@code step < 0}), as Python's
     * {@code start:stop:step} with bounds already normalised ({@code stop} may be -1 for a
     * negative step that runs to the first element).
     */
    LogicalStore slice(int dim, long start, long stop, long step);

    /** The dimensions permuted: dimension {@code d} of the result is {@code axes[d]} of this store. */
    LogicalStore transpose(int... axes);

    /** A new dimension of extent {@code size} inserted at {@code dim}; every value repeats along it. */
    LogicalStore promote(int dim, long size);

    /** The {@code (ndim-1)}-d store at index {@code index} of dimension {@code dim}. */
    LogicalStore project(int dim, long index);

    /** Dimension {@code dim}, of extent 1, repeated {@code size} times. */
    LogicalStore broadcast(int dim, long size);

    /** Dimension {@code dim} split row-major into dimensions of the given extents. */
    LogicalStore delinearize(int dim, long... sizes);

    /** A tiling of this store into tiles of the given shape (the last tiles may be smaller). */
    Tiling partitionByTiling(long... tileShape);

    /** The partition the runtime last chose for this store as a key store, if any. */
    Optional<Partition> keyPartition();

    /**
     * Maps the whole store into host memory for reading, after the tasks that write it have
     * finished. The mapping is a snapshot of that moment's data; it is read-only.
     */
    @Override
    PhysicalArray physical();

    /**
     * Waits for the tasks that use this store, then lets {@code writer} write the whole store in
     * host memory (a writable {@link PhysicalStore} over the full extent). Later tasks see the
     * writes.
     */
    void update(Consumer<PhysicalStore> writer);

    /**
     * The value of a store of one element (such as a 0-d reduction result), waiting for the
     * tasks that produce it.
     */
    Scalar readScalar();

    /** The runtime this store belongs to. */
    LegateRuntime runtime();
}
