package dev.legate.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.LegateRuntime;
import dev.legate.numeric.NDArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results against SciPy's on the golden cases, on a runtime that splits the matrices 3 ways. */
class GoldenTest {
    private static LegateRuntime rt;
    private static Golden g;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(3);
        g = Golden.load();
    }

    @AfterAll
    static void stop() {
        rt.close();
    }

    private static void close(double[] want, double[] got) {
        assertEquals(want.length, got.length, "length");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-12 * Math.max(1, Math.abs(want[i])), "element " + i);
        }
    }

    private static void sameCsr(String name, CsrMatrix got) {
        long[] shape = g.longs(name + ".shape");
        assertEquals(shape[0], got.rows());
        assertEquals(shape[1], got.cols());
        assertArrayEquals(g.longs(name + ".indptr"), got.indptr().toLongArray(), name + " indptr");
        assertArrayEquals(g.longs(name + ".indices"), got.indices().toLongArray(), name + " indices");
        close(g.doubles(name + ".data"), got.data().toDoubleArray());
    }

    @Test
    void spmvAndSpmm() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = g.csr("A");
            close(g.doubles("spmv"), a.matmul(g.vector("x")).toDoubleArray());
            long[] ds = g.longs("dense.shape");
            NDArray dense = g.vector("dense").reshape(ds[0], ds[1]);
            close(g.doubles("spmm"), a.matmul(dense).toDoubleArray());
            return null;
        });
    }

    @Test
    void spgemmTransposeAddSubMul() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = g.csr("A");
            CsrMatrix b = g.csr("B");
            sameCsr("spgemm", a.matmul(g.csr("C")));
            sameCsr("transpose", a.transpose().tocsr());
            sameCsr("add", a.plus(b));
            sameCsr("sub", a.minus(b));
            sameCsr("mul", a.multiply(b));
            sameCsr("kron", Sparse.kron(g.csr("C"), b));
            return null;
        });
    }

    @Test
    void sumsAndDiagonals() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = g.csr("A");
            close(g.doubles("rowsum"), a.sum(1).toDoubleArray());
            close(g.doubles("colsum"), a.sum(0).toDoubleArray());
            close(g.doubles("diag1"), a.diagonal(1).toDoubleArray());
            close(g.doubles("diagm2"), a.diagonal(-2).toDoubleArray());
            return null;
        });
    }

    @Test
    void conjugateGradientsMatchScipy() {
        Runtimes.on(rt, () -> {
            CsrMatrix lap = g.csr("poisson");
            SolveResult r = Linalg.cg(lap, g.vector("poisson.b"), SolverOptions.defaults().withRtol(1e-10));
            assertTrue(r.converged());
            assertEquals(g.longs("cg.iterations")[0], r.iterations());
            double[] want = g.doubles("cg.x");
            double[] got = r.x().toDoubleArray();
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-9 * Math.max(1, Math.abs(want[i])), "x[" + i + "]");
            }
            return null;
        });
    }
}
