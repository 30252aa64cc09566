package dev.legate.sparse.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;

/**
 * GPU variants of the sparse library's tasks: each body checks its tiles and launches kernels of
 * {@code src/main/cuda/sparse.cu} on the task's stream through {@link DeviceContext}; nothing
 * here waits for the device. Every variant computes what its CPU variant computes, operation by
 * operation, so the results are the same bits (see the kernels' file comment).
 *
 * <p>Not here, so they run on CPUs even with GPUs present: random rows (their column gaps come
 * from {@code Math.log}, whose last bit the GPU's {@code log} does not promise to match), SpGEMM,
 * COO/DIA/dense to CSR, and Kronecker products.
 */
final class GpuVariants {
    private GpuVariants() {
    }

    /** {@code y = A x}: inputs lo, hi, crd, val, x; output y (see {@link SpmvKernels#spmv}). */
    static void spmv(TaskContext ctx) {
        product(ctx, false);
    }

    /**
     * {@code y += A x}, continuing each row's sum from y's value (see
     * {@link ColumnKernels#spmvAdd}): inputs lo, hi, crd, val, x, y; output y.
     */
    static void spmvAdd(TaskContext ctx) {
        product(ctx, true);
    }

    /**
     * SpMV with the kernel of {@link SpmvPlan}; with {@code add} (the CSR-vector kernels only, 8
     * lanes where the plan says CSR-stream) each row's sum starts from input 5, y's value.
     */
    private static void product(TaskContext ctx, boolean add) {
        PhysicalStore y = ctx.output(0).data();
        if (y.volume() == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        PhysicalStore lo = ctx.input(0).data();
        PhysicalStore hi = ctx.input(1).data();
        PhysicalStore crd = ctx.input(2).data();
        PhysicalStore val = ctx.input(3).data();
        PhysicalStore x = ctx.input(4).data();
        Gpu.requireRows(lo, hi, crd);
        String t = Gpu.suffix(val);
        Gpu.sameType(val, x, "values and x");
        Gpu.sameType(val, y, "values and y");
        long r0 = y.rect().lo(0);
        long r1 = y.rect().hi(0);
        SpmvPlan plan = SpmvPlan.of(crd.storeShape().volume(), lo.storeShape().volume(), val.type().size(),
                ctx.scalar(0).asBoolean());
        int lanes = add && plan.lanes() == 0 ? 8 : plan.lanes();
        if (lanes > 0) {
            long rowsPerWarp = 32 / lanes;
            long threads = (r1 - r0 + rowsPerWarp - 1) / rowsPerWarp * 32;
            if (add) {
                Gpu.launch(d, "sparse_spmv_add_vector" + lanes + "_" + t, threads, Gpu.in(d, lo), Gpu.in(d, hi),
                        Gpu.in(d, crd), Gpu.in(d, val), Gpu.in(d, x), Gpu.in(d, ctx.input(5).data()), Gpu.out(d, y),
                        r0, r1);
            } else {
                Gpu.launch(d, "sparse_spmv_vector" + lanes + "_" + t, threads, Gpu.in(d, lo), Gpu.in(d, hi),
                        Gpu.in(d, crd), Gpu.in(d, val), Gpu.in(d, x), Gpu.out(d, y), r0, r1);
            }
            return;
        }
        long blocks = (r1 - r0 + plan.rowsPerBlock() - 1) / plan.rowsPerBlock();
        d.launch(Gpu.kernel(d, "sparse_spmv_" + t), new int[] {(int) Math.min(blocks, Integer.MAX_VALUE)},
                new int[] {SpmvPlan.THREADS}, 0, Gpu.in(d, lo), Gpu.in(d, hi), Gpu.in(d, crd), Gpu.in(d, val),
                Gpu.in(d, x), Gpu.out(d, y), r0, r1, plan.rowsPerBlock());
    }

    /** Per-row entry counts in a column range (see {@link ColumnKernels#count}). */
    static void columnCount(TaskContext ctx) {
        PhysicalStore counts = ctx.output(0).data();
        if (counts.volume() == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        PhysicalStore lo = ctx.input(0).data();
        PhysicalStore hi = ctx.input(1).data();
        PhysicalStore crd = ctx.input(2).data();
        Gpu.requireRows(lo, hi, crd);
        Gpu.require(counts, TypeCode.INT64, "row counts");
        long r0 = counts.rect().lo(0);
        long r1 = counts.rect().hi(0);
        Gpu.launch(d, "sparse_column_range_count", r1 - r0, Gpu.in(d, lo), Gpu.in(d, hi), Gpu.in(d, crd),
                Gpu.out(d, counts), r0, r1, Math.toIntExact(ctx.scalar(0).asLong()),
                Math.toIntExact(ctx.scalar(1).asLong()));
    }

    /** Copies each row's entries in a column range to a block (see {@link ColumnKernels#copy}). */
    static void columnCopy(TaskContext ctx) {
        PhysicalStore bcrd = ctx.output(0).data();
        PhysicalStore blo = ctx.input(4).data();
        if (bcrd.volume() == 0 || blo.volume() == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        PhysicalStore lo = ctx.input(0).data();
        PhysicalStore hi = ctx.input(1).data();
        PhysicalStore crd = ctx.input(2).data();
        PhysicalStore val = ctx.input(3).data();
        PhysicalStore bval = ctx.output(1).data();
        Gpu.requireRows(lo, hi, crd);
        Gpu.require(blo, TypeCode.INT64, "block row offsets");
        Gpu.require(bcrd, TypeCode.INT32, "block column indices");
        Gpu.sameType(val, bval, "values of the matrix and of its block");
        long r0 = blo.rect().lo(0);
        long r1 = blo.rect().hi(0);
        Gpu.launch(d, "sparse_column_range_copy_" + Gpu.suffix(val), r1 - r0, Gpu.in(d, lo), Gpu.in(d, hi),
                Gpu.in(d, crd), Gpu.in(d, val), Gpu.in(d, blo), Gpu.out(d, bcrd), Gpu.out(d, bval), r0, r1,
                Math.toIntExact(ctx.scalar(0).asLong()), Math.toIntExact(ctx.scalar(1).asLong()));
    }

    /** {@code Y = A X}: inputs lo, hi (promoted to 2-d), crd, val, X (whole); output Y. */
    static void spmm(TaskContext ctx) {
        PhysicalStore y = ctx.output(0).data();
        if (y.volume() == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        PhysicalStore lo = ctx.input(0).data();
        PhysicalStore hi = ctx.input(1).data();
        PhysicalStore crd = ctx.input(2).data();
        PhysicalStore val = ctx.input(3).data();
        PhysicalStore xs = ctx.input(4).data();
        Gpu.require(lo, TypeCode.INT64, "row offsets");
        Gpu.require(crd, TypeCode.INT32, "column indices");
        String t = Gpu.suffix(val);
        Gpu.sameType(val, xs, "values and X");
        Gpu.sameType(val, y, "values and Y");
        long r0 = y.rect().lo(0);
        long r1 = y.rect().hi(0);
        long c0 = y.rect().lo(1);
        long c1 = y.rect().hi(1);
        int es = val.type().size();
        Gpu.launch(d, "sparse_spmm_" + t, (r1 - r0) * (c1 - c0), rows(lo), rows(hi), Gpu.in(d, crd), Gpu.in(d, val),
                origin(xs, es), xs.stride(0), xs.stride(1), origin(y, es), y.stride(0), y.stride(1), r0, r1, c0, c1);
    }

    /** The global-index pointer of the rows of a 1-d store promoted to 2-d (unit stride along rows). */
    private static long rows(PhysicalStore s) {
        if (s.stride(0) != 1 && s.rect().extent(0) > 1) {
            throw new IllegalArgumentException("GPU SpMM needs row offsets of unit stride, got " + s + " with strides "
                    + java.util.Arrays.toString(s.strides()));
        }
        return origin(s, s.type().size());
    }

    /** The device address of store point 0 (may lie outside the tile; kernels index from it). */
    private static long origin(PhysicalStore s, int es) {
        if (s.deviceAddress() == 0) {
            throw new IllegalArgumentException(s + " is in host memory; a GPU variant receives device tiles");
        }
        return s.deviceAddress() + s.base() * es;
    }

    /** Block sums of a deterministic reduction (see {@link ReduceKernels#blocks}). */
    static void blockSums(TaskContext ctx) {
        PhysicalStore x = ctx.input(0).data();
        PhysicalStore y = ctx.input(1).data();
        PhysicalStore out = ctx.reduction(0).data();
        long bs = ctx.scalar(0).asLong();
        int mode = Math.toIntExact(ctx.scalar(1).asLong());
        if (x.volume() == 0) {
            return;
        }
        Gpu.sameType(x, y, "x and y");
        Gpu.require(out, TypeCode.FLOAT64, "block sums");
        String t = switch (x.type().code()) {
            case FLOAT64 -> "f64";
            case FLOAT32 -> "f32";
            case INT64 -> "i64";
            case INT32 -> "i32";
            default -> throw new dev.legate.core.TypeMismatchException("GPU vector reductions take float64, float32, "
                    + "int64 or int32 values, got " + x.type().name());
        };
        DeviceContext d = Gpu.device(ctx);
        long lo = x.rect().lo(0);
        long hi = x.rect().hi(0);
        long blocks = (hi - 1) / bs - lo / bs + 1;
        Gpu.launch(d, "sparse_block_sums_" + t, blocks * 4, Gpu.in(d, x), Gpu.in(d, y), Gpu.out(d, out), lo, hi, bs,
                mode);
    }

    /** The pairwise sum of the block sums, optionally its square root (see {@link ReduceKernels#finish}). */
    static void finishSum(TaskContext ctx) {
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore out = ctx.output(0).data();
        Gpu.require(in, TypeCode.FLOAT64, "block sums");
        Gpu.require(out, TypeCode.FLOAT64, "sum");
        boolean sqrt = ctx.scalar(0).asBoolean();
        DeviceContext d = Gpu.device(ctx);
        long lo = in.rect().lo(0);
        long hi = in.rect().hi(0);
        int depth = pairwiseDepth(hi - lo);
        long tmp = d.scratch(8L << depth);
        d.launch(Gpu.kernel(d, "sparse_finish_sum"), new int[] {1}, new int[] {1024}, 0, Gpu.in(d, in), lo, hi, tmp,
                depth, Gpu.out(d, out), sqrt ? 1 : 0);
    }

    /** The depth of {@link ReduceKernels}' pairwise recursion over {@code n} values (leaves of at most 8). */
    static int pairwiseDepth(long n) {
        int depth = 0;
        while (n > 8) {
            n -= n / 2;
            depth++;
        }
        return depth;
    }

    /** Uniform [0, 1) values by global index: output x; scalar seed (see {@link BuildKernels#randVector}). */
    static void randVector(TaskContext ctx) {
        PhysicalStore x = ctx.output(0).data();
        if (x.volume() == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        long lo = x.rect().lo(0);
        long hi = x.rect().hi(0);
        Gpu.launch(d, "sparse_rand_" + Gpu.suffix(x), hi - lo, Gpu.out(d, x), lo, hi, ctx.scalar(0).asLong());
    }

    /** Row offsets from row counts: input counts (n), output indptr (n + 1); one point. */
    static void scan(TaskContext ctx) {
        PhysicalStore counts = ctx.input(0).data();
        PhysicalStore ptr = ctx.output(0).data();
        Gpu.require(counts, TypeCode.INT64, "row counts");
        Gpu.require(ptr, TypeCode.INT64, "row offsets");
        DeviceContext d = Gpu.device(ctx);
        long n = ptr.volume() - 1;
        Gpu.exclusiveScan(d, Gpu.in(d, counts), n, Gpu.out(d, ptr));
    }

    /** Ones on diagonal k: outputs indptr, crd, val; scalars m, n, k; one point. */
    static void eye(TaskContext ctx) {
        PhysicalStore ptr = ctx.output(0).data();
        PhysicalStore crd = ctx.output(1).data();
        PhysicalStore val = ctx.output(2).data();
        long m = ctx.scalar(0).asLong();
        long k = ctx.scalar(2).asLong();
        DeviceContext d = Gpu.device(ctx);
        Gpu.launch(d, "sparse_eye_" + Gpu.suffix(val), m + 1, Gpu.out(d, ptr), Gpu.out(d, crd), Gpu.out(d, val), m, k,
                Math.max(0, -k), crd.volume());
    }

    /**
     * CSR of the transpose: inputs indptr, crd, val; outputs tptr (ncols + 1), tcrd, tval (bound
     * here to the input's number of entries); scalar ncols. Entries are scattered to their
     * columns with atomic counters, then each column's entries are sorted by row, which gives
     * the CPU's counting-sort order.
     */
    static void transpose(TaskContext ctx) {
        PhysicalStore ptr = ctx.input(0).data();
        PhysicalStore crd = ctx.input(1).data();
        PhysicalStore val = ctx.input(2).data();
        PhysicalStore tptr = ctx.output(0).data();
        long ncols = ctx.scalar(0).asLong();
        long rows = ptr.volume() - 1;
        long nnz = crd.volume();
        String t = Gpu.suffix(val);
        PhysicalStore tcrd = ctx.output(1).bind(nnz);
        PhysicalStore tval = ctx.output(2).bind(nnz);
        DeviceContext d = Gpu.device(ctx);
        long pPtr = Gpu.in(d, ptr);
        long pCrd = Gpu.in(d, crd);
        long pVal = Gpu.in(d, val);
        long pTptr = Gpu.out(d, tptr);
        long pTcrd = Gpu.out(d, tcrd);
        long pTval = Gpu.out(d, tval);
        long counts = Gpu.scratchLongs(d, ncols);
        Gpu.launch(d, "sparse_fill_i64", ncols, counts, ncols, 0L);
        Gpu.launch(d, "sparse_column_counts", nnz, pCrd, 0L, nnz, counts);
        Gpu.exclusiveScan(d, counts, ncols, pTptr);
        long next = Gpu.scratchLongs(d, ncols);
        Gpu.launch(d, "sparse_copy_i64", ncols, next, pTptr, ncols);
        Gpu.launch(d, "sparse_scatter_transpose_" + t, rows, pPtr, rows, pCrd, pVal, next, pTcrd, pTval);
        Gpu.launch(d, "sparse_sort_segments_" + t, ncols * 32, pTptr, ncols, pTcrd, pTval);
    }

    /** First pass of a merge (see {@link RowKernels#mergeCount}). */
    static void mergeCount(TaskContext ctx) {
        PhysicalStore counts = ctx.output(0).data();
        if (counts.volume() == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        Object[] args = mergeArgs(ctx, d, 8, 3);
        args[8] = Gpu.out(d, counts);
        args[9] = counts.rect().lo(0);
        args[10] = counts.rect().hi(0);
        mergeScalars(ctx, args, 11);
        Gpu.launch(d, "sparse_merge_count_" + Gpu.suffix(ctx.input(3).data()), counts.volume(), args);
    }

    /** Second pass of a merge (see {@link RowKernels#mergeFill}). */
    static void mergeFill(TaskContext ctx) {
        PhysicalStore clo = ctx.input(8).data();
        if (clo.volume() == 0) {
            return;
        }
        PhysicalStore crd = ctx.output(0).data();
        PhysicalStore val = ctx.output(1).data();
        Gpu.require(crd, TypeCode.INT32, "column indices");
        Gpu.sameType(ctx.input(3).data(), val, "values of A and of the result");
        DeviceContext d = Gpu.device(ctx);
        Object[] args = mergeArgs(ctx, d, 8, 5);
        args[8] = Gpu.in(d, clo);
        args[9] = Gpu.out(d, crd);
        args[10] = Gpu.out(d, val);
        args[11] = clo.rect().lo(0);
        args[12] = clo.rect().hi(0);
        mergeScalars(ctx, args, 13);
        Gpu.launch(d, "sparse_merge_fill_" + Gpu.suffix(val), clo.volume(), args);
    }

    /**
     * A's and B's offsets, indices and values as pointers, then {@code extra} slots for the
     * caller's arguments and three for the scalars op, alpha and beta.
     */
    private static Object[] mergeArgs(TaskContext ctx, DeviceContext d, int n, int extra) {
        Object[] args = new Object[n + extra + 3];
        for (int i = 0; i < n; i++) {
            PhysicalStore s = ctx.input(i).data();
            switch (i % 4) {
                case 0, 1 -> Gpu.require(s, TypeCode.INT64, "row offsets");
                case 2 -> Gpu.require(s, TypeCode.INT32, "column indices");
                default -> Gpu.sameType(ctx.input(3).data(), s, "values of A and B");
            }
            args[i] = Gpu.in(d, s);
        }
        return args;
    }

    private static void mergeScalars(TaskContext ctx, Object[] args, int at) {
        args[at] = Math.toIntExact(ctx.scalar(0).asLong());
        args[at + 1] = ctx.scalar(1).asDouble();
        args[at + 2] = ctx.scalar(2).asDouble();
    }

    /** Row sums: inputs lo, hi, val; output s. */
    static void rowSums(TaskContext ctx) {
        PhysicalStore out = ctx.output(0).data();
        if (out.volume() == 0) {
            return;
        }
        PhysicalStore val = ctx.input(2).data();
        Gpu.sameType(val, out, "values and sums");
        DeviceContext d = Gpu.device(ctx);
        Gpu.launch(d, "sparse_row_sums_" + Gpu.suffix(val), out.volume(), Gpu.in(d, ctx.input(0).data()),
                Gpu.in(d, ctx.input(1).data()), Gpu.in(d, val), Gpu.out(d, out), out.rect().lo(0), out.rect().hi(0));
    }

    /** Diagonal k: inputs lo, hi, crd, val; output d; scalars k, i0. */
    static void diagonal(TaskContext ctx) {
        PhysicalStore out = ctx.output(0).data();
        if (out.volume() == 0) {
            return;
        }
        PhysicalStore val = ctx.input(3).data();
        Gpu.sameType(val, out, "values and diagonal");
        Gpu.require(ctx.input(2).data(), TypeCode.INT32, "column indices");
        DeviceContext d = Gpu.device(ctx);
        Gpu.launch(d, "sparse_diagonal_" + Gpu.suffix(val), out.volume(), Gpu.in(d, ctx.input(0).data()),
                Gpu.in(d, ctx.input(1).data()), Gpu.in(d, ctx.input(2).data()), Gpu.in(d, val), Gpu.out(d, out),
                out.rect().lo(0), out.rect().hi(0), ctx.scalar(0).asLong(), ctx.scalar(1).asLong());
    }

    /** CSR to dense: inputs indptr, crd, val; output the dense 2-d array (all of it). */
    static void toDense(TaskContext ctx) {
        PhysicalStore out = ctx.output(0).data();
        if (out.volume() == 0) {
            return;
        }
        PhysicalStore val = ctx.input(2).data();
        Gpu.sameType(val, out, "values and dense output");
        String t = Gpu.suffix(val);
        DeviceContext d = Gpu.device(ctx);
        long rows = out.rect().extent(0);
        long cols = out.rect().extent(1);
        long at = d.address(out);
        Gpu.launch(d, "sparse_zero_2d_" + t, rows * cols, at, rows, cols, out.stride(0), out.stride(1));
        Gpu.launch(d, "sparse_to_dense_" + t, rows, Gpu.in(d, ctx.input(0).data()), Gpu.in(d, ctx.input(1).data()),
                Gpu.in(d, val), at, rows, out.stride(0), out.stride(1));
    }

    /** The row index of every stored entry: input indptr; output row (nnz). */
    static void expandRows(TaskContext ctx) {
        PhysicalStore ptr = ctx.input(0).data();
        PhysicalStore row = ctx.output(0).data();
        Gpu.require(row, TypeCode.INT32, "row indices");
        DeviceContext d = Gpu.device(ctx);
        long rows = ptr.volume() - 1;
        Gpu.launch(d, "sparse_expand_rows", rows, Gpu.in(d, ptr), rows, Gpu.out(d, row));
    }
}
