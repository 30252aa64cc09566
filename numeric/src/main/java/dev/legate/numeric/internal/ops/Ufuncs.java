package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Base;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.types.Types;
import java.util.List;
import java.util.Optional;

/**
 * Applies universal functions: promotes operand types, broadcasts shapes, builds the fused
 * expression and returns a deferred array, or computes into an {@code out} array at once.
 * Operands are {@link ArrayImpl}s or {@link Weak} scalars; at least one must be an array.
 */
public final class Ufuncs {
    private Ufuncs() {
    }

    /** {@code f(operands...)} into a new (deferred) array, or into {@code out}. */
    public static ArrayImpl apply(UFunc f, Optional<ArrayImpl> out, Object... operands) {
        if (operands.length != f.arity()) {
            throw new IllegalArgumentException(f.npName() + " takes " + f.arity() + " operands, got " + operands.length);
        }
        out.ifPresent(ArrayImpl::beforeWrite);
        DType t = promote(operands);
        DType compute = f.computeType(t);
        DType result = f.resultType(compute);
        Shape shape = broadcastShapes(f.npName(), operands);
        Ctx ctx = ctxOf(operands);
        fitOperands(operands);
        Expr[] kids = new Expr[operands.length];
        for (int i = 0; i < operands.length; i++) {
            kids[i] = operandExpr(operands[i], compute);
        }
        Expr e = Expr.node(f.op(), result, kids);
        return finish(ctx, f.npName(), e, shape, out, operands);
    }

    /** {@code where(cond, x, y)}: elements of x where cond holds, of y elsewhere. */
    public static ArrayImpl where(Object cond, Object x, Object y, Optional<ArrayImpl> out) {
        Object[] all = {cond, x, y};
        out.ifPresent(ArrayImpl::beforeWrite);
        DType t = promote(new Object[] {x, y});
        Shape shape = broadcastShapes("where", all);
        Ctx ctx = ctxOf(all);
        fitOperands(all);
        Expr e = Expr.node(Op.WHERE, t, operandExpr(cond, DType.BOOL), operandExpr(x, t), operandExpr(y, t));
        return finish(ctx, "where", e, shape, out, all);
    }

    /** {@code a} converted to {@code t} (NumPy's {@code astype}, unsafe casting). */
    public static ArrayImpl astype(ArrayImpl a, DType t) {
        Types.requireNumeric(t);
        Object[] ops = {a};
        fitOperands(ops);
        return finish(a.ctx(), "astype", operandExpr(a, t), a.shape(), Optional.empty(), ops);
    }

    /** Writes {@code value} (an array broadcast to {@code dst}'s shape, or a scalar) into {@code dst}. */
    public static void assign(ArrayImpl dst, Object value) {
        dst.beforeWrite();
        Object[] ops = {value};
        fitOperands(ops);
        if (value instanceof ArrayImpl v) {
            Shape b = broadcast(v.shape(), dst.shape(), "assignment");
            if (!b.equals(dst.shape())) {
                throw new ShapeMismatchException("could not broadcast input array from shape " + v.shape()
                        + " into shape " + dst.shape());
            }
        }
        Expr e = operandExpr(value, dst.dtype());
        Launch.elementwise(dst.ctx(), e, dst.store());
    }

    /** {@code dst[mask] = value} for a boolean mask of dst's shape (unsafe casting, as assignment). */
    public static void assignWhere(ArrayImpl dst, ArrayImpl mask, Object value) {
        dst.beforeWrite();
        Object[] ops = {mask, value};
        fitOperands(ops);
        Expr e = Expr.node(Op.WHERE, dst.dtype(), operandExpr(mask, DType.BOOL), operandExpr(value, dst.dtype()),
                Expr.input(dst.store(), dst.base()));
        Launch.elementwise(dst.ctx(), e, dst.store());
    }

