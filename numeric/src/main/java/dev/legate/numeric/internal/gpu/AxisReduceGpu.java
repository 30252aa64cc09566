package dev.legate.numeric.internal.gpu;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.reduce.RedOp;
import java.util.ArrayList;
import java.util.List;

/**
 * GPU variants of the reductions along axes ({@code AxisReduceTask}, {@code ArgReduceTask.axis}),
 * computing each output element in the CPU's order, so the results are the CPU's bit for bit.
 *
 * <p>REDUCE_AXIS: the output is promoted along the reduced axes and those are never split. When
 * the last axis is reduced, a warp computes one output element: for each combination of the other
 * reduced coordinates in row-major order it reduces the row in chunks of 1024 (four chunks at a
 * time, one per group of eight lanes, {@link ChunkSource}), combines the chunks in order, and
 * combines the row into the result rounded to the output type, as the CPU's store and reload does.
 * Otherwise a thread computes one output element, combining the values of the reduced coordinates
 * in row-major order. REDUCE_ROW_BLOCKS: a thread per (block of 256 rows, column), in the order of
 * {@code AxisReduceTask.rowBlocks}. ARG_AXIS: a warp per row.
 */
final class AxisReduceGpu {
    private AxisReduceGpu() {
    }

    /** REDUCE_AXIS. Scalars: op ordinal, mask of the reduced axes, then the program. */
    static void axis(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        long mask = ctx.scalar(1).asLong();
        PhysicalStore out = ctx.output(0).data();
        if (out.volume() == 0) {
            return;
        }
        Space space = Space.of(ctx, 2, out.rect(), true);
        DeviceContext d = Gpu.device(ctx);
        TypeCode ot = out.type().code();
        boolean floating = ot.isFloating() || ot.isComplex();
        boolean unsigned = ot.isUnsigned();
        Geometry g = space.geometry;
        int m = g.rank;
        boolean lastReduced = (mask >>> (m - 1) & 1) != 0;
        long outputs = 1;
        for (int dim = 0; dim < m; dim++) {
            if ((mask >>> dim & 1) == 0) {
                outputs *= g.extents[dim];
            }
        }
        long flag = space.needsErrorFlag() ? Gpu.errorFlag(d) : 0;
        Params ps = new Params();
        space.addGeometry(ps, d);
        ps.pointer(CudaTypes.element(ot) + "*", "out", d.address(out));
        for (int dim = 0; dim < m; dim++) {
            ps.i64("so" + dim, out.ndim() == 0 ? 0 : out.stride(dim));
        }
        ps.i64("lg_outputs", outputs);
        space.addConstants(ps, ctx, 2, flag);
        String key = "axis|" + op.ordinal() + "|" + mask + "|" + ot.ordinal() + "|" + space.key();
        DeviceContext.Kernel k = Generated.kernel(d, key, () -> axisSource(space, op, mask, ot, floating, unsigned,
                ps.declarations()), "lg_axis");
        long threads = lastReduced ? outputs * 32 : outputs;
        d.launch(k, new int[] {Gpu.blocks(threads, Gpu.THREADS)}, new int[] {Gpu.THREADS}, 0, ps.values());
        if (flag != 0 && Gpu.readFlag(d, flag) != 0) {
            throw new ArithmeticException("Integers to negative integer powers are not allowed");
        }
    }

    /** Nested loops over the reduced dimensions {@code reduced} (row-major), opening braces. */
    private static String openLoops(List<Integer> reduced, String indent) {
        StringBuilder sb = new StringBuilder();
        String in = indent;
        for (int dim : reduced) {
            sb.append(in).append("for (i64 q").append(dim).append(" = 0; q").append(dim).append(" < e").append(dim)
                    .append("; q").append(dim).append("++) {\n");
            in += "    ";
        }
        return sb.toString();
    }

    private static String closeLoops(int n, String indent) {
        StringBuilder sb = new StringBuilder();
        for (int i = n - 1; i >= 0; i--) {
            sb.append(indent).append("    ".repeat(i)).append("}\n");
        }
        return sb.toString();
    }

