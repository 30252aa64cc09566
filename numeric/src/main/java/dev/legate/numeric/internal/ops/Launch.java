package dev.legate.numeric.internal.ops;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.Variable;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.tasks.NumericTask;
import java.util.ArrayList;
import java.util.List;

/** Launches of numeric's tasks, with the views and constraints they need. */
public final class Launch {
    private Launch() {
    }

    /**
     * Launches {@code expr} into {@code out}: every input leaf is broadcast to {@code out}'s
     * shape and aligned with it. An input that overlaps {@code out} without being the very
     * same view is copied first, as NumPy does for overlapping operands.
     */
    public static void elementwise(Ctx ctx, Expr expr, LogicalStore out) {
        if (out.volume() == 0) {
            return;
        }
        List<LogicalStore> inputs = new ArrayList<>(expr.inputCount());
        expr.collectInputs(inputs);
        List<Scalar> consts = new ArrayList<>(4);
        expr.collectConstants(consts);
        long[] shape = out.shape().extents();
        AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.ELEMENTWISE));
        Variable vo = t.addOutput(out);
        for (LogicalStore in : inputs) {
            LogicalStore b = broadcastTo(in, shape);
            if (b != out && b.sharesStorage(out)) {
                b = copyOf(ctx, b);
            }
            Variable v = t.addInput(b);
            t.addConstraint(Constraint.align(v, vo));
        }
        t.addScalar(Scalar.of(expr.text()));
        for (Scalar c : consts) {
            t.addScalar(c);
        }
        t.execute();
        java.lang.ref.Reference.reachabilityFence(expr);
    }

    /** A new store holding a copy of {@code s}. */
    public static LogicalStore copyOf(Ctx ctx, LogicalStore s) {
        LogicalStore c = ctx.runtime().createStore(s.type(), s.shape());
        elementwise(ctx, Expr.input(s), c);
        return c;
    }

    /**
     * {@code s} viewed with NumPy broadcasting as shape {@code to}: leading dimensions added,
     * extent-1 dimensions repeated.
     *
     * @throws ShapeMismatchException when the shapes do not broadcast
     */
    public static LogicalStore broadcastTo(LogicalStore s, long[] to) {
        int nd = s.ndim();
        int off = to.length - nd;
        if (off < 0) {
            throw new ShapeMismatchException("cannot broadcast shape " + s.shape() + " to " + Shape.of(to));
        }
        long[] have = s.shape().extents();
        if (off == 0 && java.util.Arrays.equals(have, to)) {
            return s;
        }
        LogicalStore r = s;
        for (int d = 0; d < nd; d++) {
            long e = have[d];
            if (e != to[d + off]) {
                if (e != 1) {
                    throw new ShapeMismatchException("cannot broadcast shape " + s.shape() + " to " + Shape.of(to));
                }
                r = r.broadcast(d, to[d + off]);
            }
        }
        for (int d = off - 1; d >= 0; d--) {
            r = r.promote(0, to[d]);
        }
        return r;
    }
}
