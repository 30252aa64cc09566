package dev.legate.numeric.internal.gpu;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.reduce.RedOp;

/**
 * GPU variants of the deterministic floating sums and products ({@code BlockReduceTask}): the
 * same blocks of {@code G} elements along the last axis, aligned to global indices, each reduced in
 * the CPU's order (chunks of {@code Interpreter.CHUNK} values reduced by {@link ChunkSource} and
 * combined in order; a plain contiguous float64 input in one chunk per block, as the CPU's span
 * path does), and the same tree over the block partials ({@code numeric_tree}, the CPU's
 * {@code Pairwise.tree}). The results are therefore bitwise the CPU's.
 *
 * <p>One group of eight lanes computes one block partial. Scalars: op ordinal, G, then the program.
 */
final class BlockReduceGpu {
    /** The CPU interpreter's chunk length ({@code Interpreter.CHUNK}). */
    static final long CHUNK = 1024;

    private BlockReduceGpu() {
    }

    /** REDUCE_BLOCKS: partials, as raw bits, XORed into the int64 reduction (rows, blocks, parts). */
    static void blocks(TaskContext ctx) {
        PhysicalStore red = ctx.reduction(0).data();
        Space space = Space.of(ctx, 2, ctx.input(0).data().rect(), true);
        if (space.geometry.volume() == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        partials(ctx, d, space, d.address(red), red.stride(0), red.stride(1), red.stride(2), true);
    }

    /** REDUCE_FULL: partials and the tree in one point, into the 0-d output. */
    static void full(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        long g = ctx.scalar(1).asLong();
        PhysicalStore out = ctx.output(0).data();
        PhysicalStore first = ctx.input(0).data();
        Space space = Space.of(ctx, 2, first.rect(), true);
        DeviceContext d = Gpu.device(ctx);
        long[] shape = first.storeShape().extents();
        int nd = shape.length;
        long n = nd == 0 ? 1 : shape[nd - 1];
        long vol = 1;
        for (long e : shape) {
            vol *= e;
        }
        long rows = nd == 0 ? 1 : Math.max(1, vol / Math.max(1, n));
        long blocks = (n + g - 1) / g;
        int parts = space.program.resultType().isComplex() ? 2 : 1;
        long p = d.scratch(Math.max(1, rows * blocks * parts) * 8);
        if (space.geometry.volume() > 0) {
            partials(ctx, d, space, p, blocks * parts, parts, 1, false);
        }
        tree(d, op, p, rows, blocks, blocks * parts, parts, 1, parts, d.address(out), out.type().code());
    }

    /** REDUCE_COMBINE: the tree over the partials (input 0, whole) into the 0-d output 0. */
    static void combine(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore out = ctx.output(0).data();
        DeviceContext d = Gpu.device(ctx);
        long[] s = in.storeShape().extents();
        tree(d, op, d.address(in), s[0], s[1], in.stride(0), in.stride(1), in.stride(2), (int) s[2], d.address(out),
                out.type().code());
    }

    /** The depth of the tree's recursion over {@code m} values (leaves of at most 8). */
    static int depth(long m) {
        int depth = 0;
        while (m > 8) {
            m -= m / 2;
            depth++;
        }
        return depth;
    }

    /** Launches {@code numeric_tree} over rows x blocks partials at {@code p} into {@code out} of type {@code t}. */
    static void tree(DeviceContext d, RedOp op, long p, long rows, long blocks, long s0, long s1, long s2, int parts,
                     long out, TypeCode t) {
        if (op != RedOp.SUM && op != RedOp.PROD) {
            throw new IllegalArgumentException("block reductions are sums or products, not " + op);
        }
        int type = switch (t) {
            case FLOAT64 -> 0;
            case FLOAT32 -> 1;
            case FLOAT16 -> 2;
            case COMPLEX128 -> 3;
            case COMPLEX64 -> 4;
            default -> throw new TypeMismatchException("block reductions produce floating values, not " + t);
        };
        int depth = depth(rows * blocks);
        long tmp = d.scratch(8L << depth);
        d.launch(Gpu.kernel(d, "numeric_tree"), new int[] {1}, new int[] {1024}, 0, p, rows, blocks, s0, s1, s2,
                parts, op == RedOp.SUM ? 0 : 1, tmp, depth, out, type);
    }

    /**
     * Launches the partials kernel: partial (row, block, part) goes to element
     * {@code row ps0 + block ps1 + part ps2} of the int64 words at {@code p}, XORed in ({@code xor})
     * or stored.
     */
    private static void partials(TaskContext ctx, DeviceContext d, Space space, long p, long ps0, long ps1, long ps2,
                                 boolean xor) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        long g = ctx.scalar(1).asLong();
        TypeCode rt = space.program.resultType();
        if (!rt.isFloating() && !rt.isComplex()) {
            throw new TypeMismatchException("block reductions take floating programs, got " + rt);
        }
        Geometry geo = space.geometry;
        PhysicalStore first = ctx.input(0).data();
        long[] shape = first.storeShape().extents();
        int nd = shape.length;
        long lo = geo.lo[geo.rank - 1];
        long hi = lo + geo.inner();
        long nb = (hi - 1) / g - lo / g + 1;
        long groups = geo.rows() * nb;
        boolean plain = space.program.length() == 1 && space.program.op(0) == Op.INPUT
                && space.types[0] == TypeCode.FLOAT64 && geo.strides[0][geo.rank - 1] == 1;
        long chunk = plain ? g : CHUNK;
        long flag = space.needsErrorFlag() ? Gpu.errorFlag(d) : 0;
        Params ps = new Params();
        space.addGeometry(ps, d);
        long acc = 1;
        long[] rowStrides = new long[geo.rank];
        for (int dim = nd - 2; dim >= 0; dim--) {
            rowStrides[dim] = acc;
            acc *= shape[dim];
        }
        for (int dim = 0; dim < geo.rank - 1; dim++) {
            ps.i64("rs" + dim, rowStrides[dim]);
        }
        ps.i64("G", g).i64("C", chunk).i64("nb", nb).i64("groups", groups);
        ps.pointer("i64*", "pout", p).i64("ps0", ps0).i64("ps1", ps1).i64("ps2", ps2);
        space.addConstants(ps, ctx, 2, flag);
        boolean complex = rt.isComplex();
        String key = "blocks|" + op.ordinal() + (xor ? "x" : "s") + "|" + space.key();
        DeviceContext.Kernel k = Generated.kernel(d, key, () -> source(space, op, complex, xor, ps.declarations()),
                "lg_blocks");
        long threads = groups * 8;
        d.launch(k, new int[] {Gpu.blocks(threads, Gpu.THREADS)}, new int[] {Gpu.THREADS}, 0, ps.values());
        if (flag != 0 && Gpu.readFlag(d, flag) != 0) {
            throw new ArithmeticException("Integers to negative integer powers are not allowed");
        }
    }

