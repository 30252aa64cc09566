package dev.legate.numeric.internal.kernels;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QrTest {
    @Test
    void reducedAndCompleteMatchNumPy() {
        for (String name : new String[] {"tall", "wide"}) {
            int[] shape = Golden.shape("qr_" + name + "_a.txt");
            int m = shape[0], n = shape[1], k = Math.min(m, n);
            double[] a = Golden.doubles("qr_" + name + "_a.txt");
            double[] f = a.clone();
            double[] tau = Qr.geqrf(f, m, n);
            LuTest.assertClose(Golden.doubles("qr_" + name + "_reduced_q.txt"), Qr.formQ(f, m, n, tau, k), 1e-13,
                    name + " reduced Q");
            LuTest.assertClose(Golden.doubles("qr_" + name + "_reduced_r.txt"), Qr.formR(f, m, n, k), 1e-13,
                    name + " reduced R");
            LuTest.assertClose(Golden.doubles("qr_" + name + "_complete_q.txt"), Qr.formQ(f, m, n, tau, m), 1e-13,
                    name + " complete Q");
            LuTest.assertClose(Golden.doubles("qr_" + name + "_complete_r.txt"), Qr.formR(f, m, n, m), 1e-13,
                    name + " complete R");
        }
    }

    @Test
    void qIsOrthonormalAndQrIsA() {
        SplittableRandom rnd = new SplittableRandom(5);
        int m = 60, n = 23;
        double[] a = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextDouble(-1, 1);
        }
        double[] f = a.clone();
        double[] tau = Qr.geqrf(f, m, n);
        double[] q = Qr.formQ(f, m, n, tau, m);
        double[] r = Qr.formR(f, m, n, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < m; p++) {
                    s += q[p * m + i] * q[p * m + j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-13, "Q^T Q at " + i + "," + j);
            }
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < m; p++) {
                    s += q[i * m + p] * r[p * n + j];
                }
                assertEquals(a[i * n + j], s, 1e-13, "QR - A at " + i + "," + j);
            }
        }
    }

    @Test
    void zeroColumnsNeedNoReflection() {
        double[] f = {0, 1, 0, 2, 0, 3};
        double[] tau = Qr.geqrf(f, 3, 2);
        assertEquals(0.0, tau[0]);
        assertThrows(IllegalArgumentException.class, () -> Qr.formQ(f, 3, 2, tau, 1));
    }
}
