package dev.legate.sparse.internal;

import dev.legate.core.ProcessorKind;
import dev.legate.core.TaskBody;
import dev.legate.core.TaskSignature;
import java.util.Map;

/** Every task of the sparse library: its registered name, argument counts and variants. */
enum SparseTask {
    SPMV("spmv", sig(5, 1, 0, 1), SpmvKernels::spmv, GpuVariants::spmv),
    SPMV_ADD("spmv_add", sig(6, 1, 0, 1), ColumnKernels::spmvAdd, GpuVariants::spmvAdd),
    COLUMN_COUNT("column_count", sig(3, 1, 0, 2), ColumnKernels::count, GpuVariants::columnCount),
    COLUMN_COPY("column_copy", sig(6, 2, 0, 2), ColumnKernels::copy, GpuVariants::columnCopy),
    SPMM("spmm", sig(5, 1, 0, 0), SpmvKernels::spmm, GpuVariants::spmm),
    RANDOM_ROWS("random_rows", sig(0, 3, 0, 3), BuildKernels::randomRows, null),
    SCAN("scan", sig(1, 1, 0, 0), BuildKernels::scan, GpuVariants::scan),
    EYE("eye", sig(0, 3, 0, 3), BuildKernels::eye, GpuVariants::eye),
    RAND_VECTOR("rand_vector", sig(0, 1, 0, 1), BuildKernels::randVector, GpuVariants::randVector),
    MERGE_COUNT("merge_count", sig(8, 1, 0, 3), RowKernels::mergeCount, GpuVariants::mergeCount),
    MERGE_FILL("merge_fill", sig(10, 2, 0, 3), RowKernels::mergeFill, GpuVariants::mergeFill),
    SPGEMM("spgemm", sig(7, 3, 0, 1), RowKernels::spgemm, null),
    ROW_SUMS("row_sums", sig(3, 1, 0, 0), RowKernels::rowSums, GpuVariants::rowSums),
    DIAGONAL("diagonal", sig(4, 1, 0, 2), RowKernels::diagonal, GpuVariants::diagonal),
    TRANSPOSE("transpose", sig(3, 3, 0, 1), StructureKernels::transpose, GpuVariants::transpose),
    COO_TO_CSR("coo_to_csr", sig(3, 3, 0, 2), StructureKernels::cooToCsr, null),
    TO_DENSE("to_dense", sig(3, 1, 0, 0), StructureKernels::toDense, GpuVariants::toDense),
    FROM_DENSE("from_dense", sig(1, 3, 0, 0), StructureKernels::fromDense, null),
    KRON("kron", sig(6, 3, 0, 3), StructureKernels::kron, null),
    DIA_TO_CSR("dia_to_csr", sig(2, 3, 0, 2), StructureKernels::diaToCsr, null),
    EXPAND_ROWS("expand_rows", sig(1, 1, 0, 0), StructureKernels::expandRows, GpuVariants::expandRows),
    BLOCK_SUMS("block_sums", sig(2, 0, 1, 2), ReduceKernels::blocks, GpuVariants::blockSums),
    FINISH_SUM("finish_sum", sig(1, 1, 0, 1), ReduceKernels::finish, GpuVariants::finishSum);

    private final String taskName;
    private final TaskSignature signature;
    private final Map<ProcessorKind, TaskBody> variants;

    /** A task with a CPU body and, unless {@code gpu} is null, a GPU body. */
    SparseTask(String taskName, TaskSignature signature, TaskBody cpu, TaskBody gpu) {
        this.taskName = taskName;
        this.signature = signature;
        this.variants = gpu == null ? Map.of(ProcessorKind.CPU, cpu)
                : Map.of(ProcessorKind.CPU, cpu, ProcessorKind.GPU, gpu);
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

    /** The bodies by processor kind: CPU always, GPU for the tasks {@link GpuVariants} implements. */
    Map<ProcessorKind, TaskBody> variants() {
        return variants;
    }
}
