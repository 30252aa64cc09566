package dev.legate.core;

import java.util.function.Supplier;

/**
 * What a GPU variant sees of its device: the task's stream, kernels loaded from PTX, and the
 * device addresses of its tiles. Implemented by a GPU provider; libraries need no CUDA binding
 * of their own to launch their kernels.
 *
 * <p>Everything enqueued on {@link #stream()} during the variant belongs to the point task:
 * the runtime considers the task finished when that work has finished.
 */
public interface DeviceContext {
    /** The device ordinal of the GPU. */
    int ordinal();

    /** The raw {@code CUstream} handle of this task's stream. */
    long stream();

    /**
     * The function {@code function} of the PTX module {@code module}; the module is loaded
     * once per device from {@code ptx} (called at most once) and cached.
     */
    Kernel kernel(String module, Supplier<byte[]> ptx, String function);

    /**
     * Launches {@code kernel} on this task's stream. Arguments are passed by value:
     * {@link Integer}, {@link Long}, {@link Float}, {@link Double}, and {@link PhysicalStore}
     * (passed as the device address of the tile's first element).
     */
    void launch(Kernel kernel, int[] grid, int[] block, int sharedBytes, Object... args);

    /** The device address of the first element of {@code store}'s tile. */
    long address(PhysicalStore store);

    /** Device scratch memory of {@code bytes} bytes, valid until the task finishes. */
    long scratch(long bytes);

    /** A loaded device function. */
    interface Kernel {
        /** The function's name in its module. */
        String name();
    }
}
