package dev.legate.numeric.internal.gpu;

import dev.legate.core.DType;
import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalArray;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Point;
import dev.legate.core.Processor;
import dev.legate.core.Rect;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TaskContext;
import dev.legate.core.TaskId;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A device and a task context without a GPU, for running the GPU variants' host code in tests:
 * generated sources are captured instead of compiled (see {@link Generated#compiler}) and launches
 * recorded instead of run.
 */
final class FakeGpu implements DeviceContext {
    /** A recorded launch. */
    record Launch(String function, int[] grid, int[] block, Object[] args) {
    }

    /** A loaded function. */
    record Fn(String module, String name) implements Kernel {
    }

    final List<Launch> launches = new ArrayList<>();
    final Map<String, byte[]> modules = new LinkedHashMap<>();
    private long next = 1L << 40;

    @Override
    public int ordinal() {
        return 0;
    }

    @Override
    public long stream() {
        return 0;
    }

    @Override
    public Kernel kernel(String module, Supplier<byte[]> ptx, String function) {
        modules.computeIfAbsent(module, m -> ptx.get());
        return new Fn(module, function);
    }

    @Override
    public void launch(Kernel kernel, int[] grid, int[] block, int sharedBytes, Object... args) {
        launches.add(new Launch(kernel.name(), grid.clone(), block.clone(), args.clone()));
    }

    @Override
    public long address(PhysicalStore store) {
        return store.deviceAddress() + store.origin() * store.type().size();
    }

    @Override
    public long scratch(long bytes) {
        long a = next;
        next += (bytes + 255) / 256 * 256;
        return a;
    }

    @Override
    public void copyToHost(long deviceAddress, MemorySegment destination) {
        destination.fill((byte) 0);
    }

    @Override
    public DeviceProperties properties() {
        return new DeviceProperties("fake H100", 9, 0, 132, 48 << 10, 80L << 30);
    }

    /** A tile in device memory at a made-up address: element p at {@code base + sum strides[d] p[d]}. */
    static PhysicalStore store(TypeCode t, long[] shape, Rect rect, long base, long[] strides) {
        return new PhysicalStore(new DType.Primitive(t), Shape.of(shape), rect, MemorySegment.NULL, 1L << 32, base,
                strides, true, Optional.empty(), false);
    }

    /** A dense row-major tile of the whole store. */
    static PhysicalStore dense(TypeCode t, long... shape) {
        long[] strides = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = acc;
            acc *= shape[d];
        }
        return store(t, shape, Shape.of(shape).rect(), 0, strides);
    }

    /** A task context over these tiles and scalars, running on this device. */
    TaskContext context(List<PhysicalStore> inputs, List<PhysicalStore> outputs, List<PhysicalStore> reductions,
                        List<Scalar> scalars) {
        FakeGpu self = this;
        return new TaskContext() {
            @Override
            public TaskId task() {
                throw new UnsupportedOperationException("no task id in tests");
            }

            @Override
            public List<PhysicalArray> inputs() {
                return arrays(inputs);
            }

            @Override
            public List<PhysicalArray> outputs() {
                return arrays(outputs);
            }

            @Override
            public List<PhysicalArray> reductions() {
                return arrays(reductions);
            }

            @Override
            public List<Scalar> scalars() {
                return scalars;
            }

            @Override
            public Point point() {
                throw new UnsupportedOperationException("no point in tests");
            }

            @Override
            public Shape launchShape() {
                return Shape.of(1);
            }

            @Override
            public Processor processor() {
                throw new UnsupportedOperationException("no processor in tests");
            }

            @Override
            public Optional<DeviceContext> device() {
                return Optional.of(self);
            }
        };
    }

    private static List<PhysicalArray> arrays(List<PhysicalStore> stores) {
        List<PhysicalArray> r = new ArrayList<>();
        for (PhysicalStore s : stores) {
            r.add(PhysicalArray.of(s, null));
        }
        return r;
    }
}
