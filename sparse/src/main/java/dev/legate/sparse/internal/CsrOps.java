package dev.legate.sparse.internal;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TypeMismatchException;
import dev.legate.core.Variable;
import java.util.List;

/**
 * Launches of the CSR operations. Row-wise operations are split into row tiles of the matrix:
 * each point task receives the offsets of its rows, the slice of indices and values those
 * rows reach (an image of the row ranges) and, for products, the range of the vector its
 * column indices reach (an image of the indices).
 */
public final class CsrOps {
    private CsrOps() {
    }

    /**
     * {@code y = A x} into a new store of {@code A.dtype()}; {@code x} has A's value type. On GPUs
     * whose L2 cache is small for {@code x}, the product runs in passes over column blocks of A
     * ({@link ColumnBlocks}), with the same bits.
     */
    public static LogicalStore spmv(CsrStore a, LogicalStore x) {
        LogicalStore y = a.rt().createStore(a.dtype(), a.rows());
        spmvInto(a, x, y);
        return y;
    }

    /** {@code y = A x} into an existing store {@code y} of A's value type and {@code A.rows()} elements. */
    public static void spmvInto(CsrStore a, LogicalStore x, LogicalStore y) {
        if (a.rows() == 0) {
            return;
        }
        List<CsrStore> blocks = ColumnBlocks.forProduct(a);
        if (blocks.isEmpty()) {
            product(a, x, y, false, false);
            return;
        }
        product(blocks.get(0), x, y, false, true);
        for (int b = 1; b < blocks.size(); b++) {
            if (blocks.get(b).nnz() > 0) {
                product(blocks.get(b), x, y, true, true);
            }
        }
    }

    /**
     * {@code y = A x}, or with {@code add} {@code y += A x} continuing each row's sum; {@code block}
     * says A is a column block (its gathers of x hit the GPU's cache, which changes the best
     * kernel: {@link SpmvPlan#of(long, long, int, boolean)}).
     */
    private static void product(CsrStore a, LogicalStore x, LogicalStore y, boolean add, boolean block) {
        AutoTask t = Launch.task(a.rt(), add ? SparseTask.SPMV_ADD : SparseTask.SPMV);
        t.addScalar(Scalar.of(block));
        Variable lo = t.addInput(a.lo());
        Variable hi = t.addInput(a.hi());
        Variable crd = t.addInput(a.indices());
        Variable val = t.addInput(a.data());
        Variable vx = t.addInput(x);
        if (add) {
            t.addConstraint(Constraint.align(t.addInput(y), lo));
        }
        Variable vy = t.addOutput(y);
        t.addConstraint(Constraint.align(vy, lo));
        t.addConstraint(Constraint.imageRanges(lo, hi, crd));
        t.addConstraint(Constraint.align(crd, val));
        t.addConstraint(Constraint.image(crd, vx));
        t.execute();
    }

    /** {@code Y = A X} for a 2-d {@code X} of A's value type. */
    public static LogicalStore spmm(CsrStore a, LogicalStore x) {
        long k = x.shape().extent(1);
        LogicalStore y = a.rt().createStore(a.dtype(), a.rows(), k);
        if (a.rows() == 0 || k == 0) {
            return y;
        }
        AutoTask t = Launch.task(a.rt(), SparseTask.SPMM);
        Variable vy = t.addOutput(y);
        Variable lo = t.addInput(a.lo().promote(1, k));
        Variable hi = t.addInput(a.hi().promote(1, k));
        Variable crd = t.addInput(a.indices());
        Variable val = t.addInput(a.data());
        Variable vx = t.addInput(x);
        t.addConstraint(Constraint.broadcast(vy, 1));
        t.addConstraint(Constraint.align(vy, lo));
        t.addConstraint(Constraint.imageRanges(lo, hi, crd));
        t.addConstraint(Constraint.align(crd, val));
        t.addConstraint(Constraint.broadcast(vx));
        t.execute();
        return y;
    }

    /**
     * {@code ptr[rows]}, the entry count of a matrix with row offsets {@code ptr}, read through a
     * one-element copy: reading the element of {@code ptr} itself would give the whole of
     * {@code ptr} a host instance (80 MB for 10^7 rows, 20-60 ms to fault in on a GPU host).
     */
    static long total(LogicalStore ptr, long rows) {
        LegateRuntime rt = ptr.runtime();
        LogicalStore last = rt.createStore(DType.INT64, 1);
        rt.copy(ptr.slice(0, rows, rows + 1), last);
        return last.physical().data().longs().get(0);
    }

