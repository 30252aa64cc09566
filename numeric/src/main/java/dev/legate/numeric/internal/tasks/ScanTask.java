package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.TileIter;
import dev.legate.numeric.internal.reduce.RedOp;
import java.lang.foreign.MemorySegment;

/**
 * Inclusive scans (cumsum, cumprod) along one axis, which is never split: each element is the
 * previous element along the axis combined with the input, in the output's type, sequentially
 * as NumPy does. Scalars: op ordinal, axis, then the program.
 */
public final class ScanTask {
    private ScanTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        int axis = ctx.scalar(1).asInt();
        ProgramArgs pa = ProgramArgs.read(ctx, 2);
        PhysicalStore out = ctx.output(0).data();
        long[] shape = out.storeShape().extents();
        int nd = shape.length;
        TypeCode ot = out.type().code();
        boolean floating = ot.isFloating();
        boolean unsigned = ot.isUnsigned();
        Interpreter it = pa.interpreter(shape);
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        long axisStride = out.stride(axis);
        MemorySegment os = out.segment();
        double[] prev = new double[Interpreter.CHUNK];
        long[] lprev = new long[Interpreter.CHUNK];
        TileIter.forEachRow(out.rect(), pa.with(out), true, (offs, strides, len, coords) -> {
            long[] cc = coords.clone();
            boolean alongRow = axis == nd - 1;
            double dcarry = 0;
            long lcarry = 0;
            for (long j0 = 0; j0 < len; j0 += Interpreter.CHUNK) {
                int c = (int) Math.min(Interpreter.CHUNK, len - j0);
                pa.chunk(offs, strides, j0, off, str);
                cc[nd - 1] = coords[nd - 1] + j0;
                it.eval(off, str, c, cc);
                long base = offs[n] + j0 * strides[n];
                if (alongRow) {
                    if (floating) {
                        double[] v = it.doubles();
                        double r = j0 == 0 ? v[0] : op.combine(dcarry, v[0]);
                        v[0] = round(ot, r);
                        for (int j = 1; j < c; j++) {
                            v[j] = round(ot, op.combine(v[j - 1], v[j]));
                        }
                        dcarry = v[c - 1];
                        AxisReduceTask.OutIO.storeDoubles(os, ot, base, strides[n], c, v);
                    } else {
                        long[] v = it.longs();
                        v[0] = j0 == 0 ? v[0] : op.combine(lcarry, v[0], unsigned);
                        v[0] = wrap(ot, v[0]);
                        for (int j = 1; j < c; j++) {
                            v[j] = wrap(ot, op.combine(v[j - 1], v[j], unsigned));
                        }
                        lcarry = v[c - 1];
                        AxisReduceTask.OutIO.storeLongs(os, ot, base, strides[n], c, v);
                    }
                } else if (coords[axis] == 0) {
                    if (floating) {
                        AxisReduceTask.OutIO.storeDoubles(os, ot, base, strides[n], c, it.doubles());
                    } else {
                        AxisReduceTask.OutIO.storeLongs(os, ot, base, strides[n], c, it.longs());
                    }
                } else if (floating) {
                    AxisReduceTask.OutIO.loadDoubles(os, ot, base - axisStride, strides[n], c, prev);
                    op.combineInto(prev, it.doubles(), c);
                    AxisReduceTask.OutIO.storeDoubles(os, ot, base, strides[n], c, prev);
                } else {
                    AxisReduceTask.OutIO.loadLongs(os, ot, base - axisStride, strides[n], c, lprev);
                    long[] v = it.longs();
                    for (int j = 0; j < c; j++) {
                        lprev[j] = op.combine(lprev[j], v[j], unsigned);
                    }
                    AxisReduceTask.OutIO.storeLongs(os, ot, base, strides[n], c, lprev);
                }
            }
        });
    }

    private static double round(TypeCode t, double v) {
        return t == TypeCode.FLOAT32 ? (float) v : t == TypeCode.FLOAT16
                ? Float.float16ToFloat(Float.floatToFloat16((float) v)) : v;
    }

    private static long wrap(TypeCode t, long v) {
        return switch (t) {
            case INT8 -> (byte) v;
            case INT16 -> (short) v;
            case INT32 -> (int) v;
            case UINT8 -> v & 0xFF;
            case UINT16 -> v & 0xFFFF;
            case UINT32 -> v & 0xFFFF_FFFFL;
            default -> v;
        };
    }
}
