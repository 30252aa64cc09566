package dev.legate.sparse.internal;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;

/**
 * The stores of a CSR matrix: row offsets (int64, rows + 1), column indices (int32, sorted and
 * distinct within each row) and values (float32 or float64). The index and value stores may be
 * unbound until the task that computes them has run; tasks that read them can be launched before
 * that (the core partitions such launches once the size is known).
 *
 * @param rt the runtime the stores belong to
 * @param rows the number of rows
 * @param cols the number of columns
 * @param indptr row offsets
 * @param indices column indices
 * @param data values
 */
public record CsrStore(LegateRuntime rt, long rows, long cols, LogicalStore indptr, LogicalStore indices,
                       LogicalStore data) {
    /** The value type. */
    public DType dtype() {
        return data.type();
    }

    /** The number of stored entries; waits for the producer of unbound stores. */
    public long nnz() {
        return data.volume();
    }

    /** Offsets of rows {@code 0..rows-1} (the starts). */
    LogicalStore lo() {
        return indptr.slice(0, 0, rows);
    }

    /** Offsets of rows {@code 1..rows} (the ends). */
    LogicalStore hi() {
        return indptr.slice(0, 1, rows + 1);
    }
}
