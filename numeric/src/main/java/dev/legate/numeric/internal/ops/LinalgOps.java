package dev.legate.numeric.internal.ops;

import dev.legate.core.AutoTask;
import dev.legate.core.Constraint;
import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.Variable;
import dev.legate.numeric.LinAlgException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.reduce.RedOp;
import dev.legate.numeric.internal.tasks.DenseLinalgTask;
import dev.legate.numeric.internal.tasks.NumericTask;
import dev.legate.numeric.internal.types.Types;
import java.util.Arrays;
import java.util.Optional;

/** matmul, dot and their relatives, and the dense factorizations of {@code linalg}. */
public final class LinalgOps {
    private LinalgOps() {
    }

    /**
     * {@code a} as {@code t} in row-major order, or column-major when it is the transpose of a
     * contiguous array (a copy unless it already is either).
     */
    static ArrayImpl rowMajor(ArrayImpl a, DType t) {
        if (a.dtype().equals(t) && (a.flat().isPresent() || a.transposeOf().isPresent())) {
            return a;
        }
        ArrayImpl c = Ufuncs.astype(a, t);
        c.materialize();
        return c;
    }

    /** The element type matmul computes in for operands of type {@code t}. */
    private static DType matmulType(DType t) {
        return t;
    }

    /** NumPy's {@code matmul(a, b)}. */
    public static ArrayImpl matmul(ArrayImpl a, ArrayImpl b) {
        int na = a.shape().ndim();
        int nb = b.shape().ndim();
        if (na == 0 || nb == 0) {
            throw new ShapeMismatchException("matmul: input operand does not have enough dimensions (shapes "
                    + a.shape() + " and " + b.shape() + ")");
        }
        DType t = matmulType(Types.promote(a.dtype(), b.dtype()));
        if (na == 1 && nb == 1) {
            return dot1(a, b, t);
        }
        if (nb == 1 && na == 2 || na == 1 && nb == 2) {
            return matvec(na == 1 ? b : a, na == 1 ? a : b, na == 1, t);
        }
        ArrayImpl a2 = na == 1 ? Views.reshape(a, new long[] {1, a.shape().extent(0)}) : a;
        ArrayImpl b2 = nb == 1 ? Views.reshape(b, new long[] {b.shape().extent(0), 1}) : b;
        long k = a2.shape().extent(a2.shape().ndim() - 1);
        long kb = b2.shape().extent(b2.shape().ndim() - 2);
        if (k != kb) {
            throw new ShapeMismatchException("matmul: input operand 1 has a mismatch in its core dimension 0 (size " + kb
                    + " is different from " + k + "): shapes " + a.shape() + " and " + b.shape());
        }
        ArrayImpl r;
        if (a2.shape().ndim() == 2 && b2.shape().ndim() == 2) {
            r = matmul2(a2, b2, t);
        } else {
            r = batched(a2, b2, t);
        }
        long[] rs = r.shape().extents();
        if (na == 1) {
            rs = remove(rs, rs.length - 2);
        }
        if (nb == 1) {
            rs = remove(rs, rs.length - 1);
        }
        return Views.reshape(r, rs);
    }

