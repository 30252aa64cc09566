package org.example.histogram;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.ReductionOp;
import dev.legate.core.Scalar;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TypeMismatchException;
import dev.legate.core.Variable;

/** Histograms of float64 stores, computed in parallel with a reduction into the bins. */
public final class Histogram {
    private Histogram() {
    }

    /**
     * Counts the values of {@code values} in {@code bins} equal-width bins over {@code [lo, hi)};
     * values outside are ignored. Returns an int64 store of {@code bins} counts.
     */
    public static LogicalStore of(LogicalStore values, int bins, double lo, double hi) {
        if (values.type() != DType.FLOAT64) {
            throw new TypeMismatchException("histogram needs float64 values, got " + values.type().name());
        }
        if (values.ndim() != 1) {
            throw new ShapeMismatchException("histogram needs a 1-d store, got shape " + values.shape());
        }
        if (bins < 1 || !(hi > lo)) {
            throw new IllegalArgumentException("histogram needs bins >= 1 and hi > lo, got bins=" + bins + ", range ["
                    + lo + ", " + hi + ")");
        }
        LegateRuntime rt = values.runtime();
        LogicalStore counts = rt.createStore(DType.INT64, bins);
        rt.fill(counts, Scalar.of(0L));
        AutoTask t = rt.createTask(rt.library("histogram").task("histogram"));
        t.addInput(values);
        Variable c = t.addReduction(counts, ReductionOp.SUM);
        t.addConstraint(Constraint.broadcast(c));
        t.addScalar(Scalar.of(lo)).addScalar(Scalar.of(hi));
        t.execute();
        return counts;
    }
}
