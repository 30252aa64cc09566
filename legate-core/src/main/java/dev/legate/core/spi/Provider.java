package dev.legate.core.spi;

import dev.legate.core.TaskBody;
import java.util.List;
import java.util.Map;

/**
 * A started provider: the processors and memories it contributes to a runtime. Closed by the
 * runtime when it shuts down, after all work has finished.
 */
public interface Provider extends AutoCloseable {
    /** The provider's name, as its factory reports it. */
    String name();

    /** The processors this provider runs work on, in index order. */
    List<? extends ExecutionProcessor> processors();

    /** The memories this provider owns. */
    List<? extends MemorySpace> memories();

    /**
     * Copies {@code bytes} bytes at the given offsets from {@code src} to {@code dst}, where at
     * least one of the two belongs to this provider. Runs on the calling thread, which is a
     * processor thread of this provider when one of the memories is a device memory;
     * asynchronous device copies go on that processor's stream.
     */
    void copy(Allocation src, long srcOffset, Allocation dst, long dstOffset, long bytes);

    /**
     * Variants of the runtime's own tasks for this provider's processors, by task name:
     * {@code "fill"} (output 0 set to scalar 0) and {@code "copy"} (input 0 copied to output 0,
     * same shape and type, any strides). Providers of CPU processors need none: the core has
     * host variants.
     */
    default Map<String, TaskBody> coreVariants() {
        return Map.of();
    }

    /**
     * A block of the runtime's host memory is about to be returned to the system: forget what is
     * kept for it (such as its page-locked registration). Called on the freeing thread.
     */
    default void hostBlockFreed(Allocation block) {
    }

    /** A multi-line human-readable description for {@code --show-config}. */
    String describe();

    /** Stops the provider's threads and releases its resources. */
    @Override
    void close();
}
