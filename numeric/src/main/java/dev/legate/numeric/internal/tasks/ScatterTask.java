package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;

/**
 * Scatter into rows (sub-arrays along the first axis) of an N-d target (n, ...): for each i in
 * order, row {@code idx[i]} of the target is set to (mode 0) or incremented by (mode 1) row i of
 * the values (m, ...), which have the target's type. The target is
 * split by rows and every point scans all indices, applying those that fall in its rows: each
 * row sees its updates in index order whatever the split, so "last write wins" and floating
 * sums are deterministic.
 *
 * <p>Inputs: 0 the target (for its current contents), 1 the int64 indices (whole), 2 the values
 * (whole, of the target's type). Output 0: the target. Scalar 0: the mode.
 */
public final class ScatterTask {
    private ScatterTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        PhysicalStore idx = ctx.input(1).data();
        PhysicalStore val = ctx.input(2).data();
        PhysicalStore out = ctx.output(0).data();
        boolean add = ctx.scalar(0).asInt() == 1;
        long n = out.storeShape().extent(0);
        long r0 = out.rect().lo(0);
        long r1 = out.rect().hi(0);
        int nd = out.ndim();
        long rest = 1;
        for (int d = 1; d < nd; d++) {
            rest *= out.rect().extent(d);
        }
        if (r0 >= r1 || rest == 0) {
            return;
        }
        long m = idx.storeShape().extent(0);
        TypeCode t = out.type().code();
        int size = out.type().size();
        MemorySegment is = idx.segment();
        MemorySegment vs = val.segment();
        MemorySegment os = out.segment();
        long[] p = new long[nd];
        long[] q = new long[nd];
        for (long i = 0; i < m; i++) {
            long k = Elements.index(is, idx.index(i), n, 0);
            if (k < r0 || k >= r1) {
                continue;
            }
            for (long c = 0; c < rest; c++) {
                long r = c;
                for (int d = nd - 1; d >= 1; d--) {
                    long e = out.rect().extent(d);
                    p[d] = out.rect().lo(d) + r % e;
                    q[d] = p[d];
                    r /= e;
                }
                p[0] = k;
                q[0] = i;
                long o = out.index(p);
                long v = val.index(q);
                if (!add) {
                    Elements.copy(vs, v, os, o, size);
                } else if (t.isFloating()) {
                    AxisReduceTask.OutIO.writeDouble(os, t, o, AxisReduceTask.OutIO.readDouble(os, t, o)
                            + AxisReduceTask.OutIO.readDouble(vs, t, v));
                } else {
                    AxisReduceTask.OutIO.writeLong(os, t, o, AxisReduceTask.OutIO.readLong(os, t, o)
                            + AxisReduceTask.OutIO.readLong(vs, t, v));
                }
            }
        }
    }
}
