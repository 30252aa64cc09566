package dev.legate.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.legate.core.LegateRuntime;
import dev.legate.numeric.NDArray;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws: results are bitwise the same on 1 and on 3 processors (matrices split into row tiles),
 * and equal a dense reference computed here on the host.
 */
class DeterminismTest {
    private static LegateRuntime one;
    private static LegateRuntime three;

    @BeforeContainer
    static void start() {
        one = Runtimes.start(1);
        three = Runtimes.start(3);
    }

    @AfterContainer
    static void stop() {
        one.close();
        three.close();
    }

    /** Everything the law looks at, as Java values. */
    private static List<Object> compute(int m, int n, double density, long seed) {
        CsrMatrix a = Sparse.random(m, n, density, seed);
        CsrMatrix b = Sparse.random(m, n, density, seed + 1);
        NDArray x = Sparse.randomVector(n, seed);
        CsrMatrix s = a.plus(b.times(-2)).plus(a.transpose().transpose());
        CsrMatrix p = a.matmul(b.transpose());
        NDArray y = s.matmul(x);
        List<Object> out = new ArrayList<>();
        out.add(a.indptr().toLongArray());
        out.add(a.indices().toLongArray());
        out.add(a.data().toDoubleArray());
        out.add(s.indptr().toLongArray());
        out.add(s.data().toDoubleArray());
        out.add(p.indptr().toLongArray());
        out.add(p.indices().toLongArray());
        out.add(p.data().toDoubleArray());
        out.add(y.toDoubleArray());
        out.add(new double[] {Linalg.norm(y).item(), Linalg.dot(x, x).item(), s.sum().item()});
        out.add(a.transpose().tocsr().data().toDoubleArray());
        out.add(a.toDense().toDoubleArray());
        out.add(x.toDoubleArray());
        out.add(b.toDense().toDoubleArray());
        out.add(s.toDense().toDoubleArray());
        out.add(p.toDense().toDoubleArray());
        return out;
    }

    @Property(tries = 12)
    void sameBitsOnOneAndThreeProcessors(@ForAll @IntRange(min = 1, max = 60) int m,
                                         @ForAll @IntRange(min = 1, max = 60) int n,
                                         @ForAll @DoubleRange(min = 0, max = 0.5) double density,
                                         @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<Object> r1 = Runtimes.on(one, () -> compute(m, n, density, seed));
        List<Object> r3 = Runtimes.on(three, () -> compute(m, n, density, seed));
        for (int i = 0; i < r1.size(); i++) {
            if (r1.get(i) instanceof long[] l) {
                assertArrayEquals(l, (long[]) r3.get(i), "result " + i);
            } else {
                assertArrayEquals((double[]) r1.get(i), (double[]) r3.get(i), 0.0, "result " + i);
            }
        }
        checkAgainstDense(m, n, r3);
    }

    /** The sparse results equal the dense computation of the same expressions. */
    private static void checkAgainstDense(int m, int n, List<Object> r) {
        double[] a = (double[]) r.get(11);
        double[] x = (double[]) r.get(12);
        double[] b = (double[]) r.get(13);
        double[] s = (double[]) r.get(14);
        double[] p = (double[]) r.get(15);
        double[] y = (double[]) r.get(8);
        for (int i = 0; i < m; i++) {
            double yi = 0;
            for (int j = 0; j < n; j++) {
                double sij = 2 * a[i * n + j] - 2 * b[i * n + j];
                assertEquals(sij, s[i * n + j], 1e-12, "s[" + i + "," + j + "]");
                yi += sij * x[j];
            }
            assertEquals(yi, y[i], 1e-10, "y[" + i + "]");
            for (int k = 0; k < m; k++) {
                double pik = 0;
                for (int j = 0; j < n; j++) {
                    pik += a[i * n + j] * b[k * n + j];
                }
                assertEquals(pik, p[i * m + k], 1e-10, "p[" + i + "," + k + "]");
            }
        }
        double yy = 0;
        double xx = 0;
        double total = 0;
        for (double v : y) {
            yy += v * v;
        }
        for (double v : x) {
            xx += v * v;
        }
        for (double v : s) {
            total += v;
        }
        double[] scalars = (double[]) r.get(9);
        assertEquals(Math.sqrt(yy), scalars[0], 1e-10 * Math.max(1, Math.sqrt(yy)));
        assertEquals(xx, scalars[1], 1e-12 * Math.max(1, xx));
        assertEquals(total, scalars[2], 1e-10 * Math.max(1, Math.abs(total)));
    }
}
