package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.types.Types;
import java.util.Optional;

/** Array creation: from host data, filled, ranges, and the matrix builders (eye, tri, diag). */
public final class Creation {
    private Creation() {
    }

    /** A new uninitialised array. */
    public static ArrayImpl empty(Ctx ctx, Shape shape, DType dtype) {
        Types.requireNumeric(dtype);
        return ArrayImpl.allocate(ctx, shape, dtype);
    }

    /** A new array with every element {@code value}. */
    public static ArrayImpl full(Ctx ctx, Shape shape, DType dtype, Scalar value) {
        ArrayImpl a = empty(ctx, shape, dtype);
        if (shape.volume() > 0) {
            ctx.runtime().fill(a.store(), value.cast(dtype));
        }
        return a;
    }

    /** An array of {@code dtype} holding {@code values} (row-major) in {@code shape}. */
    public static ArrayImpl fromDoubles(Ctx ctx, double[] values, Shape shape, DType dtype) {
        checkVolume(values.length, shape);
        ArrayImpl a = empty(ctx, shape, dtype);
        if (values.length > 0) {
            if (Types.isComplex(dtype)) {
                double[] pairs = new double[values.length * 2];
                for (int i = 0; i < values.length; i++) {
                    pairs[2 * i] = values[i];
                }
                a.store().update(ps -> HostData.writeComplex(ps, pairs));
            } else {
                a.store().update(ps -> HostData.write(ps, values));
            }
        }
        return a;
    }

    /** An array of {@code dtype} holding the integers {@code values} in {@code shape}. */
    public static ArrayImpl fromLongs(Ctx ctx, long[] values, Shape shape, DType dtype) {
        checkVolume(values.length, shape);
        ArrayImpl a = empty(ctx, shape, dtype);
        if (values.length > 0) {
            if (Types.isInteger(dtype) || Types.isBool(dtype)) {
                a.store().update(ps -> HostData.write(ps, values));
            } else {
                double[] d = new double[values.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = values[i];
                }
                return fromDoubles(ctx, d, shape, dtype);
            }
        }
        return a;
    }

    /** A complex array from interleaved (re, im) pairs. */
    public static ArrayImpl fromComplex(Ctx ctx, double[] pairs, Shape shape, DType dtype) {
        checkVolume(pairs.length / 2, shape);
        ArrayImpl a = empty(ctx, shape, dtype);
        if (pairs.length > 0) {
            a.store().update(ps -> HostData.writeComplex(ps, pairs));
        }
        return a;
    }

    private static void checkVolume(long n, Shape shape) {
        if (n != shape.volume()) {
            throw new ShapeMismatchException("cannot reshape " + n + " values into shape " + shape);
        }
    }

    /** Evaluates a positional expression into a new array of {@code shape}. */
    static ArrayImpl positional(Ctx ctx, Shape shape, Expr e) {
        ArrayImpl a = ArrayImpl.allocate(ctx, shape, e.dtype());
        Launch.elementwise(ctx, e, a.store());
        return a;
    }

    /** {@code arange(start, stop, step)} of the given type. */
    public static ArrayImpl arange(Ctx ctx, double start, double stop, double step, DType dtype) {
        if (step == 0) {
            throw new IllegalArgumentException("arange: step must not be zero");
        }
        long n = (long) Math.max(0, Math.ceil((stop - start) / step));
        Expr i = Expr.coord(0);
        Expr e;
        if (Types.isInteger(dtype) && start == Math.rint(start) && step == Math.rint(step)) {
            e = Expr.node(Op.ADD, DType.INT64, Expr.node(Op.MUL, DType.INT64, i, Expr.constant(Scalar.of((long) step))),
                    Expr.constant(Scalar.of((long) start)));
        } else {
            e = Expr.node(Op.ADD, DType.FLOAT64, Expr.node(Op.MUL, DType.FLOAT64, i.cast(DType.FLOAT64),
                    Expr.constant(Scalar.of(step))), Expr.constant(Scalar.of(start)));
        }
        return positional(ctx, Shape.of(n), e.cast(dtype));
    }

