package dev.legate.sparse.internal;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.ReductionOp;
import dev.legate.core.Scalar;
import dev.legate.core.Variable;
import java.util.List;

/**
 * Deterministic reductions of 1-d stores (sum, dot product, 2-norm) and random vectors. Results
 * are 0-d float64 stores computed by tasks: nothing here waits.
 */
public final class VectorOps {
    private VectorOps() {
    }

    /** {@code sum(x)}. */
    public static LogicalStore sum(LogicalStore x) {
        return reduce(x, x, ReduceKernels.SUM, false);
    }

    /** {@code sum(x * y)}; the stores have one shape. */
    public static LogicalStore dot(LogicalStore x, LogicalStore y) {
        return reduce(x, y, ReduceKernels.DOT, false);
    }

    /** {@code sqrt(sum(x * x))}. */
    public static LogicalStore norm2(LogicalStore x) {
        return reduce(x, x, ReduceKernels.SUMSQ, true);
    }

    /** {@code sum(|x|)}. */
    public static LogicalStore norm1(LogicalStore x) {
        return reduce(x, x, ReduceKernels.ABSSUM, false);
    }

    private static LogicalStore reduce(LogicalStore x, LogicalStore y, long mode, boolean sqrt) {
        LegateRuntime rt = x.runtime();
        long n = x.volume();
        long bs = Math.max(1, rt.config().tileGranule());
        long nb = Math.max(1, (n + bs - 1) / bs);
        LogicalStore blocks = rt.createStore(DType.FLOAT64, nb);
        rt.fill(blocks, Scalar.of(0.0));
        if (n > 0) {
            AutoTask t = Launch.task(rt, SparseTask.BLOCK_SUMS);
            Variable vx = t.addInput(x);
            Variable vy = t.addInput(y);
            t.addConstraint(Constraint.align(vx, vy));
            t.addReduction(blocks, ReductionOp.SUM);
            t.addScalar(Scalar.of(bs));
            t.addScalar(Scalar.of(mode));
            t.execute();
        }
        LogicalStore out = rt.createStore(DType.FLOAT64, dev.legate.core.Shape.of());
        Launch.single(rt, SparseTask.FINISH_SUM, List.of(blocks), List.of(out), Scalar.of(sqrt));
        return out;
    }

    /** A vector of n values uniform in [0, 1), element i a function of (seed, i) only. */
    public static LogicalStore rand(LegateRuntime rt, long n, long seed, DType dtype) {
        LogicalStore x = rt.createStore(dtype, n);
        if (n > 0) {
            AutoTask t = Launch.task(rt, SparseTask.RAND_VECTOR);
            t.addOutput(x);
            t.addScalar(Scalar.of(seed));
            t.execute();
        }
        return x;
    }
}
