package dev.legate.core.spi;

import dev.legate.core.Processor;

/** The provider's side of a {@link Processor}: it runs {@link PointWork}. */
public interface ExecutionProcessor extends Processor {
    /**
     * Queues {@code work} to run on this processor. Returns at once; work runs in submission
     * order per processor unless the provider documents otherwise.
     */
    void execute(PointWork work);

    /** The memory tasks on this processor use, with its allocator. */
    @Override
    MemorySpace memory();
}
