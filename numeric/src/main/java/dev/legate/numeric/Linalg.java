package dev.legate.numeric;

import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.ops.LinalgOps;
import dev.legate.numeric.internal.ops.Norms;

/**
 * NumPy's {@code numpy.linalg}, reached as {@link Numeric#linalg}: norms and the dense
 * factorizations (float64, or float32 for float32 input). Factorizations run in one task over
 * whole matrices; those that can fail ({@link #solve}, {@link #inv}, {@link #cholesky}) wait
 * for their result to report a {@link LinAlgException}.
 */
public final class Linalg {
    Linalg() {
    }

    private static ArrayImpl impl(Object a) {
        return Bridge.unwrap(NumericCreation.asarray(a));
    }

    private static NDArray wrap(ArrayImpl a) {
        return NDArray.wrap(a);
    }

    /** The 2-norm of the flattened array (the Frobenius norm of a matrix), as a 0-d array. */
    public NDArray norm(Object x) {
        return wrap(Norms.frobenius(impl(x), null, false));
    }

    /**
     * A vector norm of order {@code ord} (any real: 2, 1, 0, inf, -inf, p) of the flattened
     * array ({@code axis} null) or along {@code axis}.
     */
    public NDArray norm(Object x, double ord, Integer axis) {
        return wrap(Norms.vector(impl(x), ord, axis, false));
    }

    /** A matrix norm of order "fro", "1", "-1", "inf" or "-inf" of a 2-d array. */
    public NDArray norm(Object x, String ord) {
        return wrap(Norms.matrix(impl(x), ord, false));
    }

    /**
     * The solution of {@code a x = b} for square {@code a}.
     *
     * @throws LinAlgException when {@code a} is singular or the shapes do not fit
     */
    public NDArray solve(Object a, Object b) {
        return wrap(LinalgOps.solve(impl(a), impl(b)));
    }

    /**
     * The inverse of a square matrix.
     *
     * @throws LinAlgException when it is singular
     */
    public NDArray inv(Object a) {
        return wrap(LinalgOps.inv(impl(a)));
    }

    /** The determinant, as a 0-d array. */
    public NDArray det(Object a) {
        return wrap(LinalgOps.det(impl(a)));
    }

    /** The sign and the natural log of the absolute value of the determinant (0-d arrays). */
    public NDArray[] slogdet(Object a) {
        ArrayImpl[] r = LinalgOps.slogdet(impl(a));
        return new NDArray[] {wrap(r[0]), wrap(r[1])};
    }

    /**
     * The lower Cholesky factor L of a symmetric positive-definite matrix, {@code a = L L^T}.
     *
     * @throws LinAlgException when the matrix is not positive definite
     */
    public NDArray cholesky(Object a) {
        return wrap(LinalgOps.cholesky(impl(a)));
    }

    /** The QR factorization in NumPy's "reduced" mode: {@code {Q, R}}. */
    public NDArray[] qr(Object a) {
        ArrayImpl[] r = LinalgOps.qr(impl(a));
        return new NDArray[] {wrap(r[0]), wrap(r[1])};
    }

    /**
     * The least-squares solution of {@code a x = b} with NumPy's default {@code rcond}:
     * {@code {x, residuals, rank}} (residuals empty unless a has full column rank and more rows
     * than columns). Singular values are not computed.
     */
    public NDArray[] lstsq(Object a, Object b) {
        return lstsq(a, b, -1);
    }

    /** {@link #lstsq(Object, Object)} with an explicit {@code rcond} (negative: the default). */
    public NDArray[] lstsq(Object a, Object b, double rcond) {
        ArrayImpl[] r = LinalgOps.lstsq(impl(a), impl(b), rcond);
        return new NDArray[] {wrap(r[0]), wrap(r[1]), wrap(r[2])};
    }

    /** {@code matmul(a, b)}, as NumPy's {@code linalg.matmul}. */
    public NDArray matmul(Object a, Object b) {
        return wrap(LinalgOps.matmul(impl(a), impl(b)));
    }
}
