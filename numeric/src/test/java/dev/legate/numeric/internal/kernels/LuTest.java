package dev.legate.numeric.internal.kernels;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuTest {
    static void assertClose(double[] want, double[] got, double tol, String what) {
        assertEquals(want.length, got.length, what + " length");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + " element " + i);
        }
    }

    @Test
    void solveInverseAndDeterminantMatchNumPy() {
        double[] a = Golden.doubles("lu_a.txt");
        double[] b = Golden.doubles("lu_b.txt");
        assertClose(Golden.doubles("lu_solve.txt"), Lu.solve(a, 7, b, 3), 1e-12, "solve");
        assertClose(Golden.doubles("lu_inv.txt"), Lu.inverse(a, 7), 1e-12, "inv");
        double[] det = Golden.doubles("lu_det.txt");
        Lu.LogDet ld = Lu.slogdet(a, 7);
        assertEquals(det[1], ld.sign());
        assertEquals(det[2], ld.logAbsDet(), 1e-13);
        assertEquals(det[0], Lu.det(a, 7), 1e-13 * Math.abs(det[0]));
    }

    @Test
    void factorsReproduceThePermutedMatrix() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 5, 33, 80}) {
            double[] a = new double[n * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextDouble(-1, 1);
            }
            double[] lu = a.clone();
            int[] ipiv = new int[n];
            assertEquals(-1, Lu.getrf(lu, n, ipiv));
            double[] pa = a.clone();
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    double t = pa[k * n + j];
                    pa[k * n + j] = pa[ipiv[k] * n + j];
                    pa[ipiv[k] * n + j] = t;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k <= Math.min(i, j); k++) {
                        s += (k == i ? 1 : lu[i * n + k]) * lu[k * n + j];
                    }
                    assertEquals(pa[i * n + j], s, 1e-13 * n, "(PA - LU)[" + i + "][" + j + "], n=" + n);
                }
                for (int k = 0; k < i; k++) {
                    assertTrue(Math.abs(lu[i * n + k]) <= 1, "multiplier above 1: partial pivoting failed");
                }
            }
        }
    }

    @Test
    void singularMatricesReportTheirPivot() {
        double[] a = {1, 2, 3, 2, 4, 6, 1, 0, 1};
        int[] ipiv = new int[3];
        // Pivoting moves row 1 up, eliminates row 0 entirely, then swaps it to the bottom.
        assertEquals(2, Lu.getrf(a.clone(), 3, ipiv));
        var e = assertThrows(SingularMatrixException.class, () -> Lu.solve(a, 3, new double[] {1, 2, 3}, 1));
        assertEquals(2, e.pivot());
        assertTrue(e.getMessage().contains("pivot 2"), e.getMessage());
        assertThrows(SingularMatrixException.class, () -> Lu.inverse(new double[4], 2));
        assertEquals(0.0, Lu.det(a, 3));
        assertEquals(new Lu.LogDet(0, Double.NEGATIVE_INFINITY), Lu.slogdet(a, 3));
    }

    @Test
    void determinantSignFollowsSwapsAndDiagonal() {
        assertEquals(-1.0, Lu.det(new double[] {0, 1, 1, 0}, 2), 1e-15);
        assertEquals(-6.0, Lu.det(new double[] {1, 0, 0, 0, -2, 0, 0, 0, 3}, 3), 1e-14);
        assertArrayEquals(new double[] {0.5, 0, 0, 0.25}, Lu.inverse(new double[] {2, 0, 0, 4}, 2));
    }

    @Test
    void rejectsWrongSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Lu.getrf(new double[3], 2, new int[2]));
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
    }
}
