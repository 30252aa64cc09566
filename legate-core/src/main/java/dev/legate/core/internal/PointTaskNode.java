package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.MemoryKind;
import dev.legate.core.PhysicalArray;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Point;
import dev.legate.core.Rect;
import dev.legate.core.Shape;
import dev.legate.core.TaskBody;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One point task of a launch: builds the tiles of its arguments and runs the variant. */
final class PointTaskNode extends Node {
    /** The launch; dropped once the task completed, so finished tasks do not keep its stores alive. */
    private TaskOp op;
    final dev.legate.core.TaskId taskId;
    final int color;
    /** The launch domain, for {@link #taskPoint()}. */
    private final Shape launch;
    /** The point in the launch domain; made from {@link #color} on first use. */
    private Point point;
    /** Reduction buffers by store argument index, for folded reductions. */
    Allocation[] partials;
    /** Parts of unbound outputs by store argument index, and their sizes. */
    Allocation[] parts;
    long[] partSizes;
    /**
     * Device-side buffers of a task on a GPU, by store argument index: reduction partials and
     * unbound parts, copied into the host buffers above once the body has run, and freed when
     * the task completes.
     */
    private Allocation[] deviceBuffers;

    /** A point of {@code op}, already counted in {@code group}. */
    PointTaskNode(RuntimeImpl rt, NodeGroup group, TaskOp op, int color, ExecutionProcessor proc) {
        super(rt, group, true);
        this.op = op;
        this.taskId = op.task.id();
        this.color = color;
        this.launch = op.launchShape();
        this.processor = proc;
    }

    /** The point in the launch domain. */
    Point taskPoint() {
        Point p = point;
        if (p == null) {
            p = launch.volume() == 1 ? Point.zero(launch.ndim())
                    : Point.delinearize(color, launch);
            point = p;
        }
        return p;
    }

    @Override
    void execute(Optional<DeviceContext> device) throws Exception {
        MemorySpace mem = processor.memory();
        TaskContextImpl ctx = new TaskContextImpl(op.task.id(), arrays(op.inputs, mem), arrays(op.outputs, mem),
                arrays(op.reductions, mem), op.scalars, taskPoint(), launch, processor, device);
        TaskBody body = op.task.variant(op.kind);
        var old = CurrentTask.swap(ctx);
        try {
            body.run(ctx);
        } finally {
            CurrentTask.swap(old);
        }
        if (deviceBuffers != null) {
            copyDeviceBuffersToHost(mem);
        }
    }

    /** Enqueues the copies of device partials and parts into their host buffers (stream order). */
    private void copyDeviceBuffersToHost(MemorySpace mem) {
        var provider = runtime.providerOf(mem);
        for (int i = 0; i < deviceBuffers.length; i++) {
            Allocation d = deviceBuffers[i];
            if (d == null) {
                continue;
            }
            if (partials != null && partials[i] != null) {
                provider.copy(d, 0, partials[i], 0, partials[i].size());
            } else if (parts != null) {
                long bytes = partSizes[i] * op.args.get(i).store.type().size();
                Allocation host = runtime.hostMemory().allocate(Math.max(1, bytes));
                if (bytes > 0) {
                    provider.copy(d, 0, host, 0, bytes);
                }
                parts[i] = host;
            }
        }
    }

    @Override
    void finished() {
        op = null;
        if (deviceBuffers != null) {
            for (int i = 0; i < deviceBuffers.length; i++) {
                if (deviceBuffers[i] != null) {
                    deviceBuffers[i].close();
                    deviceBuffers[i] = null;
                }
            }
        }
    }

    private void keepOnDevice(int index, Allocation a) {
        if (deviceBuffers == null) {
            deviceBuffers = new Allocation[op.args.size()];
        }
        deviceBuffers[index] = a;
    }

