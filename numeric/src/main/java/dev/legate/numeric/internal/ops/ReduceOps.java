package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.reduce.RedOp;
import dev.legate.numeric.internal.types.Types;
import java.util.Optional;

/** NumPy's reduction functions built on {@link Reductions}: sum ... std, nan-variants, counts. */
public final class ReduceOps {
    private ReduceOps() {
    }

    /** {@code op} over {@code axes} (null: all) of {@code a}. */
    public static ArrayImpl reduce(RedOp op, ArrayImpl a, int[] axes, boolean keepdims) {
        String name = switch (op) {
            case SUM -> "sum";
            case PROD -> "prod";
            case MIN -> "minimum";
            case MAX -> "maximum";
            case ALL -> "all";
            case ANY -> "any";
        };
        DType rt = Reductions.resultType(op, a.dtype());
        if (Types.isComplex(a.dtype()) && (op == RedOp.MIN || op == RedOp.MAX)) {
            throw new TypeMismatchException(name + " is not supported for dtype " + a.dtype().name());
        }
        Ufuncs.fitOperands(new Object[] {a});
        return Reductions.reduce(a.ctx(), op, a.operand(), a.shape(), Reductions.axes(axes, a.shape().ndim()),
                keepdims, rt, name);
    }

    private static long count(Shape s, int[] axes) {
        long n = 1;
        for (int d : axes) {
            n *= s.extent(d);
        }
        return n;
    }

    /** The floating type NumPy's mean uses for {@code t}. */
    private static DType meanType(DType t) {
        return Types.isFloat(t) || Types.isComplex(t) ? t : DType.FLOAT64;
    }

    /** {@code np.mean}. */
    public static ArrayImpl mean(ArrayImpl a, int[] axes, boolean keepdims) {
        int[] ax = Reductions.axes(axes, a.shape().ndim());
        DType mt = meanType(a.dtype());
        Ufuncs.fitOperands(new Object[] {a});
        ArrayImpl s = Reductions.reduce(a.ctx(), RedOp.SUM, a.operand().cast(mt), a.shape(), ax, keepdims, mt, "mean");
        return divideBy(s, count(a.shape(), ax));
    }

    private static ArrayImpl divideBy(ArrayImpl s, long n) {
        Weak w = Weak.of((double) n);
        return Ufuncs.apply(UFunc.TRUE_DIVIDE, Optional.empty(), s, w);
    }

    /** {@code np.var} with {@code ddof}. */
    public static ArrayImpl var(ArrayImpl a, int[] axes, int ddof, boolean keepdims) {
        int[] ax = Reductions.axes(axes, a.shape().ndim());
        ArrayImpl m = mean(a, ax, true);
        m.materialize();
        DType mt = meanType(a.dtype());
        Ufuncs.fitOperands(new Object[] {a});
        Expr x = Expr.node(Op.SUB, mt, a.operand().cast(mt), m.operand().cast(mt));
        Expr sq;
        DType rt = mt;
        if (Types.isComplex(mt)) {
            rt = Types.realOf(mt);
            Expr ab = Expr.node(Op.ABS, rt, x);
            sq = Expr.node(Op.MUL, rt, ab, ab);
        } else {
            sq = Expr.node(Op.MUL, mt, x, x);
        }
        ArrayImpl s = Reductions.reduce(a.ctx(), RedOp.SUM, sq, a.shape(), ax, keepdims, rt, "var");
        long n = count(a.shape(), ax) - ddof;
        return divideBy(s, Math.max(0, n));
    }

    /** {@code np.std}. */
    public static ArrayImpl std(ArrayImpl a, int[] axes, int ddof, boolean keepdims) {
        return Ufuncs.apply(UFunc.SQRT, Optional.empty(), var(a, axes, ddof, keepdims));
    }

    /** {@code np.count_nonzero}: int64 counts. */
    public static ArrayImpl countNonzero(ArrayImpl a, int[] axes, boolean keepdims) {
        int[] ax = Reductions.axes(axes, a.shape().ndim());
        Ufuncs.fitOperands(new Object[] {a});
        Expr nz = Expr.node(Op.NE, DType.BOOL, a.operand(), zero(a.dtype())).cast(DType.INT64);
        return Reductions.reduce(a.ctx(), RedOp.SUM, nz, a.shape(), ax, keepdims, DType.INT64, "count_nonzero");
    }

    private static Expr zero(DType t) {
        return Expr.constant(Types.isComplex(t) ? Scalar.complex(t, 0, 0) : Scalar.of(t, 0));
    }

    private static Expr isnan(ArrayImpl a) {
        return Expr.node(Op.ISNAN, DType.BOOL, a.operand());
    }

    /** {@code np.nansum}/{@code np.nanprod}: NaNs count as the identity. */
    public static ArrayImpl nanSumProd(RedOp op, ArrayImpl a, int[] axes, boolean keepdims) {
        if (!Types.isFloat(a.dtype()) && !Types.isComplex(a.dtype())) {
            return reduce(op, a, axes, keepdims);
        }
        int[] ax = Reductions.axes(axes, a.shape().ndim());
        Ufuncs.fitOperands(new Object[] {a});
        Expr id = Expr.constant(Scalar.of(a.dtype(), op.identityDouble()));
        Expr e = Expr.node(Op.WHERE, a.dtype(), isnan(a), id, a.operand());
        return Reductions.reduce(a.ctx(), op, e, a.shape(), ax, keepdims, a.dtype(), "nan" + op.name().toLowerCase());
    }

    /** {@code np.nanmin}/{@code np.nanmax}: NaNs ignored; NaN where every value is NaN. */
    public static ArrayImpl nanMinMax(RedOp op, ArrayImpl a, int[] axes, boolean keepdims) {
        if (!Types.isFloat(a.dtype())) {
            return reduce(op, a, axes, keepdims);
        }
        int[] ax = Reductions.axes(axes, a.shape().ndim());
        Ufuncs.fitOperands(new Object[] {a});
        Expr id = Expr.constant(Scalar.of(a.dtype(), op.identityDouble()));
        Expr e = Expr.node(Op.WHERE, a.dtype(), isnan(a), id, a.operand());
        ArrayImpl r = Reductions.reduce(a.ctx(), op, e, a.shape(), ax, keepdims, a.dtype(), "nan" + op.name());
        Expr valid = Expr.node(Op.NOT, DType.BOOL, isnan(a));
        ArrayImpl any = Reductions.reduce(a.ctx(), RedOp.ANY, valid, a.shape(), ax, keepdims, DType.BOOL, "any");
        return Ufuncs.where(any, r, Weak.of(Double.NaN), Optional.empty());
    }

    /** {@code np.nanmean}. */
    public static ArrayImpl nanMean(ArrayImpl a, int[] axes, boolean keepdims) {
        if (!Types.isFloat(a.dtype())) {
            return mean(a, axes, keepdims);
        }
        int[] ax = Reductions.axes(axes, a.shape().ndim());
        ArrayImpl s = nanSumProd(RedOp.SUM, a, ax, keepdims);
        Expr valid = Expr.node(Op.NOT, DType.BOOL, isnan(a)).cast(DType.INT64);
        ArrayImpl n = Reductions.reduce(a.ctx(), RedOp.SUM, valid, a.shape(), ax, keepdims, DType.INT64, "count");
        return Ufuncs.apply(UFunc.TRUE_DIVIDE, Optional.empty(), s, n);
    }
}
