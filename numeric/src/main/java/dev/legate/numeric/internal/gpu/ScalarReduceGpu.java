package dev.legate.numeric.internal.gpu;

import dev.legate.core.DType;
import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.reduce.RedOp;

/**
 * GPU variants of the reductions to one value whose result does not depend on the order of
 * combination ({@code ScalarReduceTask}: integer and boolean reductions, floating min and max; and
 * {@code ArgReduceTask.full}: argmin/argmax, which keeps the best value and among equal ones the
 * smallest index, NaN first): each block of threads reduces its elements, the block results are
 * reduced by one block, and that result is combined into the 0-d reduction argument as the CPU
 * variant does, so the result is the CPU's.
 */
final class ScalarReduceGpu {
    /** Most blocks of the first stage (their partials are reduced by one block). */
    private static final long STAGE_BLOCKS = 1024;

    private ScalarReduceGpu() {
    }

    /** REDUCE_SCALAR. Scalars: op ordinal, then the program. */
    static void scalar(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        PhysicalStore red = ctx.reduction(0).data();
        Space space = Space.of(ctx, 1, ctx.input(0).data().rect(), false);
        DeviceContext d = Gpu.device(ctx);
        TypeCode rt = red.type().code();
        boolean floating = rt.isFloating();
        boolean unsigned = space.program.resultType() == TypeCode.UINT64;
        Geometry g = space.geometry;
        long work = g.volume() == 0 ? 0 : g.rows() * ((g.inner() + ElementwiseGpu.SPAN - 1) / ElementwiseGpu.SPAN);
        int grid = (int) Math.max(1, Math.min(work, STAGE_BLOCKS));
        long part = d.scratch(grid * 8L);
        long flag = space.needsErrorFlag() ? Gpu.errorFlag(d) : 0;
        Params ps = new Params();
        space.addGeometry(ps, d);
        ps.i64("lg_blocks", work).pointer(floating ? "double*" : "i64*", "lg_part", part);
        space.addConstants(ps, ctx, 1, flag);
        String key = "scalar|" + op.ordinal() + (floating ? "f" : "l") + (unsigned ? "u" : "s") + rt.ordinal() + "|"
                + space.key();
        String fn = "lg_scalar";
        DeviceContext.Kernel k = Generated.kernel(d, key, () -> scalarSource(space, op, floating, unsigned, rt,
                ps.declarations()), fn);
        d.launch(k, new int[] {grid}, new int[] {Gpu.THREADS}, 0, ps.values());
        DeviceContext.Kernel fin = Generated.kernel(d, key, () -> scalarSource(space, op, floating, unsigned, rt,
                ps.declarations()), "lg_scalar_fin");
        d.launch(fin, new int[] {1}, new int[] {Gpu.THREADS}, 0, part, (long) grid, d.address(red));
        if (flag != 0 && Gpu.readFlag(d, flag) != 0) {
            throw new ArithmeticException("Integers to negative integer powers are not allowed");
        }
    }

    /** The rows-mode loop over a merged tile, as the element-wise kernel's, calling {@code body} per element. */
    static String rowsLoop(Space space, String body) {
        Geometry g = space.geometry;
        int m = g.rank;
        StringBuilder sb = new StringBuilder();
        sb.append("    const i64 inner = e").append(m - 1).append(";\n");
        sb.append("    const i64 cpr = (inner + ").append(ElementwiseGpu.SPAN - 1).append(") / ")
                .append(ElementwiseGpu.SPAN).append(";\n");
        sb.append("    for (i64 b = blockIdx.x; b < lg_blocks; b += gridDim.x) {\n");
        sb.append("        const i64 row = b / cpr;\n");
        sb.append("        const i64 j0 = (b - row * cpr) * ").append(ElementwiseGpu.SPAN).append(" + threadIdx.x;\n");
        sb.append("        i64 r = row;\n");
        for (int dim = m - 2; dim >= 1; dim--) {
            sb.append("        const i64 q").append(dim).append(" = r % e").append(dim).append("; r /= e").append(dim)
                    .append(";\n");
        }
        if (m >= 2) {
            sb.append("        const i64 q0 = r;\n");
        }
        sb.append("        for (int u = 0; u < ").append(ElementwiseGpu.UNROLL).append("; u++) {\n");
        sb.append("            const i64 x = j0 + u * ").append(Gpu.THREADS).append(";\n");
        sb.append("            if (x < inner) {\n");
        sb.append(body);
        sb.append("            }\n");
        sb.append("        }\n");
        sb.append("    }\n");
        return sb.toString();
    }

    /** The local coordinates of the rows loop's element: {@code q0 .. q(m-2), x}. */
    static String[] rowsCoords(int m) {
        String[] q = new String[m];
        for (int dim = 0; dim < m - 1; dim++) {
            q[dim] = "q" + dim;
        }
        q[m - 1] = "x";
        return q;
    }

