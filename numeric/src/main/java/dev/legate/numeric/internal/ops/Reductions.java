package dev.legate.numeric.internal.ops;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.ReductionOp;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TypeMismatchException;
import dev.legate.core.Variable;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.reduce.RedOp;
import dev.legate.numeric.internal.tasks.NumericTask;
import dev.legate.numeric.internal.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Reductions (sum, prod, min, max, all, any and what is built from them) over all axes or
 * some. Results are new arrays; full reductions give 0-d arrays written by the reduction
 * task, so using them never waits.
 *
 * <p>Floating sums and products over all axes use fixed, globally aligned blocks and a fixed
 * combination tree (see {@code BlockReduceTask}); order-free reductions (integers, min, max)
 * fold per-tile results; axis reductions keep the reduced axes within one point task.
 */
public final class Reductions {
    private Reductions() {
    }

    /** The normalised, sorted, distinct axes; all axes for {@code null}. */
    public static int[] axes(int[] axes, int ndim) {
        if (axes == null) {
            int[] all = new int[ndim];
            for (int i = 0; i < ndim; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] seen = new boolean[ndim];
        for (int a : axes) {
            int d = Views.axis(a, ndim);
            if (seen[d]) {
                throw new IllegalArgumentException("duplicate value in 'axis': " + a);
            }
            seen[d] = true;
        }
        int[] r = new int[axes.length];
        int k = 0;
        for (int d = 0; d < ndim; d++) {
            if (seen[d]) {
                r[k++] = d;
            }
        }
        return r;
    }

    /** The result type of {@code op} on values of type {@code t}. */
    public static DType resultType(RedOp op, DType t) {
        return switch (op) {
            case SUM, PROD -> Types.sumType(t);
            case MIN, MAX -> t;
            case ALL, ANY -> DType.BOOL;
        };
    }

    /**
     * Reduces {@code e} (an expression over an iteration space of {@code shape}, whose sources
     * are {@code sources}) with {@code op} over {@code axes} into a new array of type
     * {@code rt}; with {@code keepdims} the reduced axes stay with extent 1.
     */
    public static ArrayImpl reduce(Ctx ctx, RedOp op, Expr e, Shape shape, int[] axes, boolean keepdims, DType rt,
                                   String name) {
        int nd = shape.ndim();
        boolean[] red = new boolean[nd];
        for (int d : axes) {
            red[d] = true;
        }
        long[] outShape = new long[nd - axes.length];
        for (int d = 0, k = 0; d < nd; d++) {
            if (!red[d]) {
                outShape[k++] = shape.extent(d);
            }
        }
        boolean complex = Types.isComplex(rt);
        if (complex && (op != RedOp.SUM || axes.length != nd)) {
            throw new TypeMismatchException(name + " over " + (axes.length == nd ? "all axes" : "some axes")
                    + " is not supported for dtype " + rt.name() + " (only full sums of complex arrays are)");
        }
        ArrayImpl out = ArrayImpl.allocate(ctx, Shape.of(outShape), rt);
        Expr x = e.cast(computeType(op, rt));
        if (shape.volume() == 0) {
            if (op == RedOp.MIN || op == RedOp.MAX) {
                throw new IllegalArgumentException("zero-size array to reduction operation " + name
                        + " which has no identity");
            }
            Scalar id = Types.isFloat(rt) || complex ? Scalar.of(rt, op.identityDouble())
                    : Scalar.ofInteger(rt, op.identityLong(Types.isUnsigned(rt)));
            if (out.shape().volume() > 0) {
                ctx.runtime().fill(out.store(), id);
            }
        } else if (axes.length == nd) {
            reduceAll(ctx, op, x, shape, out.store());
        } else {
            reduceAxes(ctx, op, x, shape, red, out.store());
        }
        if (!keepdims) {
            return out;
        }
        long[] kept = shape.extents();
        for (int d : axes) {
            kept[d] = 1;
        }
        return Views.reshape(out, kept);
    }

    private static DType computeType(RedOp op, DType rt) {
        if (op == RedOp.ALL || op == RedOp.ANY) {
            return DType.BOOL;
        }
        return rt;
    }

    private static boolean blocked(RedOp op, DType t) {
        return (op == RedOp.SUM || op == RedOp.PROD) && (Types.isFloat(t) || Types.isComplex(t));
    }

    /** Adds the inputs of {@code e}, broadcast to {@code shape} and aligned with each other. */
    static Variable addInputs(AutoTask t, Expr e, long[] shape, Variable alignTo) {
        List<LogicalStore> ins = new ArrayList<>();
        e.collectInputs(ins);
        Variable first = alignTo;
        for (LogicalStore s : ins) {
            Variable v = t.addInput(Launch.broadcastTo(s, shape));
            if (first == null) {
                first = v;
            } else {
                t.addConstraint(Constraint.align(v, first));
            }
        }
        return first;
    }

    static void addProgram(AutoTask t, Expr e) {
        t.addScalar(Scalar.of(e.text()));
        List<Scalar> cs = new ArrayList<>();
        e.collectConstants(cs);
        for (Scalar c : cs) {
            t.addScalar(c);
        }
    }

    /** Makes sure {@code e} reads at least one store (constant expressions over a shape do not). */
    static Expr withInput(Ctx ctx, Expr e, Shape shape) {
        if (e.inputCount() > 0) {
            return e;
        }
        LogicalStore z = ctx.runtime().createStore(DType.BOOL, Shape.of());
        ctx.runtime().fill(z, Scalar.of(false));
        Expr in = Expr.input(z);
        return Expr.node(Op.WHERE, e.dtype(), in, e, e);
    }

    private static void reduceAll(Ctx ctx, RedOp op, Expr e0, Shape shape, LogicalStore out) {
        Expr e = withInput(ctx, e0, shape);
        long[] ext = shape.extents();
        var rt = ctx.runtime();
        if (blocked(op, out.type())) {
            long vol = shape.volume();
            boolean single = ctx.cpus() == 1 || vol / rt.config().minTileVolume() < 2;
            long g = ctx.granule();
            if (single) {
                AutoTask t = rt.createTask(ctx.id(NumericTask.REDUCE_FULL));
                Variable first = addInputs(t, e, ext, null);
                t.addConstraint(Constraint.broadcast(first));
                t.addOutput(out);
                t.addScalar(Scalar.of(op.ordinal())).addScalar(Scalar.of(g));
                addProgram(t, e);
                t.execute();
                return;
            }
            int nd = ext.length;
            long n = nd == 0 ? 1 : ext[nd - 1];
            long rows = nd == 0 ? 1 : vol / n;
            long blocks = (n + g - 1) / g;
            int parts = Types.isComplex(out.type()) ? 2 : 1;
            LogicalStore p = rt.createStore(DType.INT64, Shape.of(rows, blocks, parts));
            rt.fill(p, Scalar.of(0L));
            AutoTask t = rt.createTask(ctx.id(NumericTask.REDUCE_BLOCKS));
            addInputs(t, e, ext, null);
            t.addReduction(p, ReductionOp.XOR);
            t.addScalar(Scalar.of(op.ordinal())).addScalar(Scalar.of(g));
            addProgram(t, e);
            t.execute();
            AutoTask c = rt.createTask(ctx.id(NumericTask.REDUCE_COMBINE));
            Variable vp = c.addInput(p);
            c.addConstraint(Constraint.broadcast(vp));
            c.addOutput(out);
            c.addScalar(Scalar.of(op.ordinal()));
            c.execute();
            return;
        }
        DType t0 = out.type();
        Scalar id = Types.isFloat(t0) ? Scalar.of(t0, op.identityDouble())
                : Scalar.ofInteger(t0, op.identityLong(Types.isUnsigned(t0)));
        rt.fill(out, id);
        AutoTask t = rt.createTask(ctx.id(NumericTask.REDUCE_SCALAR));
        addInputs(t, e, ext, null);
        t.addReduction(out, op.core());
        t.addScalar(Scalar.of(op.ordinal()));
        addProgram(t, e);
        t.execute();
    }

    private static void reduceAxes(Ctx ctx, RedOp op, Expr e0, Shape shape, boolean[] red, LogicalStore out) {
        Expr e = withInput(ctx, e0, shape);
        long[] ext = shape.extents();
        if (rowBlocked(ctx, op, e, ext, red, out)) {
            return;
        }
        LogicalStore v = out;
        long mask = 0;
        List<Integer> rd = new ArrayList<>();
        for (int d = 0; d < ext.length; d++) {
            if (red[d]) {
                v = v.promote(d, ext[d]);
                mask |= 1L << d;
                rd.add(d);
            }
        }
        AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.REDUCE_AXIS));
        Variable vo = t.addOutput(v);
        addInputs(t, e, ext, vo);
        t.addConstraint(Constraint.broadcast(vo, rd.stream().mapToInt(Integer::intValue).toArray()));
        t.addScalar(Scalar.of(op.ordinal())).addScalar(Scalar.of(mask));
        addProgram(t, e);
        t.execute();
    }

    /**
     * Axis 0 of a tall 2-d float64 space in two stages: a launch over row ranges cut at
     * multiples of the row block writes one partial row per block (see
     * {@code AxisReduceTask.rowBlocks}), then the partial rows are reduced in order. Each
     * processor reads whole rows. The choice depends only on the shape and the type, and the
     * blocks only on global row indices, so the result is the same for any number of
     * processors.
     */
    private static boolean rowBlocked(Ctx ctx, RedOp op, Expr e, long[] ext, boolean[] red, LogicalStore out) {
        long rb = dev.legate.numeric.internal.tasks.AxisReduceTask.ROW_BLOCK;
        if (ext.length != 2 || !red[0] || red[1] || !out.type().equals(DType.FLOAT64) || ext[0] < 2 * rb
                || !(op == RedOp.SUM || op == RedOp.PROD || op == RedOp.MIN || op == RedOp.MAX)) {
            return false;
        }
        var rt = ctx.runtime();
        long blocks = (ext[0] + rb - 1) / rb;
        long byVolume = Math.max(1, ext[0] * ext[1] / rt.config().minTileVolume());
        int parts = (int) Math.max(1, Math.min(Math.min(ctx.cpus(), blocks), byVolume));
        long[] rowCuts = new long[parts + 1];
        long[] blockCuts = new long[parts + 1];
        for (int i = 0; i <= parts; i++) {
            blockCuts[i] = blocks * i / parts;
            rowCuts[i] = Math.min(ext[0], blockCuts[i] * rb);
        }
        LogicalStore q = rt.createStore(DType.FLOAT64, Shape.of(blocks, ext[1]));
        dev.legate.core.Tiling inTiles = dev.legate.core.Tiling.ofBoundaries(Shape.of(ext),
                new long[][] {rowCuts, {0, ext[1]}});
        dev.legate.core.Tiling qTiles = dev.legate.core.Tiling.ofBoundaries(Shape.of(blocks, ext[1]),
                new long[][] {blockCuts, {0, ext[1]}});
        dev.legate.core.ManualTask t = rt.createTask(ctx.id(NumericTask.REDUCE_ROW_BLOCKS), Shape.of(parts, 1));
        List<LogicalStore> ins = new ArrayList<>();
        e.collectInputs(ins);
        for (LogicalStore s : ins) {
            t.addInput(Launch.broadcastTo(s, ext), inTiles);
        }
        t.addOutput(q, qTiles);
        t.addScalar(Scalar.of(op.ordinal()));
        List<Scalar> cs = new ArrayList<>();
        e.collectConstants(cs);
        t.addScalar(Scalar.of(e.text()));
        for (Scalar c : cs) {
            t.addScalar(c);
        }
        t.execute();
        reduceAxes(ctx, op, Expr.input(q), Shape.of(blocks, ext[1]), new boolean[] {true, false}, out);
        return true;
    }

    /** argmin ({@code max} false) or argmax over everything, or along {@code axis} (null: flattened). */
    public static ArrayImpl arg(ArrayImpl a, Integer axis, boolean max) {
        Ctx ctx = a.ctx();
        var rt = ctx.runtime();
        String name = max ? "argmax" : "argmin";
        if (Types.isComplex(a.dtype())) {
            throw new TypeMismatchException(name + " is not supported for dtype " + a.dtype().name());
        }
        if (a.shape().volume() == 0) {
            throw new IllegalArgumentException("attempt to get " + name + " of an empty sequence");
        }
        if (axis == null) {
            Expr e = withInput(ctx, a.operand(), a.shape());
            DType vt = Types.isFloat(a.dtype()) ? DType.FLOAT64 : Types.isUnsigned(a.dtype()) ? DType.UINT64
                    : DType.INT64;
            DType.Struct pt = DType.argType(vt);
            LogicalStore pair = rt.createStore(pt, Shape.of());
            pair.update(ps -> {
                initialValue(vt, max).write(ps.segment(), ps.origin() * pt.size());
                Scalar.ofInteger(DType.INT64, Long.MAX_VALUE).write(ps.segment(), ps.origin() * pt.size() + pt.offset(1));
            });
            AutoTask t = rt.createTask(ctx.id(NumericTask.ARG_FULL));
            addInputs(t, e.cast(vt), a.shape().extents(), null);
            t.addReduction(pair, max ? ReductionOp.ARGMAX : ReductionOp.ARGMIN);
            t.addScalar(Scalar.of(max ? 1 : 0));
            addProgram(t, e.cast(vt));
            t.execute();
            ArrayImpl out = ArrayImpl.allocate(ctx, Shape.of(), DType.INT64);
            AutoTask x = rt.createTask(ctx.id(NumericTask.ARG_INDEX));
            x.addInput(pair);
            x.addOutput(out.store());
            x.execute();
            return out;
        }
        int nd = a.shape().ndim();
        int ax = Views.axis(axis, nd);
        int[] perm = new int[nd];
        for (int d = 0, k = 0; d < nd; d++) {
            if (d != ax) {
                perm[k++] = d;
            }
        }
        perm[nd - 1] = ax;
        ArrayImpl moved = Views.transpose(a, perm);
        long[] ext = moved.shape().extents();
        long[] os = java.util.Arrays.copyOf(ext, nd - 1);
        ArrayImpl out = ArrayImpl.allocate(ctx, Shape.of(os), DType.INT64);
        LogicalStore v = out.store().promote(nd - 1, ext[nd - 1]);
        AutoTask t = rt.createTask(ctx.id(NumericTask.ARG_AXIS));
        Variable vo = t.addOutput(v);
        Expr e = moved.operand();
        addInputs(t, e, ext, vo);
        t.addConstraint(Constraint.broadcast(vo, nd - 1));
        t.addScalar(Scalar.of(max ? 1 : 0));
        addProgram(t, e);
        t.execute();
        return out;
    }

    /** The value an argmin (argmax) pair starts from: the largest (smallest) value of {@code t}. */
    private static Scalar initialValue(DType t, boolean max) {
        if (Types.isFloat(t)) {
            return Scalar.of(t, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        boolean u = Types.isUnsigned(t);
        long v = max ? (u ? 0 : Long.MIN_VALUE) : (u ? -1L : Long.MAX_VALUE);
        return Scalar.ofInteger(t, v);
    }

    /** cumsum/cumprod of {@code a} along {@code axis} (null: over the flattened array). */
    public static ArrayImpl scan(ArrayImpl a, RedOp op, Integer axis) {
        ArrayImpl src = axis == null ? Views.reshape(a, new long[] {-1}) : a;
        int nd = src.shape().ndim();
        if (nd == 0) {
            src = Views.reshape(src, new long[] {1});
            nd = 1;
        }
        int ax = axis == null ? 0 : Views.axis(axis, nd);
        DType rt = Types.sumType(src.dtype());
        if (Types.isComplex(rt)) {
            throw new TypeMismatchException("cumulative " + op.name().toLowerCase() + " is not supported for dtype "
                    + rt.name());
        }
        Ctx ctx = src.ctx();
        ArrayImpl out = ArrayImpl.allocate(ctx, src.shape(), rt);
        if (src.shape().volume() == 0) {
            return out;
        }
        Expr e = src.operand().cast(rt);
        AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.SCAN));
        Variable vo = t.addOutput(out.store());
        addInputs(t, e, src.shape().extents(), vo);
        t.addConstraint(Constraint.broadcast(vo, ax));
        t.addScalar(Scalar.of(op.ordinal())).addScalar(Scalar.of(ax));
        addProgram(t, e);
        t.execute();
        return out;
    }
}
