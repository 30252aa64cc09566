package dev.legate.sparse.internal;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TaskId;
import dev.legate.core.Variable;
import java.util.List;

/** Task launches of the sparse library. */
final class Launch {
    private Launch() {
    }

    static TaskId id(LegateRuntime rt, SparseTask task) {
        return rt.library(SparseLibrary.NAME).task(task.taskName());
    }

    static AutoTask task(LegateRuntime rt, SparseTask task) {
        return rt.createTask(id(rt, task));
    }

    /**
     * A launch of one point task that sees every argument whole: for steps that rebuild a
     * structure as a whole (counting sorts, scans).
     */
    static void single(LegateRuntime rt, SparseTask task, List<LogicalStore> inputs, List<LogicalStore> outputs,
                       Scalar... scalars) {
        AutoTask t = task(rt, task);
        for (LogicalStore s : inputs) {
            Variable v = t.addInput(s);
            t.addConstraint(Constraint.broadcast(v));
        }
        for (LogicalStore s : outputs) {
            Variable v = t.addOutput(s);
            if (!s.isUnbound()) {
                t.addConstraint(Constraint.broadcast(v));
            }
        }
        for (Scalar s : scalars) {
            t.addScalar(s);
        }
        t.execute();
    }
}
