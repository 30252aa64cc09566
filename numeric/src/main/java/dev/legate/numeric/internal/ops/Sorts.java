package dev.legate.numeric.internal.ops;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TypeMismatchException;
import dev.legate.core.Variable;
import dev.legate.numeric.Index;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.tasks.NumericTask;
import dev.legate.numeric.internal.types.Types;
import java.util.Optional;

/**
 * sort, argsort, partition, searchsorted and unique. Rows along the sorted axis are sorted
 * whole within one task (NumPy's order, NaNs last; argsort is stable), so results do not depend
 * on the number of processors.
 */
public final class Sorts {
    /** The operations of the sort task. */
    public enum Kind { SORT, ARGSORT, PARTITION, ARGPARTITION }

    private Sorts() {
    }

    /** {@code kind} of {@code a} along {@code axis} (null: the flattened array). */
    public static ArrayImpl sort(ArrayImpl a, Integer axis, Kind kind, long[] kth) {
        if (Types.isComplex(a.dtype())) {
            throw new TypeMismatchException("sorting is not supported for dtype " + a.dtype().name());
        }
        if (axis != null && a.shape().ndim() == 0) {
            throw new IllegalArgumentException("cannot sort a 0-d array along an axis");
        }
        ArrayImpl src = axis == null ? Views.reshape(a, new long[] {-1}) : a;
        int nd = src.shape().ndim();
        int ax = axis == null ? 0 : Views.axis(axis, nd);
        ArrayImpl moved = Views.moveaxis(src, ax, nd - 1);
        boolean arg = kind == Kind.ARGSORT || kind == Kind.ARGPARTITION;
        Ctx ctx = a.ctx();
        ArrayImpl out = ArrayImpl.allocate(ctx, moved.shape(), arg ? DType.INT64 : a.dtype());
        long n = moved.shape().extent(nd - 1);
        if (moved.shape().volume() > 0) {
            AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.SORT));
            Variable vi = t.addInput(moved.store());
            Variable vo = t.addOutput(out.store());
            t.addConstraint(Constraint.align(vi, vo));
            t.addConstraint(Constraint.broadcast(vo, nd - 1));
            t.addScalar(Scalar.of(kind.ordinal()));
            for (long k : kth) {
                long kk = k < 0 ? k + n : k;
                if (kk < 0 || kk >= n) {
                    throw new IndexOutOfBoundsException("kth(=" + k + ") out of bounds (" + n + ")");
                }
                t.addScalar(Scalar.of((int) kk));
            }
            t.execute();
        }
        return Views.moveaxis(out, nd - 1, ax);
    }

    /** NumPy's {@code searchsorted(a, v, side)} for a sorted 1-d {@code a}. */
    public static ArrayImpl searchsorted(ArrayImpl a, ArrayImpl v, boolean right) {
        if (a.shape().ndim() != 1) {
            throw new IllegalArgumentException("searchsorted needs a 1-d sorted array, got shape " + a.shape());
        }
        DType t = Types.promote(a.dtype(), v.dtype());
        ArrayImpl as = a.dtype().equals(t) ? a : Ufuncs.astype(a, t);
        ArrayImpl vs = v.dtype().equals(t) ? v : Ufuncs.astype(v, t);
        Ctx ctx = a.ctx();
        ArrayImpl out = ArrayImpl.allocate(ctx, v.shape(), DType.INT64);
        if (v.shape().volume() == 0) {
            return out;
        }
        ArrayImpl vv = v.shape().ndim() == 0 ? Views.reshape(vs, new long[] {1}) : vs;
        ArrayImpl oo = v.shape().ndim() == 0 ? Views.reshape(out, new long[] {1}) : out;
        AutoTask task = ctx.runtime().createTask(ctx.id(NumericTask.SEARCHSORTED));
        Variable va = task.addInput(as.store());
        task.addConstraint(Constraint.broadcast(va));
        Variable vv2 = task.addInput(vv.store());
        Variable vo = task.addOutput(oo.store());
        task.addConstraint(Constraint.align(vv2, vo));
        task.addScalar(Scalar.of(right ? 1 : 0));
        task.execute();
        return out;
    }

    /** NumPy's {@code unique(a, return_counts=True)}: sorted unique values (NaNs collapse) and counts. */
    public static ArrayImpl[] unique(ArrayImpl a) {
        ArrayImpl s = sort(a, null, Kind.SORT, new long[0]);
        long n = s.shape().volume();
        Ctx ctx = a.ctx();
        if (n == 0) {
            return new ArrayImpl[] {s, ArrayImpl.allocate(ctx, Shape.of(0), DType.INT64)};
        }
        ArrayImpl head = Views.index(s, new Index[] {Index.from(1)});
        ArrayImpl tail = Views.index(s, new Index[] {Index.to(n - 1)});
        Ufuncs.fitOperands(new Object[] {head, tail});
        Expr differ = Expr.node(Op.NE, DType.BOOL, head.operand(), tail.operand());
        if (Types.isFloat(a.dtype())) {
            Expr bothNan = Expr.node(Op.AND, DType.BOOL, Expr.node(Op.ISNAN, DType.BOOL, head.operand()),
                    Expr.node(Op.ISNAN, DType.BOOL, tail.operand()));
            differ = Expr.node(Op.AND, DType.BOOL, differ, Expr.node(Op.NOT, DType.BOOL, bothNan));
        }
        ArrayImpl mask = ArrayImpl.allocate(ctx, Shape.of(n), DType.BOOL);
        Ufuncs.assign(Views.index(mask, new Index[] {Index.to(1)}), Weak.of(true));
        Launch.elementwise(ctx, differ, Views.index(mask, new Index[] {Index.from(1)}).store());
        ArrayImpl values = Advanced.mask(s, mask);
        ArrayImpl starts = Advanced.flatnonzero(mask);
        ArrayImpl ends = Joins.concatenate(new ArrayImpl[] {Views.index(starts, new Index[] {Index.from(1)}),
            Creation.fromLongs(ctx, new long[] {n}, Shape.of(1), DType.INT64)}, 0);
        ArrayImpl counts = Ufuncs.apply(UFunc.SUBTRACT, Optional.empty(), ends, starts);
        counts.materialize();
        return new ArrayImpl[] {values, counts};
    }
}
