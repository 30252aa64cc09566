package dev.legate.sparse.internal;

import dev.legate.core.TaskBody;
import dev.legate.core.TaskSignature;

/** Every task of the sparse library: its registered name, argument counts and CPU body. */
enum SparseTask {
    SPMV("spmv", sig(5, 1, 0, 0), SpmvKernels::spmv),
    SPMM("spmm", sig(5, 1, 0, 0), SpmvKernels::spmm),
    RANDOM_ROWS("random_rows", sig(0, 3, 0, 3), BuildKernels::randomRows),
    SCAN("scan", sig(1, 1, 0, 0), BuildKernels::scan),
    EYE("eye", sig(0, 3, 0, 3), BuildKernels::eye),
    RAND_VECTOR("rand_vector", sig(0, 1, 0, 1), BuildKernels::randVector),
    MERGE("merge", sig(8, 3, 0, 3), RowKernels::merge),
    SPGEMM("spgemm", sig(7, 3, 0, 1), RowKernels::spgemm),
    ROW_SUMS("row_sums", sig(3, 1, 0, 0), RowKernels::rowSums),
    DIAGONAL("diagonal", sig(4, 1, 0, 2), RowKernels::diagonal),
    TRANSPOSE("transpose", sig(3, 3, 0, 1), StructureKernels::transpose),
    COO_TO_CSR("coo_to_csr", sig(3, 3, 0, 2), StructureKernels::cooToCsr),
    TO_DENSE("to_dense", sig(3, 1, 0, 0), StructureKernels::toDense),
    FROM_DENSE("from_dense", sig(1, 3, 0, 0), StructureKernels::fromDense),
    KRON("kron", sig(6, 3, 0, 3), StructureKernels::kron),
    DIA_TO_CSR("dia_to_csr", sig(2, 3, 0, 2), StructureKernels::diaToCsr),
    EXPAND_ROWS("expand_rows", sig(1, 1, 0, 0), StructureKernels::expandRows),
    BLOCK_SUMS("block_sums", sig(2, 0, 1, 2), ReduceKernels::blocks),
    FINISH_SUM("finish_sum", sig(1, 1, 0, 1), ReduceKernels::finish);

    private final String taskName;
    private final TaskSignature signature;
    private final TaskBody body;

    SparseTask(String taskName, TaskSignature signature, TaskBody body) {
        this.taskName = taskName;
        this.signature = signature;
        this.body = body;
    }

    private static TaskSignature sig(int in, int out, int red, int scalars) {
        return new TaskSignature(in, out, red, scalars);
    }

    String taskName() {
        return taskName;
    }

    TaskSignature signature() {
        return signature;
    }

    TaskBody body() {
        return body;
    }
}
