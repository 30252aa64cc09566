package dev.legate.numeric.internal.tasks;

import dev.legate.core.DType;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.TileIter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * argmin/argmax. {@link #full}: over all elements, into a 0-d reduction of the core's pair type
 * {@code struct{float64 or int64, int64}} (the runtime keeps the best value and, among equal
 * values, the smallest index; NaN wins, as NumPy's first NaN). {@link #axis}: along the last
 * dimension of the iteration space, which is never split, into an int64 output promoted along
 * it. Scalars: 1 for argmax (0 for argmin), then the program.
 */
public final class ArgReduceTask {
    private ArgReduceTask() {
    }

    /** Best so far: value in doubles or longs, and its index. */
    private static final class Best {
        boolean floating;
        boolean unsigned;
        boolean max;
        double d;
        long l;
        long index = -1;

        void offer(double v, long i) {
            if (index < 0) {
                d = v;
                index = i;
                return;
            }
            if (d != d) {
                return;
            }
            if (v != v || (max ? v > d : v < d)) {
                d = v;
                index = i;
            }
        }

        void offer(long v, long i) {
            if (index < 0) {
                l = v;
                index = i;
                return;
            }
            int c = unsigned ? Long.compareUnsigned(v, l) : Long.compare(v, l);
            if (max ? c > 0 : c < 0) {
                l = v;
                index = i;
            }
        }
    }

    /** The full-reduction body. */
    public static void full(TaskContext ctx) {
        boolean max = ctx.scalar(0).asInt() == 1;
        ProgramArgs pa = ProgramArgs.read(ctx, 1);
        PhysicalStore red = ctx.reduction(0).data();
        DType.Struct st = (DType.Struct) red.type();
        Best b = new Best();
        b.floating = st.fields().get(0).code().isFloating();
        b.unsigned = pa.program.resultType().isUnsigned();
        b.max = max;
        long[] shape = pa.inputs[0].storeShape().extents();
        long[] lin = strides(shape);
        Interpreter it = pa.interpreter(shape);
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        TileIter.forEachRow(pa.inputs[0].rect(), pa.inputs, true, (offs, strides, len, coords) -> {
            long base = 0;
            for (int d = 0; d < coords.length; d++) {
                base += coords[d] * lin[d];
            }
            long[] cc = coords.clone();
            for (long j0 = 0; j0 < len; j0 += Interpreter.CHUNK) {
                int c = (int) Math.min(Interpreter.CHUNK, len - j0);
                pa.chunk(offs, strides, j0, off, str);
                if (cc.length > 0) {
                    cc[cc.length - 1] = coords[cc.length - 1] + j0;
                }
                it.eval(off, str, c, cc);
                scan(b, it, c, base + j0);
            }
        });
        if (b.index < 0) {
            return;
        }
        MemorySegment seg = red.segment();
        long at = red.index(new long[red.ndim()]) * st.size();
        long io = st.offset(1);
        long oldIndex = seg.get(ValueLayout.JAVA_LONG_UNALIGNED, at + io);
        boolean take;
        if (b.floating) {
            double old = seg.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, at);
            take = better(old, oldIndex, b.d, b.index, max);
            if (take) {
                seg.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, at, b.d);
            }
        } else {
            long old = seg.get(ValueLayout.JAVA_LONG_UNALIGNED, at);
            int c = b.unsigned ? Long.compareUnsigned(b.l, old) : Long.compare(b.l, old);
            take = (max ? c > 0 : c < 0) || c == 0 && b.index < oldIndex;
            if (take) {
                seg.set(ValueLayout.JAVA_LONG_UNALIGNED, at, b.l);
            }
        }
        if (take) {
            seg.set(ValueLayout.JAVA_LONG_UNALIGNED, at + io, b.index);
        }
    }

    private static boolean better(double old, long oldIndex, double v, long i, boolean max) {
        if (old != old) {
            return v != v && i < oldIndex;
        }
        if (v != v) {
            return true;
        }
        if (v == old) {
            return i < oldIndex;
        }
        return max ? v > old : v < old;
    }

    private static void scan(Best b, Interpreter it, int c, long first) {
        if (b.floating) {
            double[] v = it.doubles();
            for (int j = 0; j < c; j++) {
                b.offer(v[j], first + j);
            }
        } else {
            long[] v = it.longs();
            for (int j = 0; j < c; j++) {
                b.offer(v[j], first + j);
            }
        }
    }

    /** The axis body: output 0 is int64, promoted along the last dimension of the iteration space. */
    public static void axis(TaskContext ctx) {
        boolean max = ctx.scalar(0).asInt() == 1;
        ProgramArgs pa = ProgramArgs.read(ctx, 1);
        PhysicalStore out = ctx.output(0).data();
        long[] shape = pa.inputs[0].storeShape().extents();
        Interpreter it = pa.interpreter(shape);
        boolean floating = pa.program.resultType().isFloating();
        boolean unsigned = pa.program.resultType().isUnsigned();
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        MemorySegment os = out.segment();
        TileIter.forEachRow(pa.inputs[0].rect(), pa.with(out), true, (offs, strides, len, coords) -> {
            Best b = new Best();
            b.floating = floating;
            b.unsigned = unsigned;
            b.max = max;
            long[] cc = coords.clone();
            for (long j0 = 0; j0 < len; j0 += Interpreter.CHUNK) {
                int c = (int) Math.min(Interpreter.CHUNK, len - j0);
                pa.chunk(offs, strides, j0, off, str);
                cc[cc.length - 1] = coords[cc.length - 1] + j0;
                it.eval(off, str, c, cc);
                scan(b, it, c, j0);
            }
            os.setAtIndex(ValueLayout.JAVA_LONG, offs[n], Math.max(0, b.index));
        });
    }

    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }
}
