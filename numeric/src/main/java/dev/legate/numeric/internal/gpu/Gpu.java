package dev.legate.numeric.internal.gpu;

import dev.legate.core.DeviceContext;
import dev.legate.core.TaskContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Supplier;

/**
 * What the GPU variants share: the device of a task, the library's hand-written kernels
 * ({@code src/main/cuda/numeric.cu}, compiled by {@code scripts/gpu-ptx} into the committed resource
 * {@code numeric.ptx} beside this class and loaded once per GPU), launch sizes, and the error flag
 * through which kernels report what the CPU variants throw.
 */
final class Gpu {
    /** The hand-written module's name, unique among the modules loaded into one GPU. */
    static final String MODULE = "legate.numeric";
    /** Threads per block of most kernels. */
    static final int THREADS = 256;
    /** Most blocks of a grid-stride launch. */
    static final long MAX_BLOCKS = 1 << 20;
    private static final Supplier<byte[]> PTX = Gpu::ptx;

    private Gpu() {
    }

    private static byte[] ptx() {
        try (InputStream in = Gpu.class.getResourceAsStream("numeric.ptx")) {
            if (in == null) {
                throw new IllegalStateException("PTX resource numeric.ptx is missing from module dev.legate.numeric");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PTX resource numeric.ptx", e);
        }
    }

    /** The device of a GPU variant. */
    static DeviceContext device(TaskContext ctx) {
        return ctx.device().orElseThrow(() -> new IllegalStateException("GPU variant of " + ctx.task()
                + " ran without a device on processor " + ctx.processor().name()));
    }

    /** Function {@code name} of the hand-written module on this device. */
    static DeviceContext.Kernel kernel(DeviceContext d, String name) {
        return d.kernel(MODULE, PTX, name);
    }

    /** Blocks of {@code threads} threads for {@code n} items, between 1 and {@link #MAX_BLOCKS}. */
    static int blocks(long n, int threads) {
        return (int) Math.max(1, Math.min((n + threads - 1) / threads, MAX_BLOCKS));
    }

    /** A grid-stride launch of hand-written kernel {@code name} over {@code n} items (none when n is 0). */
    static void launch(DeviceContext d, String name, long n, Object... args) {
        if (n <= 0) {
            return;
        }
        d.launch(kernel(d, name), new int[] {blocks(n, THREADS)}, new int[] {THREADS}, 0, args);
    }

    /** A zeroed device word for a kernel's error flag, valid until the task finishes. */
    static long errorFlag(DeviceContext d) {
        long flag = d.scratch(8);
        d.launch(kernel(d, "numeric_clear_flag"), new int[] {1}, new int[] {1}, 0, flag);
        return flag;
    }

    /** The value of the error flag at {@code flag} once the task's kernels so far have run (waits for them). */
    static int readFlag(DeviceContext d, long flag) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment host = arena.allocate(8, 8);
            d.copyToHost(flag, host);
            return host.get(ValueLayout.JAVA_INT, 0);
        }
    }
}
