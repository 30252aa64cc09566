package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.TileIter;
import dev.legate.numeric.internal.reduce.RedOp;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reductions along some axes. The output is promoted along the reduced axes (stride 0) to the
 * shape of the iteration space, and the reduced axes are never split, so each output element
 * is reduced within one point task, in row-major order of the reduced indices (a fixed order,
 * like NumPy's: along a reduced last axis rows are summed in fixed-order chunks, along other
 * axes values are added one row after another). The result is accumulated in the output's own
 * type, so float32 sums round at each step as NumPy's do.
 *
 * <p>Scalars: op ordinal, a bit mask of the reduced axes, then the program.
 */
public final class AxisReduceTask {
    private AxisReduceTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        long mask = ctx.scalar(1).asLong();
        ProgramArgs pa = ProgramArgs.read(ctx, 2);
        PhysicalStore out = ctx.output(0).data();
        long[] shape = out.storeShape().extents();
        int nd = shape.length;
        boolean lastReduced = nd > 0 && (mask >>> (nd - 1) & 1) != 0;
        TypeCode ot = out.type().code();
        boolean floating = ot.isFloating() || ot.isComplex();
        boolean unsigned = ot.isUnsigned();
        Interpreter it = pa.interpreter(shape);
        if (nd == 2 && !pa.program.positional() && (blocked(op, mask, ot, out, pa, it)
                || columns(op, mask, ot, out, pa, it))) {
            return;
        }
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        MemorySegment os = out.segment();
        double[] obuf = new double[Interpreter.CHUNK];
        long[] lbuf = new long[Interpreter.CHUNK];
        TileIter.forEachRow(out.rect(), pa.with(out), true, (offs, strides, len, coords) -> {
            boolean first = true;
            for (int d = 0; d < nd - 1; d++) {
                if ((mask >>> d & 1) != 0 && coords[d] != 0) {
                    first = false;
                    break;
                }
            }
            long[] cc = coords.clone();
            long oo = offs[n];
            long os1 = strides[n];
            if (lastReduced) {
                double dr = op.identityDouble();
                long lr = op.identityLong(unsigned);
                for (long j0 = 0; j0 < len; j0 += Interpreter.CHUNK) {
                    int c = (int) Math.min(Interpreter.CHUNK, len - j0);
                    pa.chunk(offs, strides, j0, off, str);
                    cc[nd - 1] = coords[nd - 1] + j0;
                    it.eval(off, str, c, cc);
                    if (floating) {
                        double v = op.reduce(it.doubles(), c);
                        dr = j0 == 0 ? v : op.combine(dr, v);
                    } else {
                        long v = op.reduce(it.longs(), c, unsigned);
                        lr = j0 == 0 ? v : op.combine(lr, v, unsigned);
                    }
                }
                if (floating) {
                    obuf[0] = first ? dr : op.combine(OutIO.readDouble(os, ot, oo), dr);
                    OutIO.writeDouble(os, ot, oo, obuf[0]);
                } else {
                    long v = first ? lr : op.combine(OutIO.readLong(os, ot, oo), lr, unsigned);
                    OutIO.writeLong(os, ot, oo, v);
                }
                return;
            }
            for (long j0 = 0; j0 < len; j0 += Interpreter.CHUNK) {
                int c = (int) Math.min(Interpreter.CHUNK, len - j0);
                pa.chunk(offs, strides, j0, off, str);
                if (nd > 0) {
                    cc[nd - 1] = coords[nd - 1] + j0;
                }
                it.eval(off, str, c, cc);
                long base = oo + j0 * os1;
                if (floating) {
                    double[] v = it.doubles();
                    if (first) {
                        OutIO.storeDoubles(os, ot, base, os1, c, v);
                    } else {
                        OutIO.loadDoubles(os, ot, base, os1, c, obuf);
                        op.combineInto(obuf, v, c);
                        OutIO.storeDoubles(os, ot, base, os1, c, obuf);
                    }
                } else {
                    long[] v = it.longs();
                    if (first) {
                        OutIO.storeLongs(os, ot, base, os1, c, v);
                    } else {
                        OutIO.loadLongs(os, ot, base, os1, c, lbuf);
                        for (int j = 0; j < c; j++) {
                            lbuf[j] = op.combine(lbuf[j], v[j], unsigned);
                        }
                        OutIO.storeLongs(os, ot, base, os1, c, lbuf);
                    }
                }
            }
        });
    }

    /**
     * Short rows of a 2-d iteration space, several per chunk, for float64 and 64-bit integer
     * results (whose accumulation needs no rounding between steps): the same values are
     * combined in the same order as the row-by-row path, so the results are bitwise equal.
     * Returns false (and does nothing) when the rows are not short or the type not eligible.
     */
    private static boolean blocked(RedOp op, long mask, TypeCode ot, PhysicalStore out, ProgramArgs pa,
                                   Interpreter it) {
        boolean floating = ot == TypeCode.FLOAT64;
        boolean integral = ot == TypeCode.INT64 || ot == TypeCode.UINT64;
        if (!floating && !integral || mask != 1 && mask != 2) {
            return false;
        }
        long rows = out.rect().extent(0);
        long cols = out.rect().extent(1);
        if (cols <= 0 || rows <= 0 || cols > Interpreter.CHUNK / 4) {
            return false;
        }
        int w = (int) cols;
        int per = Interpreter.CHUNK / w;
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] rs = new long[n];
        long[] cs = new long[n];
        for (int k = 0; k < n; k++) {
            rs[k] = pa.inputs[k].stride(0);
            cs[k] = pa.inputs[k].stride(1);
        }
        boolean unsigned = ot == TypeCode.UINT64;
        MemorySegment os = out.segment();
        long r0 = out.rect().lo(0);
        long c0 = out.rect().lo(1);
        double[] dacc = new double[w];
        long[] lacc = new long[w];
        for (long r = r0; r < r0 + rows; r += per) {
            int b = (int) Math.min(per, r0 + rows - r);
            for (int k = 0; k < n; k++) {
                off[k] = pa.inputs[k].index(r, c0);
            }
            it.evalBlock(off, rs, cs, b, w);
            if (mask == 2) {
                for (int i = 0; i < b; i++) {
                    long o = out.index(r + i, c0);
                    if (floating) {
                        OutIO.writeDouble(os, ot, o, op.reduce(it.doubles(), i * w, w));
                    } else {
                        OutIO.writeLong(os, ot, o, op.reduce(it.longs(), i * w, w, unsigned));
                    }
                }
            } else {
                for (int i = 0; i < b; i++) {
                    boolean first = r + i == 0;
                    if (floating) {
                        double[] v = it.doubles();
                        for (int j = 0; j < w; j++) {
                            dacc[j] = first ? v[i * w + j] : op.combine(dacc[j], v[i * w + j]);
                        }
                    } else {
                        long[] v = it.longs();
                        for (int j = 0; j < w; j++) {
                            lacc[j] = first ? v[i * w + j] : op.combine(lacc[j], v[i * w + j], unsigned);
                        }
                    }
                }
            }
        }
        if (mask == 1) {
            for (int j = 0; j < w; j++) {
                long o = out.index(0, c0 + j);
                if (floating) {
                    OutIO.writeDouble(os, ot, o, dacc[j]);
                } else {
                    OutIO.writeLong(os, ot, o, lacc[j]);
                }
            }
        }
        return true;
    }

    /**
     * Axis 0 of a 2-d float64 iteration space with rows too long for {@link #blocked}: each
     * row, chunk by chunk, is added into a per-tile accumulator row, which is written once;
     * the same order as the row-by-row path.
     */
    private static boolean columns(RedOp op, long mask, TypeCode ot, PhysicalStore out, ProgramArgs pa,
                                   Interpreter it) {
        long rows = out.rect().extent(0);
        long cols = out.rect().extent(1);
        if (ot != TypeCode.FLOAT64 || mask != 1 || cols > (1 << 20) || rows == 0 || cols == 0) {
            return false;
        }
        int w = (int) cols;
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        long[] row = new long[n];
        long[] base = new long[n];
        long c0 = out.rect().lo(1);
        for (int k = 0; k < n; k++) {
            str[k] = pa.inputs[k].stride(1);
            row[k] = pa.inputs[k].stride(0);
            base[k] = pa.inputs[k].index(0, c0);
        }
        int chunk = Math.max(Interpreter.CHUNK, Math.min(w, 1 << 16));
        double[] acc = new double[w];
        long[] coords = new long[2];
        it.target(null, 0);
        for (long r = 0; r < rows; r++) {
            for (int j0 = 0; j0 < w; j0 += chunk) {
                int c = Math.min(chunk, w - j0);
                for (int k = 0; k < n; k++) {
                    off[k] = base[k] + r * row[k] + j0 * str[k];
                }
                it.eval(off, str, c, coords);
                if (r == 0) {
                    System.arraycopy(it.doubles(), 0, acc, j0, c);
                } else {
                    it.combineInto(op, acc, j0, c);
                }
            }
        }
        MemorySegment os = out.segment();
        for (int j = 0; j < w; j++) {
            OutIO.writeDouble(os, ot, out.index(0, c0 + j), acc[j]);
        }
        return true;
    }

    /** Rows per block of {@link #rowBlocks}; part of the result's definition, never tuned. */
    public static final int ROW_BLOCK = 256;

    /**
     * Stage one of an axis-0 float64 reduction of a 2-d iteration space split by rows: for each
     * block of {@link #ROW_BLOCK} rows (aligned to global row indices) in this point's rows, the
     * rows are combined in order into one row of the output (nblocks, cols), as the single-stage
     * path does for all rows. Scalars: op ordinal, then the program.
     */
    public static void rowBlocks(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        ProgramArgs pa = ProgramArgs.read(ctx, 1);
        PhysicalStore q = ctx.output(0).data();
        PhysicalStore first = pa.inputs[0];
        long r0 = first.rect().lo(0);
        long r1 = first.rect().hi(0);
        long rows = first.storeShape().extent(0);
        int w = (int) first.storeShape().extent(1);
        if (r0 >= r1 || w == 0) {
            return;
        }
        Interpreter it = pa.interpreter(first.storeShape().extents());
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        long[] row = new long[n];
        long[] base = new long[n];
        for (int k = 0; k < n; k++) {
            str[k] = pa.inputs[k].stride(1);
            row[k] = pa.inputs[k].stride(0);
            base[k] = pa.inputs[k].index(0, 0);
        }
        int chunk = Math.max(Interpreter.CHUNK, Math.min(w, 1 << 16));
        double[] acc = new double[w];
        long[] coords = new long[2];
        it.target(null, 0);
        boolean plain = op == RedOp.SUM && it.plainInput() && str[0] == 1;
        for (long b = r0 / ROW_BLOCK; b * ROW_BLOCK < r1; b++) {
            if (plain) {
                long lo = b * ROW_BLOCK;
                sumRows(pa.inputs[0].segment(), base[0], row[0], lo, Math.min(rows, lo + ROW_BLOCK), w, acc);
                writeRow(q, b, acc, w);
                continue;
            }
            long lo = b * ROW_BLOCK;
            long hi = Math.min(rows, lo + ROW_BLOCK);
            for (long r = lo; r < hi; r++) {
                for (int j0 = 0; j0 < w; j0 += chunk) {
                    int c = Math.min(chunk, w - j0);
                    for (int k = 0; k < n; k++) {
                        off[k] = base[k] + r * row[k] + j0 * str[k];
                    }
                    it.eval(off, str, c, coords);
                    if (r == lo) {
                        System.arraycopy(it.doubles(), 0, acc, j0, c);
                    } else {
                        it.combineInto(op, acc, j0, c);
                    }
                }
            }
            writeRow(q, b, acc, w);
        }
    }

    private static void writeRow(PhysicalStore q, long b, double[] acc, int w) {
        MemorySegment qs = q.segment();
        long o = q.base() + b * q.stride(0);
        long st = q.stride(1);
        if (st == 1) {
            MemorySegment.copy(acc, 0, qs, java.lang.foreign.ValueLayout.JAVA_DOUBLE, o * 8, w);
            return;
        }
        for (int j = 0; j < w; j++) {
            qs.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, o + j * st, acc[j]);
        }
    }

    /**
     * The column sums of rows {@code lo .. hi-1} of a contiguous float64 matrix (row {@code r}
     * at element {@code base + r * rowStride}): the first row, then four rows at a time added
     * as {@code acc + ((r0 + r1) + (r2 + r3))}, then the remaining rows one by one. A fixed
     * order for the block, whatever the processor count.
     */
    static void sumRows(MemorySegment s, long base, long rowStride, long lo, long hi, int w, double[] acc) {
        java.lang.foreign.ValueLayout.OfDouble d = java.lang.foreign.ValueLayout.JAVA_DOUBLE;
        long o = base + lo * rowStride;
        for (int j = 0; j < w; j++) {
            acc[j] = s.getAtIndex(d, o + j);
        }
        long r = lo + 1;
        for (; r + 4 <= hi; r += 4) {
            long a = base + r * rowStride;
            long b = a + rowStride;
            long c = b + rowStride;
            long e = c + rowStride;
            for (int j = 0; j < w; j++) {
                acc[j] += (s.getAtIndex(d, a + j) + s.getAtIndex(d, b + j))
                        + (s.getAtIndex(d, c + j) + s.getAtIndex(d, e + j));
            }
        }
        for (; r < hi; r++) {
            long a = base + r * rowStride;
            for (int j = 0; j < w; j++) {
                acc[j] += s.getAtIndex(d, a + j);
            }
        }
    }

    /** Typed element access for outputs (values rounded or wrapped to the element type). */
    static final class OutIO {
        private OutIO() {
        }

        static double readDouble(MemorySegment s, TypeCode t, long i) {
            return switch (t) {
                case FLOAT64 -> s.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                case FLOAT32 -> s.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                case FLOAT16 -> Float.float16ToFloat(s.getAtIndex(ValueLayout.JAVA_SHORT, i));
                default -> throw new IllegalArgumentException(t + " is not floating");
            };
        }

        static void writeDouble(MemorySegment s, TypeCode t, long i, double v) {
            switch (t) {
                case FLOAT64 -> s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
                case FLOAT32 -> s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
                case FLOAT16 -> s.setAtIndex(ValueLayout.JAVA_SHORT, i, Float.floatToFloat16((float) v));
                default -> throw new IllegalArgumentException(t + " is not floating");
            }
        }

        static long readLong(MemorySegment s, TypeCode t, long i) {
            return switch (t) {
                case INT64, UINT64 -> s.getAtIndex(ValueLayout.JAVA_LONG, i);
                case INT32 -> s.getAtIndex(ValueLayout.JAVA_INT, i);
                case UINT32 -> s.getAtIndex(ValueLayout.JAVA_INT, i) & 0xFFFF_FFFFL;
                case INT16 -> s.getAtIndex(ValueLayout.JAVA_SHORT, i);
                case UINT16 -> s.getAtIndex(ValueLayout.JAVA_SHORT, i) & 0xFFFF;
                case INT8 -> s.get(ValueLayout.JAVA_BYTE, i);
                case UINT8, BOOL -> s.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
                default -> throw new IllegalArgumentException(t + " is not an integer type");
            };
        }

        static void writeLong(MemorySegment s, TypeCode t, long i, long v) {
            switch (t) {
                case INT64, UINT64 -> s.setAtIndex(ValueLayout.JAVA_LONG, i, v);
                case INT32, UINT32 -> s.setAtIndex(ValueLayout.JAVA_INT, i, (int) v);
                case INT16, UINT16 -> s.setAtIndex(ValueLayout.JAVA_SHORT, i, (short) v);
                case INT8, UINT8 -> s.set(ValueLayout.JAVA_BYTE, i, (byte) v);
                case BOOL -> s.set(ValueLayout.JAVA_BYTE, i, (byte) (v != 0 ? 1 : 0));
                default -> throw new IllegalArgumentException(t + " is not an integer type");
            }
        }

        static void loadDoubles(MemorySegment s, TypeCode t, long off, long stride, int n, double[] out) {
            if (t == TypeCode.FLOAT64 && stride == 1) {
                MemorySegment.copy(s, ValueLayout.JAVA_DOUBLE, off * 8, out, 0, n);
                return;
            }
            for (int j = 0; j < n; j++) {
                out[j] = readDouble(s, t, off + j * stride);
            }
        }

        static void storeDoubles(MemorySegment s, TypeCode t, long off, long stride, int n, double[] in) {
            if (t == TypeCode.FLOAT64 && stride == 1) {
                MemorySegment.copy(in, 0, s, ValueLayout.JAVA_DOUBLE, off * 8, n);
                return;
            }
            for (int j = 0; j < n; j++) {
                writeDouble(s, t, off + j * stride, in[j]);
            }
        }

        static void loadLongs(MemorySegment s, TypeCode t, long off, long stride, int n, long[] out) {
            for (int j = 0; j < n; j++) {
                out[j] = readLong(s, t, off + j * stride);
            }
        }

        static void storeLongs(MemorySegment s, TypeCode t, long off, long stride, int n, long[] in) {
            for (int j = 0; j < n; j++) {
                writeLong(s, t, off + j * stride, in[j]);
            }
        }
    }
}