    /** Row offsets (int64, {@code counts.volume() + 1}) from per-row counts. */
    static LogicalStore offsets(LegateRuntime rt, LogicalStore counts, long rows) {
        LogicalStore ptr = rt.createStore(DType.INT64, rows + 1);
        Launch.single(rt, SparseTask.SCAN, List.of(counts), List.of(ptr));
        return ptr;
    }

    /** A random m x n matrix; see {@link BuildKernels#randomRows}. */
    public static CsrStore random(LegateRuntime rt, long m, long n, double density, long seed, DType dtype) {
        LogicalStore counts = rt.createStore(DType.INT64, m);
        LogicalStore crd = rt.createUnboundStore(DType.INT32);
        LogicalStore val = rt.createUnboundStore(dtype);
        if (m > 0) {
            AutoTask t = Launch.task(rt, SparseTask.RANDOM_ROWS);
            t.addOutput(counts);
            t.addOutput(crd);
            t.addOutput(val);
            t.addScalar(Scalar.of(seed));
            t.addScalar(Scalar.of(density));
            t.addScalar(Scalar.of(n));
            t.execute();
        } else {
            return empty(rt, m, n, dtype);
        }
        return new CsrStore(rt, m, n, offsets(rt, counts, m), crd, val);
    }

    /** An m x n matrix without entries. */
    public static CsrStore empty(LegateRuntime rt, long m, long n, DType dtype) {
        LogicalStore ptr = rt.createStore(DType.INT64, m + 1);
        rt.fill(ptr, Scalar.of(0L));
        return new CsrStore(rt, m, n, ptr, rt.createStore(DType.INT32, 0), rt.createStore(dtype, 0));
    }

    /** Ones on diagonal {@code k} of an m x n matrix. */
    public static CsrStore eye(LegateRuntime rt, long m, long n, long k, DType dtype) {
        long len = Math.max(0, Math.min(m, n - k) - Math.max(0, -k));
        LogicalStore ptr = rt.createStore(DType.INT64, m + 1);
        LogicalStore crd = rt.createStore(DType.INT32, len);
        LogicalStore val = rt.createStore(dtype, len);
        Launch.single(rt, SparseTask.EYE, List.of(), List.of(ptr, crd, val), Scalar.of(m), Scalar.of(n),
                Scalar.of(k));
        return new CsrStore(rt, m, n, ptr, crd, val);
    }

    /**
     * {@code alpha A + beta B} ({@link RowKernels#OP_ADD}) or {@code A .* B}
     * ({@link RowKernels#OP_MUL}) for matrices of one shape and value type {@code dtype}.
     *
     * <p>Two row-tiled passes with a scan between them: the number of entries of each merged row,
     * then the entries at the offsets the scan gave. The total is read on the host between the
     * passes (so the result's arrays are bound stores of known size), which lets GPU variants
     * write them: a GPU task cannot learn on the host how much it produced.
     */
    public static CsrStore merge(CsrStore a, CsrStore b, long op, double alpha, double beta, DType dtype) {
        LegateRuntime rt = a.rt();
        if (a.rows() == 0) {
            return empty(rt, a.rows(), a.cols(), dtype);
        }
        if (!a.dtype().equals(dtype) || !b.dtype().equals(dtype)) {
            throw new TypeMismatchException("merge of " + a.dtype().name() + " and " + b.dtype().name()
                    + " values into " + dtype.name() + ": convert the operands first");
        }
        LogicalStore counts = rt.createStore(DType.INT64, a.rows());
        AutoTask t = Launch.task(rt, SparseTask.MERGE_COUNT);
        Variable[] in = mergeInputs(t, a, b);
        Variable vc = t.addOutput(counts);
        t.addConstraint(Constraint.align(vc, in[0]));
        mergeScalars(t, op, alpha, beta);
        t.execute();
        LogicalStore ptr = offsets(rt, counts, a.rows());
        long nnz = total(ptr, a.rows());
        LogicalStore crd = rt.createStore(DType.INT32, nnz);
        LogicalStore val = rt.createStore(dtype, nnz);
        if (nnz > 0) {
            AutoTask f = Launch.task(rt, SparseTask.MERGE_FILL);
            Variable[] fin = mergeInputs(f, a, b);
            Variable clo = f.addInput(ptr.slice(0, 0, a.rows()));
            Variable chi = f.addInput(ptr.slice(0, 1, a.rows() + 1));
            Variable vcrd = f.addOutput(crd);
            Variable vval = f.addOutput(val);
            f.addConstraint(Constraint.align(clo, fin[0]));
            f.addConstraint(Constraint.imageRanges(clo, chi, vcrd));
            f.addConstraint(Constraint.align(vcrd, vval));
            mergeScalars(f, op, alpha, beta);
            f.execute();
        }
        return new CsrStore(rt, a.rows(), a.cols(), ptr, crd, val);
    }