    private static long[] remove(long[] s, int d) {
        long[] r = new long[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != d) {
                r[j++] = s[i];
            }
        }
        return r;
    }

    /**
     * {@code m @ v} ({@code vecmat} false) or {@code v @ m}, as a fused multiply and a
     * deterministic sum along the contracted axis, streaming through {@code m} in its memory
     * order: a transposed contiguous matrix is reduced as its transpose.
     */
    static ArrayImpl matvec(ArrayImpl m, ArrayImpl v, boolean vecmat, DType t) {
        long k = v.shape().extent(0);
        int contracted = vecmat ? 0 : 1;
        if (m.shape().extent(contracted) != k) {
            throw new ShapeMismatchException("matmul: input operand 1 has a mismatch in its core dimension 0 (size " + k
                    + " is different from " + m.shape().extent(contracted) + "): shapes " + m.shape() + " and "
                    + v.shape());
        }
        ArrayImpl mat = m;
        if (m.transposeOf().isPresent()) {
            mat = m.transposeOf().get();
            vecmat = !vecmat;
            contracted = 1 - contracted;
        }
        long[] vs = contracted == 0 ? new long[] {k, 1} : new long[] {1, k};
        ArrayImpl vv = Views.reshape(v, vs);
        if (mat.shape().volume() == 0 || k == 0) {
            long[] os = {mat.shape().extent(1 - contracted)};
            return Creation.full(m.ctx(), Shape.of(os), t, Types.isComplex(t) ? Scalar.complex(t, 0, 0)
                    : Scalar.of(t, 0));
        }
        Ufuncs.fitOperands(new Object[] {mat, vv});
        Expr e = Expr.node(Op.MUL, t, mat.operand().cast(t), vv.operand().cast(t));
        DType rt = Types.isBool(t) ? DType.BOOL : t;
        RedOp op = Types.isBool(t) ? RedOp.ANY : RedOp.SUM;
        return Reductions.reduce(m.ctx(), op, e, mat.shape(), new int[] {contracted}, false, rt, "matmul");
    }

    /** The inner product of two 1-d arrays as a deterministic sum of products (0-d). */
    static ArrayImpl dot1(ArrayImpl a, ArrayImpl b, DType t) {
        if (!a.shape().equals(b.shape())) {
            throw new ShapeMismatchException("shapes " + a.shape() + " and " + b.shape() + " not aligned");
        }
        Ufuncs.fitOperands(new Object[] {a, b});
        Expr e = Expr.node(Op.MUL, t, a.operand().cast(t), b.operand().cast(t));
        DType rt = Types.isBool(t) ? DType.BOOL : t;
        RedOp op = Types.isBool(t) ? RedOp.ANY : RedOp.SUM;
        return Reductions.reduce(a.ctx(), op, e, a.shape(), new int[] {0}, false, rt, "dot");
    }

    /** C = A B for 2-d arrays. */
    static ArrayImpl matmul2(ArrayImpl a, ArrayImpl b, DType t) {
        long m = a.shape().extent(0);
        long k = a.shape().extent(1);
        long n = b.shape().extent(1);
        Ctx ctx = a.ctx();
        ArrayImpl c = ArrayImpl.allocate(ctx, Shape.of(m, n), t);
        if (m == 0 || n == 0) {
            return c;
        }
        if (k == 0) {
            ctx.runtime().fill(c.store(), Types.isComplex(t) ? Scalar.complex(t, 0, 0) : Scalar.of(t, 0));
            return c;
        }
        ArrayImpl ac = rowMajor(a, t);
        ArrayImpl bc = rowMajor(b, t);
        LogicalStore a3 = ac.store().promote(1, n);
        LogicalStore b3 = bc.store().transpose(1, 0).promote(0, m);
        LogicalStore c3 = c.store().promote(2, k);
        AutoTask task = ctx.runtime().createTask(ctx.id(NumericTask.MATMUL));
        Variable va = task.addInput(a3);
        Variable vb = task.addInput(b3);
        Variable vc = task.addOutput(c3);
        task.addConstraint(Constraint.align(va, vc));
        task.addConstraint(Constraint.align(vb, vc));
        task.addConstraint(Constraint.broadcast(vc, 2));
        task.execute();
        return c;
    }

    private static ArrayImpl batched(ArrayImpl a, ArrayImpl b, DType t) {
        long[] sa = a.shape().extents();
        long[] sb = b.shape().extents();
        Shape ba = Shape.of(Arrays.copyOf(sa, sa.length - 2));
        Shape bb = Shape.of(Arrays.copyOf(sb, sb.length - 2));
        Shape batch = Ufuncs.broadcast(ba, bb, "matmul");
        long m = sa[sa.length - 2];
        long n = sb[sb.length - 1];
        long[] full = Arrays.copyOf(batch.extents(), batch.ndim() + 2);
        full[batch.ndim()] = m;
        full[batch.ndim() + 1] = n;
        ArrayImpl out = ArrayImpl.allocate(a.ctx(), Shape.of(full), t);
        long[] abShape = Arrays.copyOf(batch.extents(), batch.ndim() + 2);
        abShape[batch.ndim()] = m;
        abShape[batch.ndim() + 1] = sa[sa.length - 1];
        ArrayImpl ab = Views.broadcastTo(a, abShape);
        long[] bbShape = Arrays.copyOf(batch.extents(), batch.ndim() + 2);
        bbShape[batch.ndim()] = sb[sb.length - 2];
        bbShape[batch.ndim() + 1] = n;
        ArrayImpl bbv = Views.broadcastTo(b, bbShape);
        long count = batch.volume();
        for (long i = 0; i < count; i++) {
            long[] idx = dev.legate.core.Point.delinearize(i, batch).coords();
            dev.legate.numeric.Index[] ix = new dev.legate.numeric.Index[idx.length];
            for (int d = 0; d < idx.length; d++) {
                ix[d] = dev.legate.numeric.Index.at(idx[d]);
            }
            ArrayImpl r = matmul2(Views.index(ab, ix), Views.index(bbv, ix), t);
            Ufuncs.assign(Views.index(out, ix), r);
        }
        return out;
    }

    /** NumPy's {@code dot(a, b)}. */
    public static ArrayImpl dot(ArrayImpl a, ArrayImpl b) {
        int na = a.shape().ndim();
        int nb = b.shape().ndim();
        if (na == 0 || nb == 0) {
            return Ufuncs.apply(UFunc.MULTIPLY, Optional.empty(), a, b);
        }
        if (na <= 2 && nb <= 2) {
            return matmul(a, b);
        }
        return tensordot(a, b, new int[] {na - 1}, new int[] {nb == 1 ? 0 : nb - 2});
    }

    /** NumPy's {@code vdot}: the conjugated dot product of the flattened arrays. */
    public static ArrayImpl vdot(ArrayImpl a, ArrayImpl b) {
        ArrayImpl fa = Views.reshape(a, new long[] {-1});
        ArrayImpl fb = Views.reshape(b, new long[] {-1});
        if (Types.isComplex(fa.dtype())) {
            fa = Ufuncs.apply(UFunc.CONJUGATE, Optional.empty(), fa);
        }
        return dot1(fa, fb, Types.promote(fa.dtype(), fb.dtype()));
    }

    /** NumPy's {@code inner}: products summed over the last axes. */
    public static ArrayImpl inner(ArrayImpl a, ArrayImpl b) {
        if (a.shape().ndim() == 0 || b.shape().ndim() == 0) {
            return Ufuncs.apply(UFunc.MULTIPLY, Optional.empty(), a, b);
        }
        return tensordot(a, b, new int[] {a.shape().ndim() - 1}, new int[] {b.shape().ndim() - 1});
    }

    /** NumPy's {@code outer} of the flattened arrays. */
    public static ArrayImpl outer(ArrayImpl a, ArrayImpl b) {
        ArrayImpl fa = Views.reshape(a, new long[] {-1, 1});
        ArrayImpl fb = Views.reshape(b, new long[] {1, -1});
        return Ufuncs.apply(UFunc.MULTIPLY, Optional.empty(), fa, fb);
    }

    /** NumPy's {@code tensordot(a, b, axes=(axesA, axesB))}. */
    public static ArrayImpl tensordot(ArrayImpl a, ArrayImpl b, int[] axesA, int[] axesB) {
        if (axesA.length != axesB.length) {
            throw new ShapeMismatchException("tensordot: " + axesA.length + " axes for a but " + axesB.length
                    + " for b");
        }
        int na = a.shape().ndim();
        int nb = b.shape().ndim();
        int[] ca = new int[axesA.length];
        int[] cb = new int[axesB.length];
        long kk = 1;
        for (int i = 0; i < ca.length; i++) {
            ca[i] = Views.axis(axesA[i], na);
            cb[i] = Views.axis(axesB[i], nb);
            if (a.shape().extent(ca[i]) != b.shape().extent(cb[i])) {
                throw new ShapeMismatchException("shape-mismatch for sum: axis " + ca[i] + " of " + a.shape()
                        + " and axis " + cb[i] + " of " + b.shape());
            }
            kk *= a.shape().extent(ca[i]);
        }
        int[] pa = permutation(na, ca, true);
        int[] pb = permutation(nb, cb, false);
        long[] freeA = new long[na - ca.length];
        long[] freeB = new long[nb - cb.length];
        long fa = 1;
        long fb = 1;
        for (int i = 0; i < freeA.length; i++) {
            freeA[i] = a.shape().extent(pa[i]);
            fa *= freeA[i];
        }
        for (int i = 0; i < freeB.length; i++) {
            freeB[i] = b.shape().extent(pb[cb.length + i]);
            fb *= freeB[i];
        }
        ArrayImpl a2 = Views.reshape(Views.transpose(a, pa), new long[] {fa, kk});
        ArrayImpl b2 = Views.reshape(Views.transpose(b, pb), new long[] {kk, fb});
        ArrayImpl r = matmul2(a2, b2, Types.promote(a.dtype(), b.dtype()));
        long[] rs = new long[freeA.length + freeB.length];
        System.arraycopy(freeA, 0, rs, 0, freeA.length);
        System.arraycopy(freeB, 0, rs, freeA.length, freeB.length);
        return Views.reshape(r, rs);
    }

    /** Free axes then contracted ones ({@code contractedLast}) or contracted then free. */
    private static int[] permutation(int n, int[] contracted, boolean contractedLast) {
        boolean[] c = new boolean[n];
        for (int x : contracted) {
            c[x] = true;
        }
        int[] p = new int[n];
        int k = 0;
        if (!contractedLast) {
            for (int x : contracted) {
                p[k++] = x;
            }
        }
        for (int d = 0; d < n; d++) {
            if (!c[d]) {
                p[k++] = d;
            }
        }
        if (contractedLast) {
            for (int x : contracted) {
                p[k++] = x;
            }
        }
        return p;
    }

    /** NumPy's {@code trace(a, offset)} over the first two axes of a 2-d array. */
    public static ArrayImpl trace(ArrayImpl a, long offset) {
        return ReduceOps.reduce(RedOp.SUM, Views.diagonal(a, offset, false), null, false);
    }

    private static void square(ArrayImpl a, String name) {
        if (a.shape().ndim() != 2 || a.shape().extent(0) != a.shape().extent(1)) {
            throw new LinAlgException(name + ": last 2 dimensions of the array must be square, got shape "
                    + a.shape());
        }
    }

    private static DType floatType(ArrayImpl a) {
        if (Types.isComplex(a.dtype())) {
            throw new dev.legate.core.TypeMismatchException("linalg does not support dtype " + a.dtype().name());
        }
        return a.dtype().equals(DType.FLOAT32) ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** Launches a dense task; returns its status store when it has one. */
    private static void dense(Ctx ctx, DenseLinalgTask.Kind kind, ArrayImpl[] ins, LogicalStore[] outs,
                              Scalar... extra) {
        AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.DENSE_LINALG));
        for (ArrayImpl in : ins) {
            Variable v = t.addInput(in.store());
            t.addConstraint(Constraint.broadcast(v));
        }
        for (LogicalStore o : outs) {
            Variable v = t.addOutput(o);
            t.addConstraint(Constraint.broadcast(v));
        }
        t.addScalar(Scalar.of(kind.ordinal()));
        for (Scalar s : extra) {
            t.addScalar(s);
        }
        t.execute();
    }

    private static LogicalStore status(Ctx ctx) {
        return ctx.runtime().createStore(DType.INT64, Shape.of());
    }

    private static void check(LogicalStore status, String what) {
        long s = status.readScalar().asLong();
        if (s == DenseLinalgTask.SINGULAR) {
            throw new LinAlgException("Singular matrix (" + what + ")");
        }
        if (s == DenseLinalgTask.NOT_POSITIVE_DEFINITE) {
            throw new LinAlgException("Matrix is not positive definite (" + what + ")");
        }
    }

    /** {@code linalg.solve(a, b)}; waits to report a singular matrix. */
    public static ArrayImpl solve(ArrayImpl a, ArrayImpl b) {
        square(a, "solve");
        long n = a.shape().extent(0);
        boolean vec = b.shape().ndim() == 1;
        ArrayImpl b2 = vec ? Views.reshape(b, new long[] {-1, 1}) : b;
        if (b2.shape().ndim() != 2 || b2.shape().extent(0) != n) {
            throw new LinAlgException("solve: b of shape " + b.shape() + " does not match a of shape " + a.shape());
        }
        DType t = Types.promote(floatType(a), floatType(b));
        ArrayImpl x = ArrayImpl.allocate(a.ctx(), b2.shape(), t);
        LogicalStore st = status(a.ctx());
        dense(a.ctx(), DenseLinalgTask.Kind.SOLVE, new ArrayImpl[] {a, b2}, new LogicalStore[] {x.store(), st});
        check(st, "solve with a of shape " + a.shape());
        return vec ? Views.reshape(x, new long[] {n}) : x;
    }

    /** {@code linalg.inv(a)}; waits to report a singular matrix. */
    public static ArrayImpl inv(ArrayImpl a) {
        square(a, "inv");
        ArrayImpl x = ArrayImpl.allocate(a.ctx(), a.shape(), floatType(a));
        LogicalStore st = status(a.ctx());
        dense(a.ctx(), DenseLinalgTask.Kind.INV, new ArrayImpl[] {a}, new LogicalStore[] {x.store(), st});
        check(st, "inv of shape " + a.shape());
        return x;
    }

    /** {@code linalg.det(a)} as a 0-d array. */
    public static ArrayImpl det(ArrayImpl a) {
        square(a, "det");
        ArrayImpl d = ArrayImpl.allocate(a.ctx(), Shape.of(), floatType(a));
        dense(a.ctx(), DenseLinalgTask.Kind.DET, new ArrayImpl[] {a}, new LogicalStore[] {d.store()});
        return d;
    }

    /** {@code linalg.slogdet(a)}: sign and log of the absolute determinant, 0-d arrays. */
    public static ArrayImpl[] slogdet(ArrayImpl a) {
        square(a, "slogdet");
        ArrayImpl s = ArrayImpl.allocate(a.ctx(), Shape.of(), floatType(a));
        ArrayImpl l = ArrayImpl.allocate(a.ctx(), Shape.of(), floatType(a));
        dense(a.ctx(), DenseLinalgTask.Kind.SLOGDET, new ArrayImpl[] {a}, new LogicalStore[] {s.store(), l.store()});
        return new ArrayImpl[] {s, l};
    }

    /** {@code linalg.cholesky(a)}: the lower factor; waits to report a matrix that is not positive definite. */
    public static ArrayImpl cholesky(ArrayImpl a) {
        square(a, "cholesky");
        ArrayImpl l = ArrayImpl.allocate(a.ctx(), a.shape(), floatType(a));
        LogicalStore st = status(a.ctx());
        dense(a.ctx(), DenseLinalgTask.Kind.CHOLESKY, new ArrayImpl[] {a}, new LogicalStore[] {l.store(), st});
        check(st, "cholesky of shape " + a.shape());
        return l;
    }

    /** {@code linalg.qr(a)} in NumPy's "reduced" mode: Q (m, k) and R (k, n), k = min(m, n). */
    public static ArrayImpl[] qr(ArrayImpl a) {
        if (a.shape().ndim() != 2) {
            throw new LinAlgException("qr: a must be 2-d, got shape " + a.shape());
        }
        long m = a.shape().extent(0);
        long n = a.shape().extent(1);
        long k = Math.min(m, n);
        ArrayImpl q = ArrayImpl.allocate(a.ctx(), Shape.of(m, k), floatType(a));
        ArrayImpl r = ArrayImpl.allocate(a.ctx(), Shape.of(k, n), floatType(a));
        dense(a.ctx(), DenseLinalgTask.Kind.QR, new ArrayImpl[] {a}, new LogicalStore[] {q.store(), r.store()});
        return new ArrayImpl[] {q, r};
    }

    /**
     * {@code linalg.lstsq(a, b, rcond)}: the solution, the residuals (empty unless a has full
     * column rank and more rows than columns) and the rank (0-d int64); waits for the rank.
     */
    public static ArrayImpl[] lstsq(ArrayImpl a, ArrayImpl b, double rcond) {
        if (a.shape().ndim() != 2) {
            throw new LinAlgException("lstsq: a must be 2-d, got shape " + a.shape());
        }
        boolean vec = b.shape().ndim() == 1;
        ArrayImpl b2 = vec ? Views.reshape(b, new long[] {-1, 1}) : b;
        long m = a.shape().extent(0);
        long n = a.shape().extent(1);
        if (b2.shape().extent(0) != m) {
            throw new LinAlgException("lstsq: incompatible dimensions: a " + a.shape() + ", b " + b.shape());
        }
        long nrhs = b2.shape().extent(1);
        DType t = Types.promote(floatType(a), floatType(b));
        ArrayImpl x = ArrayImpl.allocate(a.ctx(), Shape.of(n, nrhs), t);
        ArrayImpl res = ArrayImpl.allocate(a.ctx(), Shape.of(nrhs), t);
        ArrayImpl rank = ArrayImpl.allocate(a.ctx(), Shape.of(), DType.INT64);
        dense(a.ctx(), DenseLinalgTask.Kind.LSTSQ, new ArrayImpl[] {a, b2},
                new LogicalStore[] {x.store(), res.store(), rank.store()}, Scalar.of(rcond));
        long r = rank.store().readScalar().asLong();
        ArrayImpl resid = r == n && m > n ? res : ArrayImpl.allocate(a.ctx(), Shape.of(0), t);
        if (vec && resid.shape().volume() > 0) {
            resid = Views.reshape(resid, new long[] {1});
        }
        return new ArrayImpl[] {vec ? Views.reshape(x, new long[] {n}) : x, resid, rank};
    }
}
