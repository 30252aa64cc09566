package dev.legate.numeric.internal.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeastSquaresTest {
    @Test
    void matchesNumPyForFullRankAndRankDeficientSystems() {
        for (String name : new String[] {"over", "under", "deficient"}) {
            int[] shape = Golden.shape("lstsq_" + name + "_a.txt");
            int m = shape[0], n = shape[1];
            double[] a = Golden.doubles("lstsq_" + name + "_a.txt");
            double[] b = Golden.doubles("lstsq_" + name + "_b.txt");
            LeastSquares.Solution s = LeastSquares.lstsq(a, m, n, b, 2, LeastSquares.defaultRcond(m, n));
            assertEquals(Golden.longs("lstsq_" + name + "_rank.txt")[0], s.rank(), name + " rank");
            LuTest.assertClose(Golden.doubles("lstsq_" + name + "_x.txt"), s.x(), 1e-11, name + " x");
            LuTest.assertClose(Golden.doubles("lstsq_" + name + "_res.txt"), s.residuals(), 1e-11, name + " residuals");
        }
    }

    @Test
    void zeroMatrixHasRankZeroAndZeroSolution() {
        LeastSquares.Solution s = LeastSquares.lstsq(new double[6], 3, 2, new double[] {1, 2, 3}, 1, 1e-15);
        assertEquals(0, s.rank());
        LuTest.assertClose(new double[2], s.x(), 0, "x");
        assertEquals(0, s.residuals().length);
    }
}