    /** Adds A's and B's row offsets, indices and values with their row-tile constraints. */
    private static Variable[] mergeInputs(AutoTask t, CsrStore a, CsrStore b) {
        Variable alo = t.addInput(a.lo());
        Variable ahi = t.addInput(a.hi());
        Variable acrd = t.addInput(a.indices());
        Variable aval = t.addInput(a.data());
        Variable blo = t.addInput(b.lo());
        Variable bhi = t.addInput(b.hi());
        Variable bcrd = t.addInput(b.indices());
        Variable bval = t.addInput(b.data());
        t.addConstraint(Constraint.align(alo, blo));
        t.addConstraint(Constraint.imageRanges(alo, ahi, acrd));
        t.addConstraint(Constraint.align(acrd, aval));
        t.addConstraint(Constraint.imageRanges(blo, bhi, bcrd));
        t.addConstraint(Constraint.align(bcrd, bval));
        return new Variable[] {alo, ahi, acrd, aval, blo, bhi, bcrd, bval};
    }

    private static void mergeScalars(AutoTask t, long op, double alpha, double beta) {
        t.addScalar(Scalar.of(op));
        t.addScalar(Scalar.of(alpha));
        t.addScalar(Scalar.of(beta));
    }

    /** {@code A B} (Gustavson): row tiles of A, B whole. */
    public static CsrStore spgemm(CsrStore a, CsrStore b, DType dtype) {
        LegateRuntime rt = a.rt();
        if (a.rows() == 0) {
            return empty(rt, a.rows(), b.cols(), dtype);
        }
        LogicalStore counts = rt.createStore(DType.INT64, a.rows());
        LogicalStore crd = rt.createUnboundStore(DType.INT32);
        LogicalStore val = rt.createUnboundStore(dtype);
        AutoTask t = Launch.task(rt, SparseTask.SPGEMM);
        Variable alo = t.addInput(a.lo());
        Variable ahi = t.addInput(a.hi());
        Variable acrd = t.addInput(a.indices());
        Variable aval = t.addInput(a.data());
        t.addConstraint(Constraint.broadcast(t.addInput(b.indptr())));
        t.addConstraint(Constraint.broadcast(t.addInput(b.indices())));
        t.addConstraint(Constraint.broadcast(t.addInput(b.data())));
        Variable vc = t.addOutput(counts);
        t.addOutput(crd);
        t.addOutput(val);
        t.addConstraint(Constraint.align(vc, alo));
        t.addConstraint(Constraint.imageRanges(alo, ahi, acrd));
        t.addConstraint(Constraint.align(acrd, aval));
        t.addScalar(Scalar.of(b.cols()));
        t.execute();
        return new CsrStore(rt, a.rows(), b.cols(), offsets(rt, counts, a.rows()), crd, val);
    }

    /** Sums of each row. */
    public static LogicalStore rowSums(CsrStore a) {
        LogicalStore s = a.rt().createStore(a.dtype(), a.rows());
        if (a.rows() == 0) {
            return s;
        }
        AutoTask t = Launch.task(a.rt(), SparseTask.ROW_SUMS);
        Variable lo = t.addInput(a.lo());
        Variable hi = t.addInput(a.hi());
        Variable val = t.addInput(a.data());
        Variable vs = t.addOutput(s);
        t.addConstraint(Constraint.align(vs, lo));
        t.addConstraint(Constraint.imageRanges(lo, hi, val));
        t.execute();
        return s;
    }

    /** Diagonal {@code k} (SciPy's {@code A.diagonal(k)}), entries {@code (i, i + k)}. */
    public static LogicalStore diagonal(CsrStore a, long k) {
        long i0 = Math.max(0, -k);
        long len = Math.max(0, Math.min(a.rows(), a.cols() - k) - i0);
        LogicalStore d = a.rt().createStore(a.dtype(), len);
        if (len == 0) {
            return d;
        }
        AutoTask t = Launch.task(a.rt(), SparseTask.DIAGONAL);
        Variable lo = t.addInput(a.indptr().slice(0, i0, i0 + len));
        Variable hi = t.addInput(a.indptr().slice(0, i0 + 1, i0 + len + 1));
        Variable crd = t.addInput(a.indices());
        Variable val = t.addInput(a.data());
        Variable vd = t.addOutput(d);
        t.addConstraint(Constraint.align(vd, lo));
        t.addConstraint(Constraint.imageRanges(lo, hi, crd));
        t.addConstraint(Constraint.align(crd, val));
        t.addScalar(Scalar.of(k));
        t.addScalar(Scalar.of(i0));
        t.execute();
        return d;
    }

