package dev.legate.core.spi;

import dev.legate.core.DeviceContext;
import java.util.Optional;

/**
 * One unit of work the runtime hands to an {@link ExecutionProcessor}: a point task or a copy.
 * The processor calls {@link #run} on its own thread and then {@link #completed} exactly once,
 * after everything the work enqueued (for a GPU: on the stream) has finished.
 */
public interface PointWork {
    /** Runs the work on the calling processor thread; {@code device} is present on GPUs. */
    void run(Optional<DeviceContext> device);

    /** Reports completion; {@code failure} is what {@link #run} threw, or null. */
    void completed(Throwable failure);
}
