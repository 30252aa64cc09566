package dev.legate.sparse.internal;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Processor;
import dev.legate.core.ProcessorKind;
import dev.legate.core.Scalar;
import dev.legate.core.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.WeakHashMap;

/**
 * Column-blocked copies of CSR matrices for SpMV on GPUs.
 *
 * <p>A product {@code A x} gathers {@code x} at the column indices. When {@code x} is larger
 * than the GPU's L2 cache and the columns are spread (a random matrix), most gathers miss the
 * cache and the product runs at the speed of scattered device-memory reads. Splitting the columns
 * into {@code B} ranges, each with a slice of {@code x} that fits half the L2, and running one pass
 * per range keeps the gathers in the cache: on an H100 the flagship's matrix (10^7 rows, 21
 * entries per row, {@code x} 80 MB against a 50 MB L2) took 2.84 ms in four passes against 5.27
 * ms for cuSPARSE ({@code scripts/gpu-spmv-blocked.py}).
 *
 * <p>The first pass computes {@code y = A_0 x}; pass {@code b} adds {@code A_b x} to each row's
 * running sum ({@code SPMV_ADD}). Column indices are sorted within rows, so a row's entries in
 * the blocks, block after block, are its entries in index order: the passes add exactly the
 * products one pass over the whole row adds, in the same order, and give the same bits.
 *
 * <p>Each block is a CSR matrix of the same shape (global column indices) whose entries are the
 * matrix's in its column range, built once by two tasks (count per row, then copy) and kept while
 * the matrix's stores are unchanged: the cache is keyed on the matrix's index store (weakly) and
 * checked against the {@link LogicalStore#writeCount() write counts} of its three stores, so an
 * in-place change of the values or indices rebuilds the blocks at the next product.
 */
final class ColumnBlocks {
    /** System property: {@code auto} (default), {@code off}, or a fixed number of blocks. */
    static final String PROPERTY = "legate.sparse.columnBlocks";
    /** Most blocks (passes) a product is split into. */
    static final int MAX_BLOCKS = 16;
    /** Fewest entries per row and block for blocking to pay for its extra passes over y. */
    static final double MIN_ENTRIES_PER_ROW_AND_BLOCK = 3;
    private static final Map<LogicalStore, Entry> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile OptionalInt override;
    private static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();

    private ColumnBlocks() {
    }

    private record Entry(long ptrWrites, long crdWrites, long valWrites, List<CsrStore> blocks) {
    }

    /** Makes every later product use {@code blocks} blocks (1: none); empty: decide again; for tests. */
    static void override(OptionalInt blocks) {
        override = blocks.isPresent() ? blocks : null;
    }

    /**
     * The blocks a product {@code A x} runs in, or an empty list to run it in one pass: the
     * override or system property when set, else blocks only when the product will run on GPUs
     * whose L2 cache holds less than twice {@code x}.
     */
    static List<CsrStore> forProduct(CsrStore a) {
        int b = count(a);
        if (b <= 1) {
            return List.of();
        }
        return blocks(a, b);
    }

    /** How many blocks a product with {@code a} is split into (1: none). */
    static int count(CsrStore a) {
        return count(a.rt(), a.rows(), a.cols(), a.nnz(), a.dtype());
    }

    /** How many blocks a product with a rows x cols matrix of nnz entries is split into (1: none). */
    static int count(LegateRuntime rt, long rows, long cols, long nnz, DType dtype) {
        OptionalInt o = override;
        if (o != null) {
            return o.getAsInt();
        }
        String p = System.getProperty(PROPERTY, "auto").trim();
        if (p.equals("off")) {
            return 1;
        }
        if (!p.equals("auto")) {
            try {
                int n = Integer.parseInt(p);
                if (n < 1 || n > MAX_BLOCKS) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("system property " + PROPERTY + " must be auto, off or a block "
                        + "count from 1 to " + MAX_BLOCKS + ", got '" + p + "'");
            }
        }
        List<Processor> procs = rt.processorsFor(Launch.id(rt, SparseTask.SPMV));
        long cache = Long.MAX_VALUE;
        for (Processor q : procs) {
            if (q.kind() != ProcessorKind.GPU || q.sharedCacheBytes() <= 0) {
                return 1;
            }
            cache = Math.min(cache, q.sharedCacheBytes());
        }
        if (procs.isEmpty() || rows == 0) {
            return 1;
        }
        return blocksFor(cols * dtype.size(), cache, (double) nnz / rows);
    }

