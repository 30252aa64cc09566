package dev.legate.numeric.internal.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CholeskyTest {
    @Test
    void matchesNumPy() {
        double[] a = Golden.doubles("chol_a.txt");
        Cholesky.potrf(a, 6);
        LuTest.assertClose(Golden.doubles("chol_l.txt"), a, 1e-13, "cholesky");
    }

    @Test
    void readsOnlyTheLowerTriangle() {
        double[] a = {4, 999, 2, 5};
        Cholesky.potrf(a, 2);
        LuTest.assertClose(new double[] {2, 0, 1, 2}, a, 1e-15, "L");
    }

    @Test
    void reportsTheFailingLeadingMinor() {
        double[] a = {1, 0, 0, 0, 2, 0, 0, 0, -3};
        var e = assertThrows(NotPositiveDefiniteException.class, () -> Cholesky.potrf(a, 3));
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("order 3"), e.getMessage());
        var nan = assertThrows(NotPositiveDefiniteException.class,
                () -> Cholesky.potrf(new double[] {Double.NaN}, 1));
        assertEquals(0, nan.column());
        var semi = assertThrows(NotPositiveDefiniteException.class,
                () -> Cholesky.potrf(new double[] {1, 1, 1, 1}, 2));
        assertEquals(1, semi.column());
    }
}
