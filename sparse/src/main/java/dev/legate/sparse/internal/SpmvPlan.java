package dev.legate.sparse.internal;

/**
 * Which GPU SpMV kernel runs and how it splits rows. Two kernels of {@code sparse.cu} give the
 * same bits (each row's sum in index order):
 * <ul>
 * <li>CSR-vector ({@code lanes} = 4, 8, 16 or 32): a group of {@code lanes} lanes per row, products
 *     gathered {@code lanes} at a time;</li>
 * <li>CSR-stream ({@code lanes} = 0): a block takes {@code rowsPerBlock} rows whose products fit
 *     a 32 KiB shared buffer, forms them with all its threads, then one thread per row adds
 *     them.</li>
 * </ul>
 * The plan depends on the whole matrix's mean row length only, so every tiling gets the same
 * one. {@link #override} lets the benchmarks time each.
 *
 * @param rowsPerBlock rows per block of the CSR-stream kernel
 * @param lanes lanes per row of the CSR-vector kernel, or 0 for the CSR-stream kernel
 */
record SpmvPlan(int rowsPerBlock, int lanes) {
    /** Threads per block of the CSR-stream kernel. */
    static final int THREADS = 256;
    /** Bytes of the CSR-stream kernel's shared product buffer. */
    static final int BUFFER_BYTES = 32 * 1024;
    private static volatile SpmvPlan override;

    /** Checks the lane count. */
    SpmvPlan {
        if (lanes != 0 && lanes != 4 && lanes != 8 && lanes != 16 && lanes != 32) {
            throw new IllegalArgumentException("SpMV lanes per row must be 0 (CSR-stream), 4, 8, 16 or 32, got "
                    + lanes);
        }
    }

    /**
     * The plan for a matrix of {@code nnz} entries in {@code rows} rows and values of
     * {@code valueBytes} bytes: CSR-vector with 32 lanes for a mean row over 16 entries, 16 over
     * 8, else 8 (the CSR-stream block size is computed for the benchmarks; 4 lanes only on
     * request). Measured on an H100 at n = 10^7, float64, ms per product against cuSPARSE through
     * CuPy: 21 entries per row, lanes 32 / 16 / 8 / stream 5.58 / 6.02 / 6.57 / 7.16, cuSPARSE
     * 5.30; 4 per row 3.83 / 1.77 / 1.23 / 1.52 (4 lanes 1.36), cuSPARSE 1.28. The passes of
     * {@link ColumnBlocks} (about 5 entries per row and block at 21 per row in 4 blocks) took 2.84
     * ms with 4 lanes and 2.87 with 8 in scripts/gpu-spmv-blocked.py.
     */
    static SpmvPlan of(long nnz, long rows, int valueBytes) {
        return of(nnz, rows, valueBytes, false);
    }

    /**
     * The plan for one column block of {@link ColumnBlocks} ({@code block}) or a whole matrix: a
     * block's gathers hit the L2 cache, where more rows per warp pay more than more lanes per row,
     * so a block of at most 6 entries per row gets 4 lanes (the flagship's blocks, about 5 per
     * row, took 2.94 ms for the four passes with 4 lanes and 3.43 ms with 8); else as
     * {@link #of(long, long, int)}.
     */
    static SpmvPlan of(long nnz, long rows, int valueBytes, boolean block) {
        SpmvPlan o = override;
        if (o != null) {
            return o;
        }
        double mean = rows == 0 ? 1 : Math.max(1.0, (double) nnz / rows);
        long capacity = BUFFER_BYTES / valueBytes;
        long fit = (long) Math.floor(capacity / (1.25 * mean));
        int rowsPerBlock = fit < 1 ? 1 : Integer.highestOneBit((int) Math.min(fit, 1024));
        int lanes = mean > 16 ? 32 : mean > 8 ? 16 : block && mean <= 6 ? 4 : 8;
        return new SpmvPlan(rowsPerBlock, lanes);
    }

    /** Makes every later SpMV use {@code plan} (empty: the computed plan again); for benchmarks. */
    static void override(java.util.Optional<SpmvPlan> plan) {
        override = plan.orElse(null);
    }

    @Override
    public String toString() {
        return lanes == 0 ? "CSR-stream, " + rowsPerBlock + " rows per block" : "CSR-vector, " + lanes + " lanes per row";
    }
}
