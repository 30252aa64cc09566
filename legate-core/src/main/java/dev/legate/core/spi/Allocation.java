package dev.legate.core.spi;

import java.lang.foreign.MemorySegment;

/**
 * A block of memory handed out by a {@link MemorySpace}. The runtime owns it and releases
 * it with {@link #close()}; closing twice is an error the memory reports.
 */
public interface Allocation extends AutoCloseable {
    /** The memory this block belongs to. */
    MemorySpace memory();

    /** The size in bytes. */
    long size();

    /** The block's start address in its memory (host virtual address or device address). */
    long address();

    /**
     * The block as a host segment. Only host allocations have one; a device allocation throws
     * {@link UnsupportedOperationException}.
     */
    MemorySegment segment();

    /** Returns the block to its memory. */
    @Override
    void close();
}
