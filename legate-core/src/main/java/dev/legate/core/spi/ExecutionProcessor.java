package dev.legate.core.spi;

import dev.legate.core.Processor;

/** The provider's side of a {@link Processor}: it runs {@link PointWork}. */
public interface ExecutionProcessor extends Processor {
    /**
     * Queues {@code work} to run on this processor. Returns at once; work runs in submission
     * order per processor unless the provider documents otherwise.
     */
    void execute(PointWork work);

    /**
     * Whether work given to this processor runs strictly after the device work of everything
     * given to it before (a GPU with one stream). The processor then calls
     * {@link PointWork#issued()} and the runtime releases successors mapped to the same
     * processor at issue time.
     */
    default boolean inOrder() {
        return false;
    }

    /** The memory tasks on this processor use, with its allocator. */
    @Override
    MemorySpace memory();
}