    private List<PhysicalArray> arrays(List<ArrayArg> list, MemorySpace mem) {
        if (list.isEmpty()) {
            return List.of();
        }
        if (list.size() == 1) {
            return List.of(array(list.get(0), mem));
        }
        List<PhysicalArray> out = new ArrayList<>(list.size());
        for (ArrayArg a : list) {
            out.add(array(a, mem));
        }
        return out;
    }

    private PhysicalArray array(ArrayArg a, MemorySpace mem) {
        PhysicalStore validity = a.validity == null ? null : store(a.validity, mem);
        if (a.offLo != null) {
            PhysicalStore lo = store(a.offLo, mem);
            Rect rows = lo.rect();
            PhysicalStore offsets = new PhysicalStore(lo.type(), a.array.offsets().shape(),
                    Rect.of1(rows.lo(0), rows.hi(0) + 1), lo.segment(), lo.deviceAddress(), lo.base(), lo.strides(),
                    false, Optional.empty(), false);
            return PhysicalArray.strings(a.array.shape(), rows, offsets, store(a.chars, mem), validity);
        }
        if (a.data.unbound()) {
            return PhysicalArray.unbound(a.data.store.type(), size -> bindPart(a.data, mem, size));
        }
        return PhysicalArray.of(store(a.data, mem), validity);
    }

    private PhysicalStore store(StoreArg a, MemorySpace mem) {
        Rect tile = op.tiles[a.index][color];
        Storage s = a.store.storage();
        Shape shape = a.shape;
        boolean host = mem.kind() == MemoryKind.HOST;
        if (a.privilege == Privilege.REDUCE && a.foldPartials) {
            long es = s.type.size();
            long bytes = Math.max(1, tile.volume() * es);
            Allocation buf = runtime.hostMemory().allocate(bytes);
            if (partials == null) {
                partials = new Allocation[op.args.size()];
            }
            partials[a.index] = buf;
            long[] strides = new long[tile.ndim()];
            long acc = 1;
            long base = 0;
            for (int d = strides.length - 1; d >= 0; d--) {
                strides[d] = acc;
                base -= acc * tile.lo(d);
                acc *= Math.max(1, tile.extent(d));
            }
            MemorySegment seg = buf.segment();
            Reductions.fillIdentity(a.redop, s.type, seg, 0, tile.volume());
            if (!host) {
                Allocation dev = mem.allocate(bytes);
                runtime.providerOf(mem).copy(buf, 0, dev, 0, bytes);
                keepOnDevice(a.index, dev);
                return new PhysicalStore(s.type, shape, tile, MemorySegment.NULL, dev.address(), base, strides, true,
                        Optional.of(a.redop), false);
            }
            return new PhysicalStore(s.type, shape, tile, seg, 0, base, strides, true, Optional.of(a.redop), false);
        }
        Allocation inst = s.instance(mem);
        return new PhysicalStore(s.type, shape, tile, host ? inst.segment() : MemorySegment.NULL,
                host ? 0 : inst.address(), a.base, a.strides, a.privilege.writes(),
                a.privilege == Privilege.REDUCE ? Optional.of(a.redop) : Optional.empty(), s.bitmap);
    }

    private PhysicalStore bindPart(StoreArg a, MemorySpace mem, long size) {
        long es = a.store.type().size();
        Allocation buf = mem.allocate(Math.max(1, size * es));
        if (parts == null) {
            parts = new Allocation[op.args.size()];
            partSizes = new long[op.args.size()];
        }
        parts[a.index] = buf;
        partSizes[a.index] = size;
        boolean host = mem.kind() == MemoryKind.HOST;
        if (!host) {
            parts[a.index] = null;
            keepOnDevice(a.index, buf);
        }
        return new PhysicalStore(a.store.type(), Shape.of(size), Rect.of1(0, size),
                host ? buf.segment() : MemorySegment.NULL, host ? 0 : buf.address(), 0, new long[] {1}, true,
                Optional.empty(), false);
    }

    @Override
    String label() {
        return taskId + " " + taskPoint();
    }

    @Override
    String library() {
        return taskId.library();
    }

    @Override
    String point() {
        return taskPoint().toString();
    }
}
