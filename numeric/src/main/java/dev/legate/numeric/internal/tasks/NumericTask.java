package dev.legate.numeric.internal.tasks;

import dev.legate.core.TaskBody;
import dev.legate.core.TaskSignature;

/** Every task of the numeric library: its registered name, argument counts and CPU body. */
public enum NumericTask {
    /** A fused element-wise program (see {@link ElementwiseTask}). */
    ELEMENTWISE("elementwise", new TaskSignature(TaskSignature.ANY, 1, 0, TaskSignature.ANY), ElementwiseTask::run),
    /** Per-block partials of a deterministic floating reduction (see {@link BlockReduceTask}). */
    REDUCE_BLOCKS("reduce_blocks", new TaskSignature(TaskSignature.ANY, 0, 1, TaskSignature.ANY),
            BlockReduceTask::blocks),
    /** A deterministic floating reduction in one point. */
    REDUCE_FULL("reduce_full", new TaskSignature(TaskSignature.ANY, 1, 0, TaskSignature.ANY), BlockReduceTask::full),
    /** The tree over block partials. */
    REDUCE_COMBINE("reduce_combine", new TaskSignature(1, 1, 0, 1), BlockReduceTask::combine),
    /** An order-free reduction into a 0-d reduction argument. */
    REDUCE_SCALAR("reduce_scalar", new TaskSignature(TaskSignature.ANY, 0, 1, TaskSignature.ANY),
            ScalarReduceTask::run),
    /** A reduction along axes into a promoted output. */
    REDUCE_AXIS("reduce_axis", new TaskSignature(TaskSignature.ANY, 1, 0, TaskSignature.ANY), AxisReduceTask::run),
    /** Row-block partials of an axis-0 reduction (manually partitioned by row blocks). */
    REDUCE_ROW_BLOCKS("reduce_row_blocks", new TaskSignature(TaskSignature.ANY, 1, 0, TaskSignature.ANY),
            AxisReduceTask::rowBlocks),
    /** argmin/argmax over everything. */
    ARG_FULL("arg_full", new TaskSignature(TaskSignature.ANY, 0, 1, TaskSignature.ANY), ArgReduceTask::full),
    /** argmin/argmax along the last axis. */
    ARG_AXIS("arg_axis", new TaskSignature(TaskSignature.ANY, 1, 0, TaskSignature.ANY), ArgReduceTask::axis),
    /** The index field of an argmin/argmax pair. */
    ARG_INDEX("arg_index", new TaskSignature(1, 1, 0, 0), ArgIndexTask::run),
    /** cumsum/cumprod along an axis. */
    SCAN("scan", new TaskSignature(TaskSignature.ANY, 1, 0, TaskSignature.ANY), ScanTask::run),
    /** Gather along the first axis. */
    TAKE("take", new TaskSignature(2, 1, 0, 1), TakeTask::run),
    /** Owner-computes scatter (assign or add) into rows. */
    SCATTER("scatter", new TaskSignature(3, 1, 0, 1), ScatterTask::run),
    /** Boolean-mask selection into an unbound store. */
    SELECT("select", new TaskSignature(2, 1, 0, 0), SelectTask::select),
    /** Linear indices of true elements into an unbound store. */
    NONZERO("nonzero", new TaskSignature(1, 1, 0, 0), SelectTask::nonzero),
    /** C = A B over promoted (m, n, k) views. */
    MATMUL("matmul", new TaskSignature(2, 1, 0, 0), MatmulTask::run),
    /** sort, argsort, partition along the last axis. */
    SORT("sort", new TaskSignature(1, 1, 0, TaskSignature.ANY), SortTask::run),
    /** Insertion points in a sorted array. */
    SEARCHSORTED("searchsorted", new TaskSignature(2, 1, 0, 1), SortTask::searchsorted),
    /** Philox random numbers. */
    RANDOM("random", new TaskSignature(0, 1, 0, TaskSignature.ANY), RandomTask::run),
    /** Dense factorizations in one point. */
    DENSE_LINALG("dense_linalg", new TaskSignature(TaskSignature.ANY, TaskSignature.ANY, 0, TaskSignature.ANY),
            DenseLinalgTask::run);

    private final String taskName;
    private final TaskSignature signature;
    private final TaskBody body;

    NumericTask(String taskName, TaskSignature signature, TaskBody body) {
        this.taskName = taskName;
        this.signature = signature;
        this.body = body;
    }

    /** The name the task is registered under. */
    public String taskName() {
        return taskName;
    }

    /** Its argument counts. */
    public TaskSignature signature() {
        return signature;
    }

    /** Its CPU variant. */
    public TaskBody body() {
        return body;
    }
}
