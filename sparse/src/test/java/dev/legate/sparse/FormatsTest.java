package dev.legate.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Constructors and conversions between formats agree with dense arrays. */
class FormatsTest {
    private static LegateRuntime rt;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(3);
    }

    @AfterAll
    static void stop() {
        rt.close();
    }

    private static double[] dense(SparseMatrix a) {
        return a.toDense().toDoubleArray();
    }

    @Test
    void conversionsRoundTrip() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = Sparse.random(23, 17, 0.3, 5);
            double[] d = dense(a);
            assertArrayEquals(d, dense(a.tocsc()), 0);
            assertArrayEquals(d, dense(a.tocsc().tocsr()), 0);
            assertArrayEquals(d, dense(a.tocoo()), 0);
            assertArrayEquals(d, dense(a.tocoo().tocsr()), 0);
            assertArrayEquals(d, dense(a.todia()), 0);
            assertArrayEquals(d, dense(a.todia().tocsr()), 0);
            assertArrayEquals(d, dense(Sparse.fromDense(a.toDense())), 0);
            assertEquals(a.nnz(), Sparse.fromDense(a.toDense()).nnz());
            double[] t = dense(a.transpose());
            for (int i = 0; i < 23; i++) {
                for (int j = 0; j < 17; j++) {
                    assertEquals(d[i * 17 + j], t[j * 23 + i]);
                }
            }
            assertArrayEquals(t, dense(a.tocoo().transpose()), 0);
            return null;
        });
    }

    @Test
    void cooSumsDuplicates() {
        Runtimes.on(rt, () -> {
            NDArray row = Numeric.array(new long[] {2, 0, 2, 1, 2}, 5);
            NDArray col = Numeric.array(new long[] {1, 0, 1, 2, 0}, 5);
            NDArray val = Numeric.array(new double[] {1, 2, 3, 4, 5}, 5);
            CsrMatrix a = Sparse.coo(val, row, col, 3, 3).tocsr();
            assertArrayEquals(new long[] {0, 1, 2, 4}, a.indptr().toLongArray());
            assertArrayEquals(new long[] {0, 2, 0, 1}, a.indices().toLongArray());
            assertArrayEquals(new double[] {2, 4, 5, 4}, a.data().toDoubleArray(), 0);
            return null;
        });
    }

    @Test
    void eyeDiagsKron() {
        Runtimes.on(rt, () -> {
            assertArrayEquals(Numeric.eye(4, 5, 1).toDoubleArray(), dense(Sparse.eye(4, 5, 1)), 0);
            assertArrayEquals(Numeric.eye(5, 4, -2).toDoubleArray(), dense(Sparse.eye(5, 4, -2)), 0);
            DiaMatrix t = Sparse.diags(new double[][] {{-1}, {2, 3, 4}, {5, 6}}, new long[] {-1, 0, 1}, 3, 3);
            assertArrayEquals(new double[] {2, 5, 0, -1, 3, 6, 0, -1, 4}, dense(t), 0);
            CsrMatrix k = Sparse.kron(Sparse.eye(2), t);
            double[] kd = dense(k);
            assertEquals(36, kd.length);
            assertEquals(5, kd[1]);
            assertEquals(4, kd[3 * 6 + 3 + 6 * 0 + 2 + 6 * 2]);
            assertEquals(0, kd[3]);
            return null;
        });
    }

    @Test
    void valueOperations() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = Sparse.random(15, 11, 0.4, 9).minus(Sparse.random(15, 11, 0.4, 10));
            double[] d = dense(a);
            double[] abs = dense(a.abs());
            double[] sq = dense(a.power(2));
            double[] sc = dense(a.times(3));
            double[] neg = dense(a.negative());
            for (int i = 0; i < d.length; i++) {
                assertEquals(Math.abs(d[i]), abs[i], 0);
                assertEquals(d[i] * d[i], sq[i], 0);
                assertEquals(d[i] * 3, sc[i], 0);
                assertEquals(-d[i], neg[i], 0);
            }
            CsrMatrix f = a.astype(DType.FLOAT32);
            assertEquals(DType.FLOAT32, f.dtype());
            float[] fx = f.matmul(Numeric.ones(11).astype(DType.FLOAT32)).toFloatArray();
            double[] dx = a.matmul(Numeric.ones(11)).toDoubleArray();
            for (int i = 0; i < dx.length; i++) {
                assertEquals(dx[i], fx[i], 1e-5);
            }
            assertEquals(DType.FLOAT64, f.plus(a).dtype());
            assertEquals(DType.FLOAT32, f.plus(f).dtype());
            return null;
        });
    }

    @Test
    void emptyMatrices() {
        Runtimes.on(rt, () -> {
            CsrMatrix z = Sparse.random(4, 6, 0, 1);
            assertEquals(0, z.nnz());
            assertArrayEquals(new double[4], z.matmul(Numeric.ones(6)).toDoubleArray(), 0);
            assertEquals(0, z.plus(z).nnz());
            assertEquals(0, z.matmul(z.transpose()).nnz());
            return null;
        });
    }
}
