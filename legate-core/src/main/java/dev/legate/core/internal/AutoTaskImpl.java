package dev.legate.core.internal;

import dev.legate.core.ArrayArgument;
import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.LogicalArray;
import dev.legate.core.LogicalStore;
import dev.legate.core.ReductionOp;
import dev.legate.core.Scalar;
import dev.legate.core.TaskArgumentException;
import dev.legate.core.TypeMismatchException;
import dev.legate.core.Variable;
import java.util.ArrayList;
import java.util.List;

/** The implementation of {@link AutoTask}. */
public final class AutoTaskImpl implements AutoTask {
    private final RuntimeImpl rt;
    private final RegisteredTask task;
    private final List<StoreArg> args = new ArrayList<>(4);
    private final List<ArrayArg> inputs = new ArrayList<>(4);
    private final List<ArrayArg> outputs = new ArrayList<>(2);
    private final List<ArrayArg> reductions = new ArrayList<>();
    private final List<Scalar> scalars = new ArrayList<>(4);
    private final List<Constraint> constraints = new ArrayList<>(4);
    private boolean executed;

    AutoTaskImpl(RuntimeImpl rt, RegisteredTask task) {
        this.rt = rt;
        this.task = task;
    }

    @Override
    public Variable addInput(ArrayArgument array) {
        return add(array, Privilege.READ, null, inputs, "input" + inputs.size());
    }

    @Override
    public Variable addOutput(ArrayArgument array) {
        return add(array, Privilege.WRITE, null, outputs, "output" + outputs.size());
    }

    @Override
    public Variable addReduction(ArrayArgument array, ReductionOp op) {
        return add(array, Privilege.REDUCE, op, reductions, "reduction" + reductions.size());
    }

    /** Adds an argument under an explicit name (annotated tasks use parameter names). */
    Variable add(ArrayArgument array, Privilege priv, ReductionOp op, String name) {
        List<ArrayArg> list = switch (priv) {
            case READ -> inputs;
            case WRITE -> outputs;
            default -> reductions;
        };
        return add(array, priv, op, list, name);
    }

    private Variable add(ArrayArgument array, Privilege priv, ReductionOp op, List<ArrayArg> list, String name) {
        checkOpen();
        ArrayImpl arr = switch (array) {
            case StoreImpl s -> (ArrayImpl) LogicalArray.of(s);
            case ArrayImpl a -> a;
            case null -> throw new TaskArgumentException("argument " + name + " of task " + task.id() + " is null");
            default -> throw new TaskArgumentException("argument " + name + " of task " + task.id()
                    + " must be a LogicalStore or LogicalArray, got " + array.getClass().getName());
        };
        if (((StoreImpl) (arr.isString() ? arr.offsets() : arr.data())).runtime() != rt) {
            throw new TaskArgumentException("argument " + name + " of task " + task.id() + " belongs to another runtime");
        }
        if (priv == Privilege.REDUCE && !arr.type().supports(op)) {
            throw new TypeMismatchException("reduction " + op + " does not apply to " + arr.type().name()
                    + " (argument " + name + " of task " + task.id() + ")");
        }
        ArrayArg aa;
        Variable primary;
        if (arr.isString()) {
            if (priv != Privilege.READ) {
                throw new TaskArgumentException("string array " + name + " of task " + task.id()
                        + " can only be an input; string outputs are not supported yet");
            }
            StoreImpl off = arr.offsetsImpl();
            long rows = off.volume() - 1;
            StoreArg lo = storeArg((StoreImpl) off.slice(0, 0, rows), priv, op, name);
            StoreArg hi = storeArg((StoreImpl) off.slice(0, 1, rows + 1), priv, op, name + ".offsets_hi");
            StoreArg chars = storeArg(arr.charsImpl(), priv, op, name + ".chars");
            StoreArg val = arr.validityImpl() == null ? null : storeArg(arr.validityImpl(), priv, op, name + ".validity");
            Variable vLo = new Variable(this, lo.index, lo.name);
            constraints.add(Constraint.imageRanges(vLo, new Variable(this, hi.index, hi.name),
                    new Variable(this, chars.index, chars.name)));
            if (val != null) {
                constraints.add(Constraint.align(vLo, new Variable(this, val.index, val.name)));
            }
            aa = new ArrayArg(arr, null, val, lo, hi, chars);
            primary = vLo;
        } else {
            StoreArg d = storeArg(arr.dataImpl(), priv, op, name);
            StoreArg val = null;
            primary = new Variable(this, d.index, d.name);
            if (arr.validityImpl() != null) {
                if (d.unbound()) {
                    throw new TaskArgumentException("unbound output " + name + " of task " + task.id()
                            + " cannot be nullable");
                }
                val = storeArg(arr.validityImpl(), priv == Privilege.REDUCE ? Privilege.READ : priv, null,
                        name + ".validity");
                constraints.add(Constraint.align(primary, new Variable(this, val.index, val.name)));
            }
            aa = new ArrayArg(arr, d, val, null, null, null);
        }
        list.add(aa);
        return primary;
    }

    private StoreArg storeArg(StoreImpl s, Privilege priv, ReductionOp op, String name) {
        StoreArg a = new StoreArg(s, priv, op, name, args.size());
        args.add(a);
        return a;
    }

    @Override
    public AutoTask addScalar(Scalar value) {
        checkOpen();
        if (value == null) {
            throw new TaskArgumentException("scalar argument " + scalars.size() + " of task " + task.id() + " is null");
        }
        scalars.add(value);
        return this;
    }

    @Override
    public AutoTask addConstraint(Constraint constraint) {
        checkOpen();
        if (constraint == null) {
            throw new TaskArgumentException("null constraint for task " + task.id());
        }
        constraints.add(constraint);
        return this;
    }

    @Override
    public void execute() {
        checkOpen();
        executed = true;
        rt.submitAuto(task, args, inputs, outputs, reductions, scalars, constraints, this);
    }

    private void checkOpen() {
        if (executed) {
            throw new IllegalStateException("task " + task.id() + " was already executed; create a new one");
        }
    }

    @Override
    public String toString() {
        return "AutoTask(" + task.id() + ")";
    }
}
