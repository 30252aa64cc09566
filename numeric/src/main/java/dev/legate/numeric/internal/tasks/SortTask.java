package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.TileIter;
import dev.legate.numeric.internal.kernels.SortKey;
import dev.legate.numeric.internal.kernels.Sorting;
import java.lang.foreign.MemorySegment;

/**
 * Sorting along the last axis, which is never split, with the numeric kernels (NumPy's order:
 * NaNs last). Input 0 is the data, output 0 a contiguous result aligned with it. Scalar 0 is
 * the operation: 0 sort, 1 stable argsort (int64 output), 2 partition (scalars 1.. are the kth
 * positions), 3 argpartition.
 */
public final class SortTask {
    private SortTask() {
    }

    /** The sort key of a type code. */
    static SortKey key(TypeCode t) {
        return SortKey.valueOf(t.name());
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        int op = ctx.scalar(0).asInt();
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore out = ctx.output(0).data();
        SortKey k = key(in.type().code());
        int[] kth = new int[ctx.scalars().size() - 1];
        for (int i = 0; i < kth.length; i++) {
            kth[i] = ctx.scalar(i + 1).asInt();
        }
        int size = in.type().size();
        MemorySegment is = in.segment();
        MemorySegment os = out.segment();
        TileIter.forEachRow(in.rect(), new PhysicalStore[] {in, out}, true, (offs, strides, len, coords) -> {
            int n = Math.toIntExact(len);
            if (strides[1] != 1 && n > 1) {
                throw new IllegalStateException("sort output rows must be contiguous: " + out);
            }
            switch (op) {
                case 0, 2 -> {
                    for (int j = 0; j < n; j++) {
                        Elements.copy(is, offs[0] + j * strides[0], os, offs[1] + j, size);
                    }
                    if (op == 0) {
                        Sorting.sort(k, os, offs[1], n);
                    } else {
                        Sorting.partition(k, os, offs[1], n, kth);
                    }
                }
                case 1 -> Sorting.argsort(k, is, offs[0], strides[0], n, os, offs[1]);
                case 3 -> Sorting.argpartition(k, is, offs[0], strides[0], n, kth, os, offs[1]);
                default -> throw new IllegalArgumentException("unknown sort operation " + op);
            }
        });
    }

    /**
     * searchsorted: input 0 the sorted 1-d array (whole), input 1 the values, output 0 the int64
     * insertion points aligned with the values. Scalar 0: 1 for side "right".
     */
    public static void searchsorted(TaskContext ctx) {
        boolean right = ctx.scalar(0).asInt() == 1;
        PhysicalStore a = ctx.input(0).data();
        PhysicalStore v = ctx.input(1).data();
        PhysicalStore out = ctx.output(0).data();
        SortKey k = key(a.type().code());
        int n = Math.toIntExact(a.storeShape().extent(0));
        long aOff = a.index(0);
        long aStride = a.stride(0);
        TileIter.forEachRow(v.rect(), new PhysicalStore[] {v, out}, false, (offs, strides, len, coords) -> {
            if (strides[1] == 1) {
                Sorting.searchsorted(k, a.segment(), aOff, aStride, n, v.segment(), offs[0], strides[0], len, right,
                        out.segment(), offs[1]);
            } else {
                for (long j = 0; j < len; j++) {
                    Sorting.searchsorted(k, a.segment(), aOff, aStride, n, v.segment(), offs[0] + j * strides[0], 1, 1,
                            right, out.segment(), offs[1] + j * strides[1]);
                }
            }
        });
    }
}