    /**
     * Blocks for a vector of {@code xBytes} on a GPU with {@code cacheBytes} of L2 and rows of
     * {@code meanRow} entries: enough that a block's slice of x fills at most half the cache,
     * none (1) when x already fits or the rows are too short for the extra passes to pay.
     */
    static int blocksFor(long xBytes, long cacheBytes, double meanRow) {
        long half = Math.max(1, cacheBytes / 2);
        long b = (xBytes + half - 1) / half;
        if (b <= 1 || b > MAX_BLOCKS || meanRow < MIN_ENTRIES_PER_ROW_AND_BLOCK * b) {
            return 1;
        }
        return (int) b;
    }

    /** The matrix's {@code count} column blocks, from the cache when the matrix is unchanged. */
    static List<CsrStore> blocks(CsrStore a, int count) {
        long pw = a.indptr().writeCount();
        long cw = a.indices().writeCount();
        long vw = a.data().writeCount();
        Entry e = CACHE.get(a.indices());
        if (e != null && e.ptrWrites == pw && e.crdWrites == cw && e.valWrites == vw && e.blocks.size() == count
                && e.blocks.get(0).dtype().equals(a.dtype())) {
            return e.blocks;
        }
        List<CsrStore> blocks = build(a, count);
        CACHE.put(a.indices(), new Entry(pw, cw, vw, blocks));
        return blocks;
    }

    /** How many times blocks were built (for tests of the cache). */
    static long builds() {
        return BUILDS.get();
    }

    /** Builds {@code count} column blocks of {@code a}, the columns split into equal ranges. */
    static List<CsrStore> build(CsrStore a, int count) {
        BUILDS.incrementAndGet();
        LegateRuntime rt = a.rt();
        long cols = a.cols();
        long width = Math.max(1, (cols + count - 1) / count);
        List<CsrStore> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            long c0 = Math.min(cols, b * width);
            long c1 = Math.min(cols, c0 + width);
            LogicalStore counts = rt.createStore(DType.INT64, a.rows());
            AutoTask t = Launch.task(rt, SparseTask.COLUMN_COUNT);
            Variable lo = t.addInput(a.lo());
            Variable hi = t.addInput(a.hi());
            Variable crd = t.addInput(a.indices());
            Variable vc = t.addOutput(counts);
            t.addConstraint(Constraint.align(vc, lo));
            t.addConstraint(Constraint.imageRanges(lo, hi, crd));
            t.addScalar(Scalar.of(c0));
            t.addScalar(Scalar.of(c1));
            t.execute();
            LogicalStore ptr = CsrOps.offsets(rt, counts, a.rows());
            long nnz = CsrOps.total(ptr, a.rows());
            LogicalStore bcrd = rt.createStore(DType.INT32, nnz);
            LogicalStore bval = rt.createStore(a.dtype(), nnz);
            if (nnz > 0) {
                AutoTask f = Launch.task(rt, SparseTask.COLUMN_COPY);
                Variable flo = f.addInput(a.lo());
                Variable fhi = f.addInput(a.hi());
                Variable fcrd = f.addInput(a.indices());
                Variable fval = f.addInput(a.data());
                Variable blo = f.addInput(ptr.slice(0, 0, a.rows()));
                Variable bhi = f.addInput(ptr.slice(0, 1, a.rows() + 1));
                Variable vbcrd = f.addOutput(bcrd);
                Variable vbval = f.addOutput(bval);
                f.addConstraint(Constraint.align(blo, flo));
                f.addConstraint(Constraint.imageRanges(flo, fhi, fcrd));
                f.addConstraint(Constraint.align(fcrd, fval));
                f.addConstraint(Constraint.imageRanges(blo, bhi, vbcrd));
                f.addConstraint(Constraint.align(vbcrd, vbval));
                f.addScalar(Scalar.of(c0));
                f.addScalar(Scalar.of(c1));
                f.execute();
            }
            out.add(new CsrStore(rt, a.rows(), cols, ptr, bcrd, bval));
        }
        return List.copyOf(out);
    }
}
