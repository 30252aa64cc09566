package dev.legate.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.LegateRuntime;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import dev.legate.sparse.examples.Poisson2D;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CG, GMRES and the largest eigenvalue reach their tolerances with true residuals. */
class SolversTest {
    private static LegateRuntime rt;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(3);
    }

    @AfterAll
    static void stop() {
        rt.close();
    }

    private static double residual(SparseMatrix a, NDArray x, NDArray b) {
        return Linalg.norm(b.subtract(a.matmul(x))).item();
    }

    @Test
    void cgWithAndWithoutJacobi() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = Poisson2D.laplacian(12);
            NDArray b = Sparse.randomVector(144, 3);
            double bn = Linalg.norm(b).item();
            SolveResult plain = Linalg.cg(a, b, SolverOptions.defaults().withRtol(1e-9));
            assertTrue(plain.converged());
            assertTrue(residual(a, plain.x(), b) <= 1e-8 * bn);
            CsrMatrix shifted = a.plus(Sparse.diags(new double[][] {Sparse.randomVector(144, 4).multiply(50)
                    .toDoubleArray()}, new long[] {0}, 144, 144));
            SolveResult pre = Linalg.cg(shifted, b, SolverOptions.defaults().withRtol(1e-9)
                    .withPreconditioner(LinearOperator.jacobi(shifted)));
            SolveResult none = Linalg.cg(shifted, b, SolverOptions.defaults().withRtol(1e-9));
            assertTrue(pre.converged() && none.converged());
            assertTrue(pre.iterations() < none.iterations(), pre.iterations() + " vs " + none.iterations());
            assertTrue(residual(shifted, pre.x(), b) <= 1e-8 * bn);
            SolveResult capped = Linalg.cg(a, b, SolverOptions.defaults().withRtol(1e-12).withMaxiter(3));
            assertFalse(capped.converged());
            assertEquals(3, capped.iterations());
            return null;
        });
    }

    @Test
    void gmresSolvesNonsymmetricSystems() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = Sparse.random(80, 80, 0.1, 11).plus(Sparse.eye(80).times(4));
            NDArray b = Sparse.randomVector(80, 12);
            double bn = Linalg.norm(b).item();
            SolveResult r = Linalg.gmres(a, b, SolverOptions.defaults().withRtol(1e-10).withRestart(10));
            assertTrue(r.converged(), "residual " + r.residualNorm());
            assertTrue(residual(a, r.x(), b) <= 1e-9 * bn);
            SolveResult p = Linalg.gmres(a, b, SolverOptions.defaults().withRtol(1e-10)
                    .withPreconditioner(LinearOperator.jacobi(a)));
            assertTrue(p.converged());
            assertTrue(residual(a, p.x(), b) <= 1e-9 * bn);
            return null;
        });
    }

    @Test
    void largestEigenvalueOfTheLaplacian() {
        Runtimes.on(rt, () -> {
            int n = 10;
            CsrMatrix t = Sparse.diags(new double[][] {{-1}, {2}, {-1}}, new long[] {-1, 0, 1}, n, n).tocsr();
            EigenResult e = Linalg.eigshLargest(t, 1e-12, 20000);
            double exact = 2 - 2 * Math.cos(Math.PI * n / (n + 1));
            assertTrue(e.converged());
            assertEquals(exact, e.value(), 1e-6);
            assertEquals(1.0, Linalg.norm(e.vector()).item(), 1e-12);
            return null;
        });
    }

    @Test
    void linearOperatorsCompose() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = Poisson2D.laplacian(6);
            LinearOperator twice = LinearOperator.of(36, 36, x -> a.matmul(x).multiply(2));
            NDArray b = Numeric.ones(36);
            SolveResult r = Linalg.cg(twice, b, SolverOptions.defaults().withRtol(1e-10));
            SolveResult s = Linalg.cg(a, b.multiply(0.5), SolverOptions.defaults().withRtol(1e-10));
            double[] x = r.x().toDoubleArray();
            double[] y = s.x().toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(y[i], x[i], 1e-8);
            }
            return null;
        });
    }
}
