package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.numeric.internal.expr.TileIter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Boolean-mask selection and nonzero. {@link #select}: the elements of input 0 where the
 * aligned bool input 1 is true, in row-major order, into the unbound output 0. {@link #nonzero}:
 * the row-major linear indices of the true elements of bool input 0, as int64. Both are split
 * along the first dimension only, so the runtime's point-order concatenation is row-major.
 */
public final class SelectTask {
    private SelectTask() {
    }

    /** The select body. */
    public static void select(TaskContext ctx) {
        PhysicalStore a = ctx.input(0).data();
        PhysicalStore m = ctx.input(1).data();
        long count = count(m);
        PhysicalStore out = ctx.output(0).bind(count);
        int size = a.type().size();
        MemorySegment as = a.segment();
        MemorySegment ms = m.segment();
        MemorySegment os = out.segment();
        long[] at = {out.origin()};
        if (count == 0) {
            return;
        }
        TileIter.forEachRow(a.rect(), new PhysicalStore[] {a, m}, false, (offs, strides, len, coords) -> {
            for (long j = 0; j < len; j++) {
                if (ms.get(ValueLayout.JAVA_BYTE, offs[1] + j * strides[1]) != 0) {
                    Elements.copy(as, offs[0] + j * strides[0], os, at[0]++, size);
                }
            }
        });
    }

    /** The nonzero body. */
    public static void nonzero(TaskContext ctx) {
        PhysicalStore m = ctx.input(0).data();
        long count = count(m);
        PhysicalStore out = ctx.output(0).bind(count);
        if (count == 0) {
            return;
        }
        long[] lin = ArgReduceTask.strides(m.storeShape().extents());
        MemorySegment ms = m.segment();
        MemorySegment os = out.segment();
        long[] at = {out.origin()};
        TileIter.forEachRow(m.rect(), new PhysicalStore[] {m}, true, (offs, strides, len, coords) -> {
            long base = 0;
            for (int d = 0; d < coords.length; d++) {
                base += coords[d] * lin[d];
            }
            for (long j = 0; j < len; j++) {
                if (ms.get(ValueLayout.JAVA_BYTE, offs[0] + j * strides[0]) != 0) {
                    os.setAtIndex(ValueLayout.JAVA_LONG, at[0]++, base + j);
                }
            }
        });
    }

    private static long count(PhysicalStore m) {
        MemorySegment ms = m.segment();
        long[] c = {0};
        TileIter.forEachRow(m.rect(), new PhysicalStore[] {m}, false, (offs, strides, len, coords) -> {
            for (long j = 0; j < len; j++) {
                if (ms.get(ValueLayout.JAVA_BYTE, offs[0] + j * strides[0]) != 0) {
                    c[0]++;
                }
            }
        });
        return c[0];
    }
}
