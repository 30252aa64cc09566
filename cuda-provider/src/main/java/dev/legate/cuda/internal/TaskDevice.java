package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.spi.Allocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUevent;
import jcuda.driver.CUstream;

/**
 * The device side of one unit of work on a {@link GpuProcessor}: what a GPU variant sees as its
 * {@link DeviceContext}, and what the processor's copies go through. It records which of the
 * processor's streams the work enqueued on, so that completion waits for exactly those, and the
 * scratch memory to free once they are done.
 *
 * <p>Used only on the processor's thread, during {@code PointWork.run}.
 */
final class TaskDevice implements DeviceContext {
    static final int TASK = 0;
    static final int H2D = 1;
    static final int D2H = 2;
    private final GpuProcessor processor;
    private final boolean[] used = new boolean[3];
    /** The stream this unit enqueued on last (-1 before the first). */
    private int last = -1;
    /** Events that order this unit's streams among themselves; returned to the pool on completion. */
    private List<CUevent> joins;
    private List<Allocation> scratch;

    TaskDevice(GpuProcessor processor) {
        this.processor = processor;
    }

    GpuProcessor processor() {
        return processor;
    }

    /**
     * The processor's stream of the given kind, marked as used by this work. On first use it is
     * ordered after the device work of earlier units on the other streams; and whenever this unit
     * moves from one stream to another, the new one waits (on the device) for what the unit put on
     * the previous one, so a unit's copies and kernels run in the order it issued them (an
     * identity buffer's upload before the kernel that reduces into it, the kernel before the
     * download of its partial results).
     */
    CUstream use(int kind) {
        if (!used[kind]) {
            processor.orderStream(kind);
            used[kind] = true;
        }
        if (last >= 0 && last != kind) {
            if (joins == null) {
                joins = new ArrayList<>(2);
            }
            joins.add(processor.join(last, kind));
        }
        last = kind;
        return processor.stream(kind);
    }

    /** The events {@link #use} recorded to order this unit's streams. */
    List<CUevent> joins() {
        return joins == null ? List.of() : joins;
    }

    /** Which streams this work used, by kind. */
    boolean[] usedStreams() {
        return used.clone();
    }

    @Override
    public int ordinal() {
        return processor.device().ordinal;
    }

    @Override
    public long stream() {
        return Handles.address(use(TASK));
    }

    @Override
    public Kernel kernel(String module, Supplier<byte[]> ptx, String function) {
        return processor.kernels().function(module, ptx, function);
    }

    @Override
    public void launch(Kernel kernel, int[] grid, int[] block, int sharedBytes, Object... args) {
        if (!(kernel instanceof Kernels.Function f)) {
            throw new IllegalArgumentException("kernel " + kernel + " was not loaded by this device's kernel() method");
        }
        int[] g = dims("grid", grid, f);
        int[] b = dims("block", block, f);
        if (sharedBytes < 0) {
            throw new IllegalArgumentException("shared memory of launch of " + f.name() + " is negative: " + sharedBytes);
        }
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = switch (args[i]) {
                case Integer v -> Pointer.to(new int[] {v});
                case Long v -> Pointer.to(new long[] {v});
                case Float v -> Pointer.to(new float[] {v});
                case Double v -> Pointer.to(new double[] {v});
                case PhysicalStore s -> Pointer.to(new long[] {address(s)});
                case null -> throw new IllegalArgumentException("argument " + i + " of kernel " + f.name() + " is null");
                default -> throw new IllegalArgumentException("argument " + i + " of kernel " + f.name() + " is a "
                        + args[i].getClass().getName() + "; pass Integer, Long, Float, Double or PhysicalStore");
            };
        }
        Cuda.check(cuLaunchKernel(f.handle(), g[0], g[1], g[2], b[0], b[1], b[2], sharedBytes, use(TASK),
                Pointer.to(params), null), "cuLaunchKernel(" + f.name() + ", grid " + java.util.Arrays.toString(grid)
                + ", block " + java.util.Arrays.toString(block) + ", " + sharedBytes + " bytes shared) on gpu " + ordinal());
    }

    private static int[] dims(String what, int[] d, Kernels.Function f) {
        if (d == null || d.length < 1 || d.length > 3) {
            throw new IllegalArgumentException(what + " of launch of " + f.name() + " must have 1 to 3 extents, got "
                    + java.util.Arrays.toString(d));
        }
        int[] out = {1, 1, 1};
        for (int i = 0; i < d.length; i++) {
            if (d[i] < 1) {
                throw new IllegalArgumentException(what + " of launch of " + f.name() + " has extent " + d[i]
                        + " in dimension " + i + "; extents must be >= 1");
            }
            out[i] = d[i];
        }
        return out;
    }

    /** A 1-d launch of a grid-stride kernel over {@code n} elements. */
    void launch1d(Kernel kernel, long n, Object... args) {
        long blocks = Math.max(1, Math.min((n + 255) / 256, processor.maxBlocks()));
        launch(kernel, new int[] {(int) blocks}, new int[] {256}, 0, args);
    }

    @Override
    public long address(PhysicalStore store) {
        if (store.deviceAddress() == 0) {
            throw new IllegalArgumentException(store + " is in host memory; a GPU variant receives tiles in device memory");
        }
        if (store.isBitmap()) {
            long bit = store.origin();
            if (bit % 8 != 0) {
                throw new IllegalArgumentException("bitmap tile " + store + " starts at bit " + bit
                        + ", inside a byte; pass deviceAddress() and origin() to the kernel instead");
            }
            return store.deviceAddress() + bit / 8;
        }
        return store.deviceAddress() + store.origin() * store.type().size();
    }

    @Override
    public long scratch(long bytes) {
        Allocation a = processor.memory().allocate(bytes);
        if (scratch == null) {
            scratch = new ArrayList<>(2);
        }
        scratch.add(a);
        return a.address();
    }

    @Override
    public void copyToHost(long deviceAddress, java.lang.foreign.MemorySegment destination) {
        long bytes = destination.byteSize();
        if (bytes == 0) {
            return;
        }
        CUstream s = use(TASK);
        Cuda.check(jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync(Handles.host(destination.address()),
                Handles.device(deviceAddress), bytes, s), "cuMemcpyDtoHAsync(" + bytes + " bytes) on gpu " + ordinal());
        Cuda.check(jcuda.driver.JCudaDriver.cuStreamSynchronize(s), "cuStreamSynchronize after a copy to the host on gpu "
                + ordinal());
    }

    @Override
    public DeviceProperties properties() {
        GpuDevice d = processor.device();
        return new DeviceProperties(d.name, d.computeMajor, d.computeMinor, d.multiprocessors, d.sharedMemoryPerBlock,
                d.totalMemory);
    }

    /** Scratch blocks to free after the work's stream work. */
    List<Allocation> scratchBlocks() {
        return scratch == null ? List.of() : scratch;
    }
}
