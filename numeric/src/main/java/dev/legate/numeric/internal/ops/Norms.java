package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.numeric.LinAlgException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.reduce.RedOp;
import dev.legate.numeric.internal.types.Types;
import java.util.Optional;

/** {@code linalg.norm}: vector norms of any order and the matrix norms that need no SVD. */
public final class Norms {
    private Norms() {
    }

    private static ArrayImpl absolute(ArrayImpl x) {
        return Ufuncs.apply(UFunc.ABSOLUTE, Optional.empty(), x);
    }

    /** The 2-norm (Frobenius for matrices) over {@code axes} (null: all), as {@code sqrt(sum(|x|^2))}. */
    public static ArrayImpl frobenius(ArrayImpl x, int[] axes, boolean keepdims) {
        ArrayImpl ax = Types.isComplex(x.dtype()) ? absolute(x) : x;
        DType t = Types.isFloat(ax.dtype()) ? ax.dtype() : DType.FLOAT64;
        Ufuncs.fitOperands(new Object[] {ax});
        Expr v = ax.operand().cast(t);
        Expr sq = Expr.node(Op.MUL, t, v, v);
        ArrayImpl s = Reductions.reduce(x.ctx(), RedOp.SUM, sq, x.shape(), Reductions.axes(axes, x.shape().ndim()),
                keepdims, t, "norm");
        return Ufuncs.apply(UFunc.SQRT, Optional.empty(), s);
    }

    /** A vector norm of order {@code ord} along {@code axis} (null: the flattened array). */
    public static ArrayImpl vector(ArrayImpl x, double ord, Integer axis, boolean keepdims) {
        ArrayImpl src = axis == null ? Views.reshape(x, new long[] {-1}) : x;
        int[] ax = {axis == null ? 0 : Views.axis(axis, src.shape().ndim())};
        if (ord == 2) {
            return frobenius(src, ax, keepdims);
        }
        ArrayImpl a = absolute(src);
        if (ord == Double.POSITIVE_INFINITY) {
            return ReduceOps.reduce(RedOp.MAX, a, ax, keepdims);
        }
        if (ord == Double.NEGATIVE_INFINITY) {
            return ReduceOps.reduce(RedOp.MIN, a, ax, keepdims);
        }
        if (ord == 0) {
            return Ufuncs.astype(ReduceOps.countNonzero(a, ax, keepdims), DType.FLOAT64);
        }
        if (ord == 1) {
            return ReduceOps.reduce(RedOp.SUM, Ufuncs.astype(a, Types.isFloat(a.dtype()) ? a.dtype() : DType.FLOAT64),
                    ax, keepdims);
        }
        ArrayImpl p = Ufuncs.apply(UFunc.POWER, Optional.empty(), a, Weak.of(ord));
        ArrayImpl s = ReduceOps.reduce(RedOp.SUM, p, ax, keepdims);
        return Ufuncs.apply(UFunc.POWER, Optional.empty(), s, Weak.of(1.0 / ord));
    }

    /** A matrix norm: "fro", 1, -1, inf, -inf (orders 2, -2 and "nuc" need singular values). */
    public static ArrayImpl matrix(ArrayImpl x, String ord, boolean keepdims) {
        if (x.shape().ndim() != 2) {
            throw new LinAlgException("matrix norm needs a 2-d array, got shape " + x.shape());
        }
        switch (ord) {
            case "fro":
                return frobenius(x, null, keepdims);
            case "1", "-1", "inf", "-inf": {
                boolean cols = ord.equals("1") || ord.equals("-1");
                boolean max = ord.equals("1") || ord.equals("inf");
                ArrayImpl a = absolute(x);
                ArrayImpl s = ReduceOps.reduce(RedOp.SUM, a, new int[] {cols ? 0 : 1}, keepdims);
                return ReduceOps.reduce(max ? RedOp.MAX : RedOp.MIN, s, keepdims ? new int[] {cols ? 1 : 0} : null,
                        keepdims);
            }
            default:
                throw new UnsupportedOperationException("matrix norm of order '" + ord + "' needs singular values, "
                        + "which numeric does not compute; supported: fro, 1, -1, inf, -inf");
        }
    }
}