    /** The CSR form of the transpose (a counting sort; also CSR to CSC). */
    public static CsrStore transpose(CsrStore a) {
        LegateRuntime rt = a.rt();
        LogicalStore ptr = rt.createStore(DType.INT64, a.cols() + 1);
        LogicalStore crd = rt.createUnboundStore(DType.INT32);
        LogicalStore val = rt.createUnboundStore(a.dtype());
        Launch.single(rt, SparseTask.TRANSPOSE, List.of(a.indptr(), a.indices(), a.data()), List.of(ptr, crd, val),
                Scalar.of(a.cols()));
        return new CsrStore(rt, a.cols(), a.rows(), ptr, crd, val);
    }

    /** CSR from COO triplets (any order), duplicates summed. */
    public static CsrStore fromCoo(LegateRuntime rt, long m, long n, LogicalStore row, LogicalStore col,
                                   LogicalStore val) {
        LogicalStore ptr = rt.createStore(DType.INT64, m + 1);
        LogicalStore crd = rt.createUnboundStore(DType.INT32);
        LogicalStore out = rt.createUnboundStore(val.type());
        Launch.single(rt, SparseTask.COO_TO_CSR, List.of(row, col, val), List.of(ptr, crd, out), Scalar.of(m),
                Scalar.of(n));
        return new CsrStore(rt, m, n, ptr, crd, out);
    }

    /** The row index of every stored entry. */
    public static LogicalStore expandRows(CsrStore a) {
        LogicalStore row = a.rt().createStore(DType.INT32, a.nnz());
        Launch.single(a.rt(), SparseTask.EXPAND_ROWS, List.of(a.indptr()), List.of(row));
        return row;
    }

    /** A dense 2-d store of A's value type. */
    public static LogicalStore toDense(CsrStore a) {
        LogicalStore d = a.rt().createStore(a.dtype(), a.rows(), a.cols());
        Launch.single(a.rt(), SparseTask.TO_DENSE, List.of(a.indptr(), a.indices(), a.data()), List.of(d));
        return d;
    }

    /** The non-zeros of a dense 2-d store, as {@code dtype}. */
    public static CsrStore fromDense(LegateRuntime rt, LogicalStore dense, DType dtype) {
        long m = dense.shape().extent(0);
        long n = dense.shape().extent(1);
        LogicalStore ptr = rt.createStore(DType.INT64, m + 1);
        LogicalStore crd = rt.createUnboundStore(DType.INT32);
        LogicalStore val = rt.createUnboundStore(dtype);
        Launch.single(rt, SparseTask.FROM_DENSE, List.of(dense), List.of(ptr, crd, val));
        return new CsrStore(rt, m, n, ptr, crd, val);
    }

    /** The Kronecker product {@code A (x) B}. */
    public static CsrStore kron(CsrStore a, CsrStore b, DType dtype) {
        LegateRuntime rt = a.rt();
        long m = a.rows() * b.rows();
        long nnz = a.nnz() * b.nnz();
        LogicalStore ptr = rt.createStore(DType.INT64, m + 1);
        LogicalStore crd = rt.createStore(DType.INT32, nnz);
        LogicalStore val = rt.createStore(dtype, nnz);
        Launch.single(rt, SparseTask.KRON, List.of(a.indptr(), a.indices(), a.data(), b.indptr(), b.indices(),
                b.data()), List.of(ptr, crd, val), Scalar.of(a.rows()), Scalar.of(b.rows()), Scalar.of(b.cols()));
        return new CsrStore(rt, m, a.cols() * b.cols(), ptr, crd, val);
    }

    /** CSR from DIA storage; {@code offsets} (int64) distinct, in any order. */
    public static CsrStore fromDia(LegateRuntime rt, long m, long n, LogicalStore data, LogicalStore offsets) {
        LogicalStore ptr = rt.createStore(DType.INT64, m + 1);
        LogicalStore crd = rt.createUnboundStore(DType.INT32);
        LogicalStore val = rt.createUnboundStore(data.type());
        Launch.single(rt, SparseTask.DIA_TO_CSR, List.of(data, offsets), List.of(ptr, crd, val), Scalar.of(m),
                Scalar.of(n));
        return new CsrStore(rt, m, n, ptr, crd, val);
    }
}
