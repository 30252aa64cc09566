package dev.legate.core;

import dev.legate.core.internal.ManualTaskImpl;

/**
 * A task launch whose launch domain and partitions the caller gives: one point task per point
 * of the launch shape, each seeing the tile of each argument's partition at its color.
 */
public sealed interface ManualTask permits ManualTaskImpl {
    /** Adds an input partitioned by {@code partition}, whose color shape must be the launch shape. */
    ManualTask addInput(LogicalStore store, Partition partition);

    /** Adds an output partitioned by {@code partition}. */
    ManualTask addOutput(LogicalStore store, Partition partition);

    /** Adds a reduction argument partitioned by {@code partition}. */
    ManualTask addReduction(LogicalStore store, Partition partition, ReductionOp op);

    /** Adds a scalar argument. */
    ManualTask addScalar(Scalar value);

    /** Validates the launch and records it. */
    void execute();
}
