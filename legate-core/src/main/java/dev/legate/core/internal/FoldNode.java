package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;
import dev.legate.core.spi.Allocation;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Folds the per-point buffers of a reduction argument into the store, in point order, so the
 * result does not depend on which point task finished first.
 */
final class FoldNode extends Node {
    private TaskOp op;
    private final StoreArg arg;
    private PointTaskNode[] points;
    private final String name;

    FoldNode(RuntimeImpl rt, NodeGroup group, TaskOp op, StoreArg arg, PointTaskNode[] points) {
        super(rt, group);
        this.op = op;
        this.arg = arg;
        this.points = points;
        this.name = op.name();
    }

    @Override
    void execute(Optional<DeviceContext> device) {
        Storage s = arg.store.storage();
        Allocation inst = s.instance(processor.memory());
        MemorySegment seg = inst.segment();
        long[] rs = s.rootStrides();
        StoreView v = arg.store.view();
        long es = s.type.size();
        try {
            for (PointTaskNode p : points) {
                Allocation buf = p.partials == null ? null : p.partials[arg.index];
                if (buf == null) {
                    continue;
                }
                Rect tile = op.tiles[arg.index][p.color];
                PhysicalStore dst = new PhysicalStore(s.type, arg.store.shape(), tile, seg, 0, v.baseOffset(rs),
                        v.strides(rs), true, Optional.empty(), false);
                MemorySegment src = buf.segment();
                long n = tile.volume();
                if (dst.isContiguous()) {
                    Reductions.foldRun(arg.redop, s.type, seg, dst.origin() * es, src, 0, n);
                } else {
                    for (long i = 0; i < n; i++) {
                        Reductions.fold(arg.redop, s.type, seg, dst.linearIndex(i) * es, src, i * es);
                    }
                }
            }
        } finally {
            for (PointTaskNode p : points) {
                if (p.partials != null && p.partials[arg.index] != null) {
                    p.partials[arg.index].close();
                    p.partials[arg.index] = null;
                }
            }
        }
    }

    @Override
    void skipped() {
        for (PointTaskNode p : points) {
            if (p.partials != null && p.partials[arg.index] != null) {
                p.partials[arg.index].close();
                p.partials[arg.index] = null;
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
        return name + " fold " + arg.name;
    }
}
