package dev.legate.numeric.internal.kernels;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Blas1Test {
    @Test
    void dotFollowsItsDocumentedOrder() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int n = 0; n < 40; n++) {
            double[] x = new double[n + 3];
            double[] y = new double[n + 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble(-1, 1) * Math.scalb(1.0, rnd.nextInt(-20, 20));
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = rnd.nextDouble(-1, 1);
            }
            double[] p = new double[8];
            int n8 = n - n % 8;
            for (int j = 0; j < n8; j++) {
                p[j % 8] = Math.fma(x[3 + j], y[5 + j], p[j % 8]);
            }
            double want = ((p[0] + p[4]) + (p[2] + p[6])) + ((p[1] + p[5]) + (p[3] + p[7]));
            for (int j = n8; j < n; j++) {
                want = Math.fma(x[3 + j], y[5 + j], want);
            }
            assertEquals(want, Blas1.dot(x, 3, y, 5, n), "n=" + n);
        }
    }

    @Test
    void normNeitherOverflowsNorUnderflows() {
        assertEquals(5e300, Blas1.norm(new double[] {3e300, 4e300}, 0, 2), 1e286);
        assertEquals(5e-300, Blas1.norm(new double[] {3e-300, 4e-300}, 0, 2), 1e-314);
        assertEquals(0.0, Blas1.norm(new double[3], 0, 3));
    }
}
