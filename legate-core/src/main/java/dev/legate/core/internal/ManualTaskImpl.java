package dev.legate.core.internal;

import dev.legate.core.LogicalStore;
import dev.legate.core.ManualTask;
import dev.legate.core.Partition;
import dev.legate.core.ReductionOp;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TaskArgumentException;
import dev.legate.core.TypeMismatchException;
import java.util.ArrayList;
import java.util.List;

/** The implementation of {@link ManualTask}. */
public final class ManualTaskImpl implements ManualTask {
    private final RuntimeImpl rt;
    private final RegisteredTask task;
    private final Shape launch;
    private final List<StoreArg> args = new ArrayList<>();
    private final List<ArrayArg> inputs = new ArrayList<>();
    private final List<ArrayArg> outputs = new ArrayList<>();
    private final List<ArrayArg> reductions = new ArrayList<>();
    private final List<Scalar> scalars = new ArrayList<>();
    private boolean executed;

    ManualTaskImpl(RuntimeImpl rt, RegisteredTask task, Shape launch) {
        if (launch.volume() < 1) {
            throw new IllegalArgumentException("launch shape " + launch + " of task " + task.id() + " has no points");
        }
        this.rt = rt;
        this.task = task;
        this.launch = launch;
    }

    @Override
    public ManualTask addInput(LogicalStore store, Partition partition) {
        return add(store, partition, Privilege.READ, null, inputs, "input" + inputs.size());
    }

    @Override
    public ManualTask addOutput(LogicalStore store, Partition partition) {
        return add(store, partition, Privilege.WRITE, null, outputs, "output" + outputs.size());
    }

    @Override
    public ManualTask addReduction(LogicalStore store, Partition partition, ReductionOp op) {
        return add(store, partition, Privilege.REDUCE, op, reductions, "reduction" + reductions.size());
    }

    private ManualTask add(LogicalStore store, Partition partition, Privilege priv, ReductionOp op,
                           List<ArrayArg> list, String name) {
        if (executed) {
            throw new IllegalStateException("task " + task.id() + " was already executed");
        }
        if (!(store instanceof StoreImpl s) || s.runtime() != rt) {
            throw new TaskArgumentException("argument " + name + " of task " + task.id()
                    + " must be a LogicalStore of this runtime");
        }
        if (s.isUnbound()) {
            throw new TaskArgumentException("argument " + name + " of task " + task.id()
                    + " is unbound; manual tasks take bound stores");
        }
        if (!partition.colorShape().equals(launch)) {
            throw new ShapeMismatchException("partition of " + name + " has colors " + partition.colorShape()
                    + " but the launch shape of task " + task.id() + " is " + launch);
        }
        if (!partition.storeShape().equals(s.shape())) {
            throw new ShapeMismatchException("partition of " + name + " was made for shape " + partition.storeShape()
                    + ", not the store's shape " + s.shape());
        }
        if (priv == Privilege.REDUCE && !s.type().supports(op)) {
            throw new TypeMismatchException("reduction " + op + " does not apply to " + s.type().name());
        }
        if (priv == Privilege.WRITE && !partition.isDisjoint()) {
            throw new TaskArgumentException("output " + name + " of task " + task.id()
                    + " has overlapping tiles; point tasks would race");
        }
        StoreArg a = new StoreArg(s, priv, op, name, args.size());
        a.partition = partition;
        a.foldPartials = priv == Privilege.REDUCE && !partition.isDisjoint();
        args.add(a);
        list.add(new ArrayArg(null, a, null, null, null, null));
        return this;
    }

    @Override
    public ManualTask addScalar(Scalar value) {
        if (value == null) {
            throw new TaskArgumentException("scalar argument " + scalars.size() + " of task " + task.id() + " is null");
        }
        scalars.add(value);
        return this;
    }

    @Override
    public void execute() {
        if (executed) {
            throw new IllegalStateException("task " + task.id() + " was already executed");
        }
        executed = true;
        rt.submitManual(task, launch, args, inputs, outputs, reductions, scalars);
    }
}
