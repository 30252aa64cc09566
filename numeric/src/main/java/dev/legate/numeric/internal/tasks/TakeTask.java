package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.numeric.internal.expr.TileIter;
import java.lang.foreign.MemorySegment;

/**
 * Gather along the first axis: {@code out[p] = src[idx[p], rest(p)]}, where the output has the
 * shape {@code idx.shape + src.shape[1:]}. Input 0 is the source, whole; input 1 the int64
 * indices promoted to the output's shape and aligned with it. Scalar 0: the rank of the
 * index array.
 */
public final class TakeTask {
    private TakeTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        PhysicalStore src = ctx.input(0).data();
        PhysicalStore idx = ctx.input(1).data();
        PhysicalStore out = ctx.output(0).data();
        int k = ctx.scalar(0).asInt();
        long extent = src.storeShape().extent(0);
        int size = src.type().size();
        int nd = out.ndim();
        long[] srcStrides = src.strides();
        MemorySegment ss = src.segment();
        MemorySegment is = idx.segment();
        MemorySegment os = out.segment();
        TileIter.forEachRow(out.rect(), new PhysicalStore[] {idx, out}, true, (offs, strides, len, coords) -> {
            long restBase = src.base();
            for (int d = k; d < nd - 1; d++) {
                restBase += srcStrides[d - k + 1] * coords[d];
            }
            boolean innerIsRest = nd - 1 >= k;
            long innerSrcStride = innerIsRest && nd > k ? srcStrides[nd - k] : 0;
            long lastCoord = nd == 0 ? 0 : coords[nd - 1];
            for (long j = 0; j < len; j++) {
                long row = Elements.index(is, offs[0] + j * strides[0], extent, 0);
                long s = restBase + row * srcStrides[0];
                if (nd > k) {
                    s += innerSrcStride * (lastCoord + j);
                }
                Elements.copy(ss, s, os, offs[1] + j * strides[1], size);
            }
        });
    }
}