    /** Declares {@code q<dim>} for the kept dimensions from linear index {@code t} (last kept fastest). */
    private static String decompose(List<Integer> kept, String t, String indent) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("i64 rr = ").append(t).append(";\n");
        for (int i = kept.size() - 1; i >= 0; i--) {
            int dim = kept.get(i);
            if (i == 0) {
                sb.append(indent).append("const i64 q").append(dim).append(" = rr;\n");
            } else {
                sb.append(indent).append("const i64 q").append(dim).append(" = rr % e").append(dim).append("; rr /= e")
                        .append(dim).append(";\n");
            }
        }
        return sb.toString();
    }

    static String axisSource(Space space, RedOp op, long mask, TypeCode ot, boolean floating, boolean unsigned,
                             String params) {
        int m = space.geometry.rank;
        boolean lastReduced = (mask >>> (m - 1) & 1) != 0;
        List<Integer> kept = new ArrayList<>();
        List<Integer> reduced = new ArrayList<>();
        for (int dim = 0; dim < m; dim++) {
            if ((mask >>> dim & 1) != 0) {
                if (dim < m - 1 || !lastReduced) {
                    reduced.add(dim);
                }
            } else {
                kept.add(dim);
            }
        }
        String acc = floating ? "double" : "i64";
        String id = Space.identity(op, floating, unsigned);
        StringBuilder outOff = new StringBuilder("0");
        for (int dim : kept) {
            outOff.append(" + q").append(dim).append(" * so").append(dim);
        }
        StringBuilder sb = new StringBuilder(8192);
        sb.append(space.expr().function());
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_axis(")
                .append(params).append(") {\n");
        String deep = "        " + "    ".repeat(reduced.size());
        if (!lastReduced) {
            sb.append("    const i64 stride = (i64)gridDim.x * blockDim.x;\n");
            sb.append("    for (i64 t = (i64)blockIdx.x * blockDim.x + threadIdx.x; t < lg_outputs; t += stride) {\n");
            sb.append(decompose(kept, "t", "        "));
            sb.append("        ").append(acc).append(" acc = ").append(id).append(";\n");
            sb.append("        bool first = true;\n");
            sb.append(openLoops(reduced, "        "));
            String[] q = new String[m];
            for (int dim = 0; dim < m; dim++) {
                q[dim] = "q" + dim;
            }
            sb.append(deep).append(space.valueType()).append(" v;\n");
            sb.append(space.valueAt(deep, "v", q));
            sb.append(deep).append("acc = first ? ").append(CudaTypes.fit(ot, "v")).append(" : ")
                    .append(CudaTypes.fit(ot, Space.combine(op, floating, unsigned, "acc", "v"))).append(";\n");
            sb.append(deep).append("first = false;\n");
            sb.append(closeLoops(reduced.size(), "        "));
            sb.append("        ").append(CudaTypes.store(ot, "out", outOff.toString(), "acc")).append('\n');
            sb.append("    }\n}\n");
            return sb.toString();
        }
        String[] outer = new String[m];
        for (int dim = 0; dim < m - 1; dim++) {
            outer[dim] = "q" + dim;
        }
        String comb = Space.combine(op, floating, unsigned, "dr", "pg");
        sb.append("    const int lane = threadIdx.x & 31;\n");
        sb.append("    const int j = lane & 7;\n");
        sb.append("    const int grp = lane >> 3;\n");
        sb.append("    const unsigned gmask = 0xffu << (lane & 24);\n");
        sb.append("    const i64 len = e").append(m - 1).append(";\n");
        sb.append("    const i64 nc = (len + ").append(BlockReduceGpu.CHUNK - 1).append(") / ")
                .append(BlockReduceGpu.CHUNK).append(";\n");
        sb.append("    const i64 step = ((i64)gridDim.x * blockDim.x) >> 5;\n");
        sb.append("    for (i64 w = ((i64)blockIdx.x * blockDim.x + threadIdx.x) >> 5; w < lg_outputs; w += step) {\n");
        sb.append(decompose(kept, "w", "        "));
        sb.append("        ").append(acc).append(" acc = ").append(id).append(";\n");
        sb.append("        bool first = true;\n");
        sb.append(openLoops(reduced, "        "));
        sb.append(deep).append(acc).append(" dr = ").append(id).append(";\n");
        sb.append(deep).append("for (i64 t4 = 0; t4 < nc; t4 += 4) {\n");
        String in = deep + "    ";
        sb.append(in).append("const i64 ci = t4 + grp;\n");
        sb.append(in).append(acc).append(" part = ").append(id).append(";\n");
        sb.append(in).append("if (ci < nc) {\n");
        sb.append(in).append("    const i64 c0 = ci * ").append(BlockReduceGpu.CHUNK).append(";\n");
        sb.append(in).append("    const i64 c = min((i64)").append(BlockReduceGpu.CHUNK).append(", len - c0);\n");
        sb.append(ChunkSource.chunk(space, in + "    ", op, floating, false, unsigned, outer));
        sb.append(in).append("    part = p_re;\n");
        sb.append(in).append("}\n");
        sb.append(in).append("for (int g = 0; g < 4; g++) {\n");
        sb.append(in).append("    const ").append(acc).append(" pg = __shfl_sync(0xffffffffu, part, g * 8);\n");
        sb.append(in).append("    if (lane == 0 && t4 + g < nc) {\n");
        sb.append(in).append("        dr = t4 + g == 0 ? pg : ").append(comb).append(";\n");
        sb.append(in).append("    }\n");
        sb.append(in).append("}\n");
        sb.append(deep).append("}\n");
        sb.append(deep).append("if (lane == 0) {\n");
        sb.append(deep).append("    acc = first ? ").append(CudaTypes.fit(ot, "dr")).append(" : ")
                .append(CudaTypes.fit(ot, Space.combine(op, floating, unsigned, "acc", "dr"))).append(";\n");
        sb.append(deep).append("}\n");
        sb.append(deep).append("first = false;\n");
        sb.append(closeLoops(reduced.size(), "        "));
        sb.append("        if (lane == 0) {\n");
        sb.append("            ").append(CudaTypes.store(ot, "out", outOff.toString(), "acc")).append('\n');
        sb.append("        }\n");
        sb.append("    }\n}\n");
        return sb.toString();
    }

    /** REDUCE_ROW_BLOCKS. Scalars: op ordinal, then the program; output 0 the (blocks, cols) partial rows. */
    static void rowBlocks(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        PhysicalStore q = ctx.output(0).data();
        PhysicalStore first = ctx.input(0).data();
        long r0 = first.rect().lo(0);
        long r1 = first.rect().hi(0);
        long cols = first.storeShape().extent(1);
        if (r0 >= r1 || cols == 0) {
            return;
        }
        Space space = Space.of(ctx, 1, first.rect(), true);
        DeviceContext d = Gpu.device(ctx);
        long rb = dev.legate.numeric.internal.tasks.AxisReduceTask.ROW_BLOCK;
        long bLo = r0 / rb;
        long bCount = (r1 - 1) / rb - bLo + 1;
        boolean plain = op == RedOp.SUM && space.program.length() == 1 && space.program.op(0) == Op.INPUT
                && space.types[0] == TypeCode.FLOAT64 && first.stride(1) == 1;
        long flag = space.needsErrorFlag() ? Gpu.errorFlag(d) : 0;
        Params ps = new Params();
        space.addGeometry(ps, d);
        ps.pointer("double*", "qout", d.address(q)).i64("qs0", q.stride(0)).i64("qs1", q.stride(1));
        ps.i64("b_lo", bLo).i64("b_count", bCount).i64("rows_total", first.storeShape().extent(0)).i64("rb", rb);
        space.addConstants(ps, ctx, 1, flag);
        String key = "rowblocks|" + op.ordinal() + (plain ? "p" : "g") + "|" + space.key();
        DeviceContext.Kernel k = Generated.kernel(d, key, () -> rowBlocksSource(space, op, plain, ps.declarations()),
                "lg_row_blocks");
        long threads = bCount * cols;
        d.launch(k, new int[] {Gpu.blocks(threads, Gpu.THREADS)}, new int[] {Gpu.THREADS}, 0, ps.values());
        if (flag != 0 && Gpu.readFlag(d, flag) != 0) {
            throw new ArithmeticException("Integers to negative integer powers are not allowed");
        }
    }

    static String rowBlocksSource(Space space, RedOp op, boolean plain, String params) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append(space.expr().function());
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_row_blocks(")
                .append(params).append(") {\n");
        sb.append("    const i64 stride = (i64)gridDim.x * blockDim.x;\n");
        sb.append("    for (i64 t = (i64)blockIdx.x * blockDim.x + threadIdx.x; t < b_count * e1; t += stride) {\n");
        sb.append("        const i64 bk = b_lo + t / e1;\n");
        sb.append("        const i64 col = t % e1;\n");
        sb.append("        const i64 lo = bk * rb;\n");
        sb.append("        const i64 hi = min(rows_total, lo + rb);\n");
        sb.append("        double acc;\n");
        sb.append("        double v;\n");
        sb.append(space.valueAt("        ", "acc", new String[] {"lo - lo0", "col"}));
        sb.append("        i64 r = lo + 1;\n");
        if (plain) {
            sb.append("        for (; r + 4 <= hi; r += 4) {\n");
            sb.append("            double a0, a1, a2, a3;\n");
            for (int i = 0; i < 4; i++) {
                sb.append(space.valueAt("            ", "a" + i, new String[] {"r + " + i + " - lo0", "col"}));
            }
            sb.append("            acc += (a0 + a1) + (a2 + a3);\n");
            sb.append("        }\n");
        }
        sb.append("        for (; r < hi; r++) {\n");
        sb.append(space.valueAt("            ", "v", new String[] {"r - lo0", "col"}));
        sb.append("            acc = ").append(Space.combine(op, true, false, "acc", "v")).append(";\n");
        sb.append("        }\n");
        sb.append("        qout[(bk - b_lo) * qs0 + col * qs1] = acc;\n");
        sb.append("    }\n}\n");
        return sb.toString();
    }

    /** ARG_AXIS. Scalars: 1 for argmax (0 for argmin), then the program; output int64 promoted along the last axis. */
    static void argAxis(TaskContext ctx) {
        boolean max = ctx.scalar(0).asInt() == 1;
        PhysicalStore out = ctx.output(0).data();
        if (out.volume() == 0) {
            return;
        }
        Space space = Space.of(ctx, 1, out.rect(), true);
        DeviceContext d = Gpu.device(ctx);
        boolean floating = space.program.resultType().isFloating();
        boolean unsigned = space.program.resultType().isUnsigned();
        Geometry g = space.geometry;
        int m = g.rank;
        long rows = g.rows();
        long flag = space.needsErrorFlag() ? Gpu.errorFlag(d) : 0;
        Params ps = new Params();
        space.addGeometry(ps, d);
        ps.pointer("i64*", "out", d.address(out));
        for (int dim = 0; dim < m - 1; dim++) {
            ps.i64("so" + dim, out.stride(dim));
        }
        ps.i64("lg_rows", rows);
        space.addConstants(ps, ctx, 1, flag);
        String key = "argaxis|" + (max ? "max" : "min") + "|" + space.key();
        DeviceContext.Kernel k = Generated.kernel(d, key, () -> argAxisSource(space, max, floating, unsigned,
                ps.declarations()), "lg_arg_axis");
        d.launch(k, new int[] {Gpu.blocks(rows * 32, Gpu.THREADS)}, new int[] {Gpu.THREADS}, 0, ps.values());
        if (flag != 0 && Gpu.readFlag(d, flag) != 0) {
            throw new ArithmeticException("Integers to negative integer powers are not allowed");
        }
    }

    static String argAxisSource(Space space, boolean max, boolean floating, boolean unsigned, String params) {
        int m = space.geometry.rank;
        String vt = floating ? "double" : "i64";
        List<Integer> kept = new ArrayList<>();
        for (int dim = 0; dim < m - 1; dim++) {
            kept.add(dim);
        }
        StringBuilder outOff = new StringBuilder("0");
        for (int dim : kept) {
            outOff.append(" + q").append(dim).append(" * so").append(dim);
        }
        String[] q = new String[m];
        for (int dim = 0; dim < m - 1; dim++) {
            q[dim] = "q" + dim;
        }
        q[m - 1] = "x";
        StringBuilder sb = new StringBuilder(8192);
        sb.append(space.expr().function());
        sb.append(ScalarReduceGpu.takes(max, floating, unsigned));
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_arg_axis(")
                .append(params).append(") {\n");
        sb.append("    const int lane = threadIdx.x & 31;\n");
        sb.append("    const i64 step = ((i64)gridDim.x * blockDim.x) >> 5;\n");
        sb.append("    for (i64 w = ((i64)blockIdx.x * blockDim.x + threadIdx.x) >> 5; w < lg_rows; w += step) {\n");
        if (kept.isEmpty()) {
            sb.append("        (void)w;\n");
        } else {
            sb.append(decompose(kept, "w", "        "));
        }
        sb.append("        ").append(vt).append(" bv = 0;\n        i64 bi = -1;\n");
        sb.append("        for (i64 x = lane; x < e").append(m - 1).append("; x += 32) {\n");
        sb.append("            ").append(space.valueType()).append(" v;\n");
        sb.append(space.valueAt("            ", "v", q));
        sb.append("            if (lg_takes(bv, bi, v, x)) {\n                bv = v;\n                bi = x;\n            }\n");
        sb.append("        }\n");
        sb.append("        for (int h = 16; h > 0; h >>= 1) {\n");
        sb.append("            const ").append(vt).append(" ov = __shfl_down_sync(0xffffffffu, bv, h);\n");
        sb.append("            const i64 oi = __shfl_down_sync(0xffffffffu, bi, h);\n");
        sb.append("            if (lg_takes(bv, bi, ov, oi)) {\n                bv = ov;\n                bi = oi;\n            }\n");
        sb.append("        }\n");
        sb.append("        if (lane == 0) {\n");
        sb.append("            out[").append(outOff).append("] = bi < 0 ? 0 : bi;\n");
        sb.append("        }\n");
        sb.append("    }\n}\n");
        return sb.toString();
    }
}
