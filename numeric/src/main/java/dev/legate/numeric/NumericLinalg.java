package dev.legate.numeric;

import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.ops.Einsum;
import dev.legate.numeric.internal.ops.LinalgOps;

/** Products and contractions of {@link Numeric}; see there. */
abstract class NumericLinalg extends NumericShapes {
    NumericLinalg() {
    }

    /** NumPy's {@code matmul(a, b)} ({@code a @ b}), with stacks of matrices broadcast. */
    public static NDArray matmul(Object a, Object b) {
        return wrap(LinalgOps.matmul(impl(asarray(a)), impl(asarray(b))));
    }

    /** NumPy's {@code dot(a, b)}. */
    public static NDArray dot(Object a, Object b) {
        return wrap(LinalgOps.dot(impl(asarray(a)), impl(asarray(b))));
    }

    /** NumPy's {@code vdot(a, b)}: the dot product of the flattened arrays, a conjugated. */
    public static NDArray vdot(Object a, Object b) {
        return wrap(LinalgOps.vdot(impl(asarray(a)), impl(asarray(b))));
    }

    /** NumPy's {@code inner(a, b)}: products summed over the last axes. */
    public static NDArray inner(Object a, Object b) {
        return wrap(LinalgOps.inner(impl(asarray(a)), impl(asarray(b))));
    }

    /** NumPy's {@code outer(a, b)} of the flattened arrays. */
    public static NDArray outer(Object a, Object b) {
        return wrap(LinalgOps.outer(impl(asarray(a)), impl(asarray(b))));
    }

    /** NumPy's {@code tensordot(a, b, axes=(axesA, axesB))}. */
    public static NDArray tensordot(Object a, Object b, int[] axesA, int[] axesB) {
        return wrap(LinalgOps.tensordot(impl(asarray(a)), impl(asarray(b)), axesA, axesB));
    }

    /** NumPy's {@code tensordot(a, b, axes=n)}: the last n axes of a with the first n of b. */
    public static NDArray tensordot(Object a, Object b, int n) {
        NDArray x = asarray(a);
        int[] axA = new int[n];
        int[] axB = new int[n];
        for (int i = 0; i < n; i++) {
            axA[i] = x.ndim() - n + i;
            axB[i] = i;
        }
        return tensordot(x, b, axA, axB);
    }

    /**
     * NumPy's {@code einsum(subscripts, operands)} for one or two operands, e.g.
     * {@code "ij,jk->ik"}, {@code "ii->"}, {@code "bij,bjk->bik"}, {@code "i,j->ij"}.
     */
    public static NDArray einsum(String subscripts, NDArray... operands) {
        ArrayImpl[] ops = new ArrayImpl[operands.length];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = impl(operands[i]);
        }
        return wrap(Einsum.einsum(subscripts, ops));
    }

    /** NumPy's {@code trace(a)}: the sum of the main diagonal of a 2-d array. */
    public static NDArray trace(Object a) {
        return trace(a, 0);
    }

    /** NumPy's {@code trace(a, offset)}. */
    public static NDArray trace(Object a, long offset) {
        return wrap(LinalgOps.trace(impl(asarray(a)), offset));
    }
}
