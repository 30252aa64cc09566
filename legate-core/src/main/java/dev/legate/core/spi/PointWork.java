package dev.legate.core.spi;

import dev.legate.core.DeviceContext;
import java.util.Optional;

/**
 * One unit of work the runtime hands to an {@link ExecutionProcessor}: a point task or a copy.
 * The processor calls {@link #run} on its own thread and then {@link #completed} exactly once,
 * after everything the work enqueued (for a GPU: on the stream) has finished.
 *
 * <p>An {@linkplain ExecutionProcessor#inOrder() in-order} processor also calls
 * {@link #issued} once {@link #run} has returned without throwing and before
 * {@link #completed}: work it is given afterwards runs after this work's device work, so the
 * runtime may hand it successors at once instead of waiting for completion.
 */
public interface PointWork {
    /** Runs the work on the calling processor thread; {@code device} is present on GPUs. */
    void run(Optional<DeviceContext> device);

    /** Reports that the work is enqueued on an in-order processor (see the class comment). */
    default void issued() {
    }

    /** Reports completion; {@code failure} is what {@link #run} threw, or null. */
    void completed(Throwable failure);
}
