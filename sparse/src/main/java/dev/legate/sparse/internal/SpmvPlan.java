package dev.legate.sparse.internal;

/**
 * How the GPU SpMV kernel splits rows among thread blocks. The CSR-stream kernel gives each
 * block {@code rowsPerBlock} rows whose products should fit its shared-memory buffer of
 * {@code 32 KiB}: the largest power of two under the buffer's capacity over 1.25 times the mean
 * row length (of the whole matrix, so every tiling gets the same plan). The alternative puts a
 * warp on each row ({@code warpPerRow}). Both give the same bits; {@link #override} lets the
 * benchmarks time either and other block sizes.
 *
 * @param rowsPerBlock rows per block of the CSR-stream kernel
 * @param warpPerRow whether to run the warp-per-row kernel instead
 */
record SpmvPlan(int rowsPerBlock, boolean warpPerRow) {
    /** Threads per block of the CSR-stream kernel. */
    static final int THREADS = 256;
    /** Bytes of the kernel's shared product buffer. */
    static final int BUFFER_BYTES = 32 * 1024;
    private static volatile SpmvPlan override;

    /** The plan for a matrix of {@code nnz} entries in {@code rows} rows and values of {@code valueBytes} bytes. */
    static SpmvPlan of(long nnz, long rows, int valueBytes) {
        SpmvPlan o = override;
        if (o != null) {
            return o;
        }
        double mean = rows == 0 ? 1 : Math.max(1.0, (double) nnz / rows);
        long capacity = BUFFER_BYTES / valueBytes;
        long fit = (long) Math.floor(capacity / (1.25 * mean));
        int rowsPerBlock = fit < 1 ? 1 : Integer.highestOneBit((int) Math.min(fit, 1024));
        return new SpmvPlan(rowsPerBlock, false);
    }

    /** Makes every later SpMV use {@code plan} (empty: the computed plan again); for benchmarks. */
    static void override(java.util.Optional<SpmvPlan> plan) {
        override = plan.orElse(null);
    }
}