    /** A shared-memory tree over the block's {@code acc} values into {@code sh[0]}, with {@code comb}. */
    private static String blockReduce(String type, String comb) {
        return "    __shared__ " + type + " sh[" + Gpu.THREADS + "];\n"
                + "    sh[threadIdx.x] = acc;\n"
                + "    __syncthreads();\n"
                + "    for (int h = " + Gpu.THREADS / 2 + "; h > 0; h >>= 1) {\n"
                + "        if (threadIdx.x < h) {\n"
                + "            " + type + " a = sh[threadIdx.x];\n"
                + "            " + type + " bb = sh[threadIdx.x + h];\n"
                + "            sh[threadIdx.x] = " + comb + ";\n"
                + "        }\n"
                + "        __syncthreads();\n"
                + "    }\n";
    }

    static String scalarSource(Space space, RedOp op, boolean floating, boolean unsigned, TypeCode rt, String params) {
        String acc = floating ? "double" : "i64";
        String id = Space.identity(op, floating, unsigned);
        String comb = Space.combine(op, floating, unsigned, "a", "bb");
        StringBuilder sb = new StringBuilder(8192);
        sb.append(space.expr().function());
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_scalar(")
                .append(params).append(") {\n");
        sb.append("    ").append(acc).append(" acc = ").append(id).append(";\n");
        String body = "                " + space.valueType() + " v;\n"
                + space.valueAt("                ", "v", rowsCoords(space.geometry.rank))
                + "                acc = " + Space.combine(op, floating, unsigned, "acc", "v") + ";\n";
        sb.append(rowsLoop(space, body));
        sb.append(blockReduce(acc, comb));
        sb.append("    if (threadIdx.x == 0) {\n        lg_part[blockIdx.x] = sh[0];\n    }\n}\n");
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_scalar_fin(const ")
                .append(acc).append("* lg_part, i64 n, ").append(CudaTypes.element(rt)).append("* red) {\n");
        sb.append("    ").append(acc).append(" acc = ").append(id).append(";\n");
        sb.append("    for (i64 i = threadIdx.x; i < n; i += blockDim.x) {\n");
        sb.append("        acc = ").append(Space.combine(op, floating, unsigned, "acc", "lg_part[i]")).append(";\n");
        sb.append("    }\n");
        sb.append(blockReduce(acc, comb));
        sb.append("    if (threadIdx.x == 0) {\n");
        sb.append("        const ").append(acc).append(" old = ").append(CudaTypes.load(rt, "red", "0")).append(";\n");
        sb.append("        const ").append(acc).append(" now = ")
                .append(CudaTypes.fit(rt, Space.combine(op, floating, unsigned, "old", "sh[0]"))).append(";\n");
        sb.append("        ").append(CudaTypes.store(rt, "red", "0", "now")).append('\n');
        sb.append("    }\n}\n");
        return sb.toString();
    }

    /** ARG_FULL. Scalars: 1 for argmax (0 for argmin), then the program. */
    static void argFull(TaskContext ctx) {
        boolean max = ctx.scalar(0).asInt() == 1;
        PhysicalStore red = ctx.reduction(0).data();
        DType.Struct st = (DType.Struct) red.type();
        boolean floating = st.fields().get(0).code().isFloating();
        Space space = Space.of(ctx, 1, ctx.input(0).data().rect(), true);
        boolean unsigned = space.program.resultType().isUnsigned();
        DeviceContext d = Gpu.device(ctx);
        Geometry g = space.geometry;
        long work = g.volume() == 0 ? 0 : g.rows() * ((g.inner() + ElementwiseGpu.SPAN - 1) / ElementwiseGpu.SPAN);
        int grid = (int) Math.max(1, Math.min(work, STAGE_BLOCKS));
        long values = d.scratch(grid * 8L);
        long indices = d.scratch(grid * 8L);
        long flag = space.needsErrorFlag() ? Gpu.errorFlag(d) : 0;
        long[] shape = ctx.input(0).data().storeShape().extents();
        Params ps = new Params();
        space.addGeometry(ps, d);
        long acc = 1;
        long[] lin = new long[g.rank];
        for (int dim = shape.length - 1; dim >= 0; dim--) {
            lin[dim] = acc;
            acc *= shape[dim];
        }
        for (int dim = 0; dim < g.rank; dim++) {
            ps.i64("li" + dim, lin[dim]);
        }
        ps.i64("lg_blocks", work).pointer(floating ? "double*" : "i64*", "lg_vals", values)
                .pointer("i64*", "lg_idx", indices);
        space.addConstants(ps, ctx, 1, flag);
        String key = "argfull|" + (max ? "max" : "min") + (floating ? "f" : "l") + (unsigned ? "u" : "s") + "|"
                + space.key();
        java.util.function.Supplier<String> src = () -> argSource(space, max, floating, unsigned, ps.declarations());
        d.launch(Generated.kernel(d, key, src, "lg_arg"), new int[] {grid}, new int[] {Gpu.THREADS}, 0, ps.values());
        d.launch(Generated.kernel(d, key, src, "lg_arg_fin"), new int[] {1}, new int[] {Gpu.THREADS}, 0, values,
                indices, (long) grid, d.address(red), (long) st.offset(1));
        if (flag != 0 && Gpu.readFlag(d, flag) != 0) {
            throw new ArithmeticException("Integers to negative integer powers are not allowed");
        }
    }

    /**
     * C code for the argmin/argmax preference: whether candidate {@code (v, i)} replaces the
     * current best {@code (bv, bi)} ({@code bi < 0}: none yet), ArgReduceTask's rule.
     */
    static String takes(boolean max, boolean floating, boolean unsigned) {
        String cmp = max ? ">" : "<";
        if (floating) {
            return "__device__ __forceinline__ bool lg_takes(double bv, i64 bi, double v, i64 i) {\n"
                    + "    if (i < 0) return false;\n"
                    + "    if (bi < 0) return true;\n"
                    + "    if (bv != bv) return v != v && i < bi;\n"
                    + "    if (v != v) return true;\n"
                    + "    if (v == bv) return i < bi;\n"
                    + "    return v " + cmp + " bv;\n"
                    + "}\n";
        }
        return "__device__ __forceinline__ bool lg_takes(i64 bv, i64 bi, i64 v, i64 i) {\n"
                + "    if (i < 0) return false;\n"
                + "    if (bi < 0) return true;\n"
                + "    const int c = lg_cmp(v, bv, " + unsigned + ");\n"
                + "    return c " + cmp + " 0 || (c == 0 && i < bi);\n"
                + "}\n";
    }

    static String argSource(Space space, boolean max, boolean floating, boolean unsigned, String params) {
        String vt = floating ? "double" : "i64";
        int m = space.geometry.rank;
        StringBuilder sb = new StringBuilder(8192);
        sb.append(space.expr().function());
        sb.append(takes(max, floating, unsigned));
        String reduce = "    __shared__ " + vt + " shv[" + Gpu.THREADS + "];\n"
                + "    __shared__ i64 shi[" + Gpu.THREADS + "];\n"
                + "    shv[threadIdx.x] = bv;\n"
                + "    shi[threadIdx.x] = bi;\n"
                + "    __syncthreads();\n"
                + "    for (int h = " + Gpu.THREADS / 2 + "; h > 0; h >>= 1) {\n"
                + "        if (threadIdx.x < h && lg_takes(shv[threadIdx.x], shi[threadIdx.x], shv[threadIdx.x + h], "
                + "shi[threadIdx.x + h])) {\n"
                + "            shv[threadIdx.x] = shv[threadIdx.x + h];\n"
                + "            shi[threadIdx.x] = shi[threadIdx.x + h];\n"
                + "        }\n"
                + "        __syncthreads();\n"
                + "    }\n";
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_arg(")
                .append(params).append(") {\n");
        sb.append("    ").append(vt).append(" bv = 0;\n    i64 bi = -1;\n");
        StringBuilder lin = new StringBuilder("0");
        String[] q = rowsCoords(m);
        for (int dim = 0; dim < m; dim++) {
            lin.append(" + (lo").append(dim).append(" + ").append(q[dim]).append(") * li").append(dim);
        }
        String body = "                " + space.valueType() + " v;\n"
                + space.valueAt("                ", "v", q)
                + "                const i64 i = " + lin + ";\n"
                + "                if (lg_takes(bv, bi, v, i)) {\n"
                + "                    bv = v;\n"
                + "                    bi = i;\n"
                + "                }\n";
        sb.append(rowsLoop(space, body));
        sb.append(reduce);
        sb.append("    if (threadIdx.x == 0) {\n        lg_vals[blockIdx.x] = shv[0];\n        lg_idx[blockIdx.x] = shi[0];\n"
                + "    }\n}\n");
        sb.append("extern \"C\" __global__ void __launch_bounds__(").append(Gpu.THREADS).append(") lg_arg_fin(const ")
                .append(vt).append("* vals, const i64* idx, i64 n, char* pair, i64 io) {\n");
        sb.append("    ").append(vt).append(" bv = 0;\n    i64 bi = -1;\n");
        sb.append("    for (i64 k = threadIdx.x; k < n; k += blockDim.x) {\n");
        sb.append("        if (lg_takes(bv, bi, vals[k], idx[k])) {\n            bv = vals[k];\n            bi = idx[k];\n"
                + "        }\n    }\n");
        sb.append(reduce);
        sb.append("    if (threadIdx.x == 0 && shi[0] >= 0) {\n");
        sb.append("        ").append(vt).append(" old = *(").append(vt).append("*)pair;\n");
        sb.append("        i64 oldi = *(i64*)(pair + io);\n");
        sb.append("        if (lg_takes(old, oldi, shv[0], shi[0])) {\n");
        sb.append("            *(").append(vt).append("*)pair = shv[0];\n");
        sb.append("            *(i64*)(pair + io) = shi[0];\n");
        sb.append("        }\n    }\n}\n");
        return sb.toString();
    }

    /** ARG_INDEX: the index field of the 0-d pair (input 0) into the 0-d int64 output 0. */
    static void argIndex(TaskContext ctx) {
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore out = ctx.output(0).data();
        DType.Struct st = (DType.Struct) in.type();
        DeviceContext d = Gpu.device(ctx);
        d.launch(Gpu.kernel(d, "numeric_arg_index"), new int[] {1}, new int[] {1}, 0, d.address(in), (long) st.offset(1),
                d.address(out));
    }
}
