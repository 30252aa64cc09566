package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.Shape;
import dev.legate.core.Tiling;
import dev.legate.core.spi.Allocation;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Gives an unbound store its size: concatenates the parts its point tasks bound, in point
 * order, and records the tiling they form as the store's key partition.
 */
final class AssembleNode extends Node {
    private TaskOp op;
    private final StoreArg arg;
    private PointTaskNode[] points;
    private final String name;

    AssembleNode(RuntimeImpl rt, NodeGroup group, TaskOp op, StoreArg arg, PointTaskNode[] points) {
        super(rt, group);
        this.op = op;
        this.arg = arg;
        this.points = points;
        this.name = op.name();
    }

    @Override
    void execute(Optional<DeviceContext> device) {
        Storage s = arg.store.storage();
        long es = s.type.size();
        long[] bounds = new long[points.length + 1];
        for (int i = 0; i < points.length; i++) {
            PointTaskNode p = points[i];
            long n = p.parts == null || p.parts[arg.index] == null ? 0 : p.partSizes[arg.index];
            bounds[i + 1] = bounds[i] + n;
        }
        try {
            s.bind(new long[] {bounds[points.length]});
            Allocation inst = s.instance(processor.memory());
            MemorySegment dst = inst.segment();
            for (int i = 0; i < points.length; i++) {
                PointTaskNode p = points[i];
                if (p.parts != null && p.parts[arg.index] != null) {
                    MemorySegment.copy(p.parts[arg.index].segment(), 0, dst, bounds[i] * es, p.partSizes[arg.index] * es);
                }
            }
            arg.store.cacheKeyPartition(Tiling.ofBoundaries(Shape.of(bounds[points.length]), new long[][] {bounds}));
        } finally {
            for (PointTaskNode p : points) {
                if (p.parts != null && p.parts[arg.index] != null) {
                    p.parts[arg.index].close();
                    p.parts[arg.index] = null;
                }
            }
        }
    }

    @Override
    void skipped() {
        arg.store.storage().bind(new long[] {0});
        for (PointTaskNode p : points) {
            if (p.parts != null && p.parts[arg.index] != null) {
                p.parts[arg.index].close();
                p.parts[arg.index] = null;
            }
        }
    }

    @Override
    void finished() {
        op = null;
        points = null;
    }

    @Override
    String label() {
        return name + " assemble " + arg.name;
    }
}