    /** {@code linspace(start, stop, num, endpoint)} as float64 (NumPy's formula). */
    public static ArrayImpl linspace(Ctx ctx, double start, double stop, long num, boolean endpoint, DType dtype) {
        if (num < 0) {
            throw new IllegalArgumentException("linspace: number of samples " + num + " must be non-negative");
        }
        long div = endpoint ? num - 1 : num;
        double delta = stop - start;
        double step = div > 0 ? delta / div : Double.NaN;
        Expr i = Expr.coord(0).cast(DType.FLOAT64);
        Expr y;
        if (div > 0 && step == 0) {
            y = Expr.node(Op.MUL, DType.FLOAT64, Expr.node(Op.DIV, DType.FLOAT64, i,
                    Expr.constant(Scalar.of((double) div))), Expr.constant(Scalar.of(delta)));
        } else {
            y = Expr.node(Op.MUL, DType.FLOAT64, i, Expr.constant(Scalar.of(div > 0 ? step : delta)));
        }
        y = Expr.node(Op.ADD, DType.FLOAT64, y, Expr.constant(Scalar.of(start)));
        if (endpoint && num > 1) {
            Expr last = Expr.node(Op.EQ, DType.BOOL, Expr.coord(0), Expr.constant(Scalar.of(num - 1)));
            y = Expr.node(Op.WHERE, DType.FLOAT64, last, Expr.constant(Scalar.of(stop)), y);
        }
        return positional(ctx, Shape.of(num), y.cast(dtype));
    }

    /** {@code eye(n, m, k)}: ones on the k-th diagonal. */
    public static ArrayImpl eye(Ctx ctx, long n, long m, long k, DType dtype) {
        Expr d = Expr.node(Op.SUB, DType.INT64, Expr.coord(1), Expr.coord(0));
        Expr e = Expr.node(Op.EQ, DType.BOOL, d, Expr.constant(Scalar.of(k)));
        return positional(ctx, Shape.of(n, m), e.cast(dtype));
    }

    /** {@code tri(n, m, k)}: ones at and below the k-th diagonal. */
    public static ArrayImpl tri(Ctx ctx, long n, long m, long k, DType dtype) {
        return positional(ctx, Shape.of(n, m), lowerMask(0, 1, k).cast(dtype));
    }

    /** j - i <= k over dimensions {@code di} (rows) and {@code dj} (columns). */
    private static Expr lowerMask(int di, int dj, long k) {
        Expr d = Expr.node(Op.SUB, DType.INT64, Expr.coord(dj), Expr.coord(di));
        return Expr.node(Op.LE, DType.BOOL, d, Expr.constant(Scalar.of(k)));
    }

    /** {@code tril(a, k)} (lower) or {@code triu(a, k)} (upper) over the last two dimensions. */
    public static ArrayImpl triangle(ArrayImpl a, long k, boolean lower) {
        int nd = a.shape().ndim();
        if (nd < 2) {
            throw new ShapeMismatchException((lower ? "tril" : "triu") + " needs at least 2 dimensions, got shape "
                    + a.shape());
        }
        Expr mask = lower ? lowerMask(nd - 2, nd - 1, k)
                : Expr.node(Op.NOT, DType.BOOL, lowerMask(nd - 2, nd - 1, k - 1));
        Expr zero = Expr.constant(Scalar.ofInteger(a.dtype(), 0));
        if (Types.isComplex(a.dtype())) {
            zero = Expr.constant(Scalar.complex(a.dtype(), 0, 0));
        }
        Expr e = Expr.node(Op.WHERE, a.dtype(), mask, Expr.input(a.store(), a.base()), zero);
        return positional(a.ctx(), a.shape(), e);
    }

    /** A copy of {@code a} (NumPy's {@code copy}): a new array nobody else shares. */
    public static ArrayImpl copy(ArrayImpl a) {
        ArrayImpl c = ArrayImpl.allocate(a.ctx(), a.shape(), a.dtype());
        Launch.elementwise(a.ctx(), a.operand(), c.store());
        return c;
    }

    /** An array of {@code like}'s shape and type filled with {@code value} (empty when absent). */
    public static ArrayImpl like(ArrayImpl like, Optional<Scalar> value, DType dtype) {
        return value.map(v -> full(like.ctx(), like.shape(), dtype, v)).orElseGet(() -> empty(like.ctx(), like.shape(),
                dtype));
    }
}
