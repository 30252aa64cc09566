package dev.legate.examples.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.RuntimeConfig;
import dev.legate.numeric.NDArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The examples against straightforward Java loops, on a runtime that splits small arrays. */
class ExamplesTest {
    private static LegateRuntime rt;
    private static LegateRuntime previous;

    @BeforeAll
    static void start() {
        rt = Legate.start(RuntimeConfig.builder().cpus(3).minTileVolume(8).tileGranule(4).build());
        previous = Legate.setDefault(rt);
    }

    @AfterAll
    static void stop() {
        Legate.setDefault(previous);
        rt.close();
    }

    @Test
    void jacobiMatchesLoops() {
        int n = 9;
        int m = 11;
        NDArray g = defaultRng(3).random(n, m);
        double[] u = g.toDoubleArray();
        for (int it = 0; it < 4; it++) {
            double[] next = u.clone();
            for (int i = 1; i < n - 1; i++) {
                for (int j = 1; j < m - 1; j++) {
                    next[i * m + j] = (((u[(i - 1) * m + j] + u[(i + 1) * m + j]) + u[i * m + j - 1]) + u[i * m + j + 1])
                            * 0.25;
                }
            }
            u = next;
        }
        assertArrayEquals(u, Jacobi.run(g, 4).toDoubleArray(), 0.0);
    }

    @Test
    void blackScholesMatchesTheFormula() {
        NDArray[] d = BlackScholes.data(50, 7);
        double[] s = d[0].toDoubleArray();
        double[] x = d[1].toDoubleArray();
        double[] t = d[2].toDoubleArray();
        NDArray[] cp = BlackScholes.price(d[0], d[1], d[2], 0.02, 0.3);
        double[] call = cp[0].toDoubleArray();
        double[] put = cp[1].toDoubleArray();
        for (int i = 0; i < s.length; i++) {
            double sq = Math.sqrt(t[i]);
            double d1 = (Math.log(s[i] / x[i]) + (0.02 + 0.5 * 0.3 * 0.3) * t[i]) / (0.3 * sq);
            double d2 = d1 - 0.3 * sq;
            double er = Math.exp(-0.02 * t[i]);
            double c = s[i] * cnd(d1) - x[i] * er * cnd(d2);
            double p = x[i] * er * (1 - cnd(d2)) - s[i] * (1 - cnd(d1));
            assertEquals(c, call[i], 1e-9 * Math.max(1, Math.abs(c)));
            assertEquals(p, put[i], 1e-9 * Math.max(1, Math.abs(p)));
            assertEquals(s[i] - x[i] * er, call[i] - put[i], 1e-9 * Math.max(1, s[i]), "put-call parity");
        }
    }

    private static double cnd(double d) {
        double k = 1.0 / (1.0 + 0.2316419 * Math.abs(d));
        double poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
        double c = 0.39894228040143267793994605993438 * Math.exp(-0.5 * d * d) * poly;
        return d > 0 ? 1 - c : c;
    }

    @Test
    void logisticRegressionLearns() {
        NDArray[] data = LogisticRegression.data(4000, 5, 11);
        NDArray w0 = zeros(5);
        double before = LogisticRegression.loss(data[0], data[1], w0);
        NDArray w = LogisticRegression.fit(data[0], data[1], 60, 1.0);
        double after = LogisticRegression.loss(data[0], data[1], w);
        assertEquals(Math.log(2), before, 1e-12);
        assertTrue(after < 0.35, "loss after fitting: " + after);
        double cos = dot(w, data[2]).item() / (linalg.norm(w).item() * linalg.norm(data[2]).item());
        assertTrue(cos > 0.95, "fitted weights point along the true ones: cos " + cos);
    }
}
