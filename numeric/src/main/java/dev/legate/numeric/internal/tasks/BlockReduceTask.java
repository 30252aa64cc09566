package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.TileIter;
import dev.legate.numeric.internal.reduce.Pairwise;
import dev.legate.numeric.internal.reduce.RedOp;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Deterministic floating sums and products over all elements of an N-d iteration space X of
 * shape {@code (d0, ..., n)}: each row of X is cut into blocks of {@code G} elements aligned to
 * global indices (the runtime cuts tiles of the last dimension at multiples of G, so a block
 * never straddles two tiles), each block is reduced in a fixed order, and the per-block
 * partials are combined by a balanced tree over their global (row, block) index.
 *
 * <p>Two tasks share this body. {@code BLOCKS}: the partials go, as raw bits, into a
 * reduction argument of shape (rows, blocks, parts) with XOR (each entry is written by exactly
 * one point task, every other point contributes 0, so the fold is exact), and
 * {@link #combine} later runs the tree. {@code FULL}: a single point computes the partials and
 * the tree itself into a 0-d output; the result is bitwise the same.
 *
 * <p>Scalars: op ordinal, G, then the program; complex values have two parts.
 */
public final class BlockReduceTask {
    private BlockReduceTask() {
    }

    /** The BLOCKS body: per-block partials into reduction 0. */
    public static void blocks(TaskContext ctx) {
        PhysicalStore red = ctx.reduction(0).data();
        MemorySegment seg = red.segment();
        long base = red.base();
        long s0 = red.stride(0);
        long s1 = red.stride(1);
        long s2 = red.stride(2);
        partials(ctx, (row, block, part, bits) -> {
            long i = base + row * s0 + block * s1 + part * s2;
            seg.setAtIndex(ValueLayout.JAVA_LONG, i, seg.getAtIndex(ValueLayout.JAVA_LONG, i) ^ bits);
        });
    }

    /** The FULL body: partials and tree in one point, into the 0-d output 0. */
    public static void full(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        long g = ctx.scalar(1).asLong();
        PhysicalStore out = ctx.output(0).data();
        ProgramArgs pa = ProgramArgs.read(ctx, 2);
        long[] shape = pa.inputs.length > 0 ? pa.inputs[0].storeShape().extents() : new long[0];
        int nd = shape.length;
        long n = nd == 0 ? 1 : shape[nd - 1];
        long rows = nd == 0 ? 1 : Math.max(1, volume(shape) / Math.max(1, n));
        long blocks = (n + g - 1) / g;
        int parts = pa.program.resultType().isComplex() ? 2 : 1;
        double[][] p = new double[parts][Math.toIntExact(Math.max(1, rows * blocks))];
        partials(ctx, (row, block, part, bits) -> p[part][(int) (row * blocks + block)] = Double.longBitsToDouble(bits));
        int m = (int) (rows * blocks);
        double re = Pairwise.tree(op, p[0], 0, m);
        double im = parts == 2 ? Pairwise.tree(op, p[1], 0, m) : 0;
        write(out, re, im);
    }

    /** Receives one block partial as raw double bits. */
    @FunctionalInterface
    interface Sink {
        void put(long row, long block, int part, long bits);
    }

    private static void partials(TaskContext ctx, Sink sink) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        long g = ctx.scalar(1).asLong();
        ProgramArgs pa = ProgramArgs.read(ctx, 2);
        if (pa.inputs.length == 0) {
            throw new IllegalStateException("a block reduction needs at least one input");
        }
        PhysicalStore first = pa.inputs[0];
        long[] shape = first.storeShape().extents();
        int nd = shape.length;
        long[] rowStrides = new long[Math.max(0, nd - 1)];
        long acc = 1;
        for (int d = nd - 2; d >= 0; d--) {
            rowStrides[d] = acc;
            acc *= shape[d];
        }
        boolean complex = pa.program.resultType().isComplex();
        boolean isLong = !complex && !pa.program.resultType().isFloating();
        Interpreter it = pa.interpreter(shape);
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        Rect rect = first.rect();
        TileIter.forEachRow(rect, pa.inputs, true, (offs, strides, len, coords) -> {
            long row = 0;
            for (int d = 0; d < nd - 1; d++) {
                row += coords[d] * rowStrides[d];
            }
            long lo = nd == 0 ? 0 : coords[nd - 1];
            long hi = lo + len;
            long[] cc = coords.clone();
            if (!complex && !isLong && it.plainInput() && strides[0] == 1) {
                spans(op, g, lo, hi, pa, it, offs, strides, off, str, cc, nd, row, sink);
                return;
            }
            for (long b0 = lo - Math.floorMod(lo, g); b0 < hi; b0 += g) {
                long s = Math.max(lo, b0);
                long e = Math.min(hi, b0 + g);
                double re = op.identityDouble();
                double im = 0;
                for (long c0 = s; c0 < e; c0 += Interpreter.CHUNK) {
                    int c = (int) Math.min(Interpreter.CHUNK, e - c0);
                    pa.chunk(offs, strides, c0 - lo, off, str);
                    if (nd > 0) {
                        cc[nd - 1] = c0;
                    }
                    it.eval(off, str, c, cc);
                    if (isLong) {
                        long[] v = it.longs();
                        double[] d = it.doubles();
                        for (int j = 0; j < c; j++) {
                            d[j] = v[j];
                        }
                    }
                    double part = isLong ? op.reduce(it.doubles(), c) : it.reduceDoubles(op, c);
                    re = c0 == s ? part : op.combine(re, part);
                    if (complex) {
                        im = c0 == s ? op.reduce(it.imags(), c) : op.combine(im, op.reduce(it.imags(), c));
                    }
                }
                long block = b0 / g;
                sink.put(row, block, 0, Double.doubleToRawLongBits(re));
                if (complex) {
                    sink.put(row, block, 1, Double.doubleToRawLongBits(im));
                }
            }
        });
    }

    /** Elements evaluated at once when blocks are summed straight from memory. */
    private static final long SPAN = 1 << 16;

    /**
     * Blocks of a plain contiguous float64 input: spans of many blocks are evaluated at once
     * (reading in place) and each block is summed from memory, with the same function and so
     * the same result as block-by-block evaluation.
     */
    private static void spans(RedOp op, long g, long lo, long hi, ProgramArgs pa, Interpreter it, long[] offs,
                              long[] strides, long[] off, long[] str, long[] cc, int nd, long row, Sink sink) {
        long per = Math.max(1, SPAN / g) * g;
        for (long s0 = lo - Math.floorMod(lo, g); s0 < hi; s0 += per) {
            long s = Math.max(lo, s0);
            long e = Math.min(hi, s0 + per);
            pa.chunk(offs, strides, s - lo, off, str);
            if (nd > 0) {
                cc[nd - 1] = s;
            }
            it.eval(off, str, (int) (e - s), cc);
            java.lang.foreign.MemorySegment seg = it.directSegment();
            long base = it.directOffset();
            for (long b0 = s0; b0 < e; b0 += g) {
                long bs = Math.max(s, b0);
                long be = Math.min(e, b0 + g);
                double v = op == RedOp.SUM ? Pairwise.sum(seg, base + (bs - s), (int) (be - bs))
                        : reduceSegment(op, seg, base + (bs - s), (int) (be - bs));
                sink.put(row, b0 / g, 0, Double.doubleToRawLongBits(v));
            }
        }
    }

    private static double reduceSegment(RedOp op, java.lang.foreign.MemorySegment seg, long off, int n) {
        double[] a = new double[n];
        java.lang.foreign.MemorySegment.copy(seg, java.lang.foreign.ValueLayout.JAVA_DOUBLE, off * 8, a, 0, n);
        return op.reduce(a, n);
    }

    /** The COMBINE body: the tree over the partials (input 0, whole) into the 0-d output 0. */
    public static void combine(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore out = ctx.output(0).data();
        long[] s = in.storeShape().extents();
        int m = Math.toIntExact(s[0] * s[1]);
        int parts = (int) s[2];
        double[][] p = new double[parts][m];
        MemorySegment seg = in.segment();
        long base = in.base();
        long s0 = in.stride(0);
        long s1 = in.stride(1);
        long s2 = in.stride(2);
        for (int r = 0; r < s[0]; r++) {
            for (int b = 0; b < s[1]; b++) {
                for (int q = 0; q < parts; q++) {
                    long bits = seg.getAtIndex(ValueLayout.JAVA_LONG, base + r * s0 + b * s1 + q * s2);
                    p[q][(int) (r * s[1] + b)] = Double.longBitsToDouble(bits);
                }
            }
        }
        write(out, Pairwise.tree(op, p[0], 0, m), parts == 2 ? Pairwise.tree(op, p[1], 0, m) : 0);
    }

    private static void write(PhysicalStore out, double re, double im) {
        TypeCode t = out.type().code();
        long i = out.index(new long[out.ndim()]);
        MemorySegment seg = out.segment();
        switch (t) {
            case FLOAT64 -> seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, re);
            case FLOAT32 -> seg.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) re);
            case FLOAT16 -> seg.setAtIndex(ValueLayout.JAVA_SHORT, i, Float.floatToFloat16((float) re));
            case COMPLEX128 -> {
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i, re);
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * i + 1, im);
            }
            case COMPLEX64 -> {
                seg.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * i, (float) re);
                seg.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * i + 1, (float) im);
            }
            default -> throw new IllegalArgumentException("block reductions produce floating values, not " + t);
        }
    }

    private static long volume(long[] s) {
        long v = 1;
        for (long e : s) {
            v *= e;
        }
        return v;
    }
}
