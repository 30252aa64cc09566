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

    /**
     * Copies {@code destination.byteSize()} bytes from device memory at {@code deviceAddress}
     * into {@code destination} and waits for the copy, which runs after everything this task
     * enqueued before. For the few variants that must know on the host what their kernels
     * produced, such as the size of an unbound output before binding it; it stalls the GPU's
     * host thread, so use it sparingly.
     */
    void copyToHost(long deviceAddress, java.lang.foreign.MemorySegment destination);

    /** What kernels need to know about the device to size their launches. */
    DeviceProperties properties();

    /**
     * A GPU's properties.
     *
     * @param name the device's name
     * @param computeMajor compute capability, major part
     * @param computeMinor compute capability, minor part
     * @param multiprocessors streaming multiprocessors
     * @param sharedMemoryPerBlock bytes of shared memory a block may use by default
     * @param totalMemory bytes of device memory
     */
    record DeviceProperties(String name, int computeMajor, int computeMinor, int multiprocessors,
                            int sharedMemoryPerBlock, long totalMemory) {
    }

    /** A loaded device function. */
    interface Kernel {
        /** The function's name in its module. */
        String name();
    }
}
