package dev.legate.core.spi;

import dev.legate.core.Memory;

/** The provider's side of a {@link Memory}: it allocates blocks with accounting. */
public interface MemorySpace extends Memory {
    /**
     * Allocates {@code bytes} bytes aligned to 64 bytes. Contents are unspecified.
     *
     * @throws OutOfMemoryError naming this memory, the request and the bytes in use, when the
     *         memory's capacity would be exceeded even after releasing cached blocks
     */
    Allocation allocate(long bytes);

    /**
     * Releases blocks kept for reuse. Called by the runtime when memory is tight and before
     * leak checks.
     */
    void trim();

    /**
     * Registers {@code listener} to be called with each block whose memory is about to go back to
     * the system (not when a block is merely kept for reuse), on the thread that frees it. The
     * runtime registers one for its host memory so that other providers can drop what they keep
     * per host block (page-locked registrations). Memories that never return memory need not
     * call anything.
     */
    default void addFreeListener(java.util.function.Consumer<Allocation> listener) {
    }

    /**
     * Checks that every allocation was returned; called when the runtime closes.
     *
     * @return one line per live allocation (size and who allocated it), empty when none leaked
     */
    java.util.List<String> leaks();
}