    private static ArrayImpl finish(Ctx ctx, String name, Expr e, Shape shape, Optional<ArrayImpl> out,
                                    Object[] operands) {
        if (out.isPresent()) {
            ArrayImpl o = out.get();
            Shape b = broadcast(shape, o.shape(), name);
            if (!b.equals(o.shape())) {
                throw new ShapeMismatchException(name + ": non-broadcastable output operand with shape " + o.shape()
                        + " doesn't match the broadcast shape " + b);
            }
            if (!Types.canCastSameKind(e.dtype(), o.dtype())) {
                throw new TypeMismatchException("Cannot cast ufunc '" + name + "' output from dtype " + e.dtype().name()
                        + " to " + o.dtype().name() + " with casting rule 'same_kind'");
            }
            Launch.elementwise(ctx, e.cast(o.dtype()), o.store());
            return o;
        }
        List<Base> sources = ArrayImpl.sourceList();
        for (Object op : operands) {
            if (op instanceof ArrayImpl a) {
                a.addSources(sources);
            }
        }
        return ArrayImpl.deferred(ctx, shape, e, sources);
    }

    /** The expression of an operand converted to {@code t}. */
    static Expr operandExpr(Object op, DType t) {
        return switch (op) {
            case ArrayImpl a -> a.operand().cast(t);
            case Weak w -> Expr.constant(w.as(t));
            default -> throw new IllegalArgumentException("not an operand: " + op);
        };
    }

    /** Computes deferred operands until the fused expression stays within the size limits. */
    static void fitOperands(Object[] operands) {
        while (true) {
            int nodes = 1;
            int inputs = 0;
            ArrayImpl biggest = null;
            for (Object o : operands) {
                if (o instanceof ArrayImpl a) {
                    nodes += a.operandNodes() + 1;
                    inputs += a.operandInputs();
                    if (a.isDeferred() && (biggest == null || a.operandNodes() > biggest.operandNodes())) {
                        biggest = a;
                    }
                } else {
                    nodes++;
                }
            }
            if (nodes <= Expr.MAX_NODES && inputs <= Expr.MAX_INPUTS || biggest == null) {
                return;
            }
            biggest.materialize();
        }
    }

    /** NumPy's result type of the operands: arrays promote strongly, Java numbers weakly. */
    public static DType promote(Object[] operands) {
        DType t = null;
        for (Object o : operands) {
            if (o instanceof ArrayImpl a) {
                t = t == null ? a.dtype() : Types.promote(t, a.dtype());
            }
        }
        for (Object o : operands) {
            if (o instanceof Weak w) {
                t = t == null ? w.defaultType() : Types.promoteWeak(t, w.kind());
            }
        }
        if (t == null) {
            throw new IllegalArgumentException("no operands");
        }
        return t;
    }

    private static Ctx ctxOf(Object[] operands) {
        Ctx c = null;
        for (Object o : operands) {
            if (o instanceof ArrayImpl a) {
                if (c != null && a.ctx() != c && a.ctx().runtime() != c.runtime()) {
                    throw new IllegalArgumentException("operands belong to different runtimes");
                }
                c = a.ctx();
            }
        }
        return c != null ? c : Ctx.current();
    }

    /** The broadcast shape of the array operands. */
    static Shape broadcastShapes(String name, Object[] operands) {
        Shape s = null;
        for (Object o : operands) {
            if (o instanceof ArrayImpl a) {
                s = s == null ? a.shape() : broadcast(s, a.shape(), name);
            }
        }
        return s == null ? Shape.of() : s;
    }

    /**
     * NumPy's broadcast of two shapes.
     *
     * @throws ShapeMismatchException naming both shapes when they do not broadcast
     */
    public static Shape broadcast(Shape a, Shape b, String name) {
        if (a.equals(b)) {
            return a;
        }
        int n = Math.max(a.ndim(), b.ndim());
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            int da = a.ndim() - n + i;
            int db = b.ndim() - n + i;
            long ea = da >= 0 ? a.extent(da) : 1;
            long eb = db >= 0 ? b.extent(db) : 1;
            if (ea != eb && ea != 1 && eb != 1) {
                throw new ShapeMismatchException(name + ": operands could not be broadcast together with shapes "
                        + a + " " + b);
            }
            r[i] = ea == 1 ? eb : ea;
        }
        return Shape.of(r);
    }
}