    /** The partials kernel's source. */
    static String source(Space space, RedOp op, boolean complex, boolean xor, String params) {
        int m = space.geometry.rank;
        String[] outer = new String[m];
        for (int dim = 0; dim < m - 1; dim++) {
            outer[dim] = "q" + dim;
        }
        String comb = op == RedOp.SUM ? "+" : "*";
        StringBuilder sb = new StringBuilder(8192);
        sb.append(space.expr().function());
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_blocks(")
                .append(params).append(") {\n");
        sb.append("    const int j = threadIdx.x & 7;\n");
        sb.append("    const unsigned gmask = 0xffu << (threadIdx.x & 24);\n");
        sb.append("    const i64 lo_last = lo").append(m - 1).append(";\n");
        sb.append("    const i64 hi_last = lo_last + e").append(m - 1).append(";\n");
        sb.append("    const i64 step = ((i64)gridDim.x * blockDim.x) >> 3;\n");
        sb.append("    for (i64 w = ((i64)blockIdx.x * blockDim.x + threadIdx.x) >> 3; w < groups; w += step) {\n");
        sb.append("        const i64 row = w / nb;\n");
        sb.append("        const i64 bi = w - row * nb;\n");
        sb.append("        i64 r = row;\n");
        for (int dim = m - 2; dim >= 1; dim--) {
            sb.append("        const i64 q").append(dim).append(" = r % e").append(dim).append("; r /= e").append(dim)
                    .append(";\n");
        }
        if (m >= 2) {
            sb.append("        const i64 q0 = r;\n");
        }
        StringBuilder grow = new StringBuilder("0");
        for (int dim = 0; dim < m - 1; dim++) {
            grow.append(" + (lo").append(dim).append(" + q").append(dim).append(") * rs").append(dim);
        }
        sb.append("        const i64 grow = ").append(grow).append(";\n");
        sb.append("        const i64 gb = lo_last / G + bi;\n");
        sb.append("        const i64 s = max(lo_last, gb * G) - lo_last;\n");
        sb.append("        const i64 e = min(hi_last, (gb + 1) * G) - lo_last;\n");
        sb.append("        double acc_re = 0.0;\n");
        sb.append("        double acc_im = 0.0;\n");
        sb.append("        for (i64 c0 = s; c0 < e; c0 += C) {\n");
        sb.append("            const i64 c = min(C, e - c0);\n");
        sb.append(ChunkSource.chunk(space, "            ", op, true, complex, false, outer));
        sb.append("            if (j == 0) {\n");
        sb.append("                acc_re = c0 == s ? p_re : acc_re ").append(comb).append(" p_re;\n");
        if (complex) {
            sb.append("                acc_im = c0 == s ? p_im : acc_im ").append(comb).append(" p_im;\n");
        }
        sb.append("            }\n");
        sb.append("        }\n");
        sb.append("        if (j == 0) {\n");
        String at = "grow * ps0 + gb * ps1";
        sb.append(write("            ", at, "acc_re", xor));
        if (complex) {
            sb.append(write("            ", at + " + ps2", "acc_im", xor));
        }
        sb.append("        }\n");
        sb.append("    }\n}\n");
        return sb.toString();
    }

    private static String write(String indent, String at, String value, boolean xor) {
        return indent + "pout[" + at + "] " + (xor ? "^=" : "=") + " lg_dbits(" + value + ");\n";
    }
}
