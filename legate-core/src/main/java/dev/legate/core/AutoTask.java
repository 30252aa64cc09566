package dev.legate.core;

import dev.legate.core.internal.AutoTaskImpl;

/**
 * A task launch whose partitioning the runtime chooses from constraints. The largest store
 * that no constraint derives from another (the <em>key store</em>) sets the launch domain:
 * it is tiled among the processors unless a tile would fall below the configured minimum
 * volume. Aligned stores get the same tiling; stores in no constraint are tiled like the key
 * store when they have its shape and are otherwise given whole to every point task (inputs and
 * reductions) or refused (outputs).
 *
 * <p>{@link #execute()} validates everything and records the launch; it returns before the
 * point tasks run. A task object launches once.
 */
public sealed interface AutoTask permits AutoTaskImpl {
    /** Adds an input read by the task. */
    Variable addInput(ArrayArgument array);

    /** Adds an output written by the task; an unbound store gets its size from the task. */
    Variable addOutput(ArrayArgument array);

    /** Adds an argument the task reduces into with {@code op}. */
    Variable addReduction(ArrayArgument array, ReductionOp op);

    /** Adds a scalar argument, passed by value to every point task. */
    AutoTask addScalar(Scalar value);

    /** Adds a constraint between the task's arguments. */
    AutoTask addConstraint(Constraint constraint);

    /** Validates the launch and records it; errors are thrown here, before anything runs. */
    void execute();
}
