package dev.legate.sparse;

import static dev.legate.numeric.Numeric.array;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.numeric.NDArray;
import org.junit.jupiter.api.Test;

/**
 * The solvers' SpMV into an array they own: the result is the product's, arrays computed from the
 * old contents before the write keep the old values, and unsuitable outputs are refused.
 */
class MatvecIntoTest {
    @Test
    void writesTheProductAndKeepsEarlierReadersOfTheOldValues() {
        try (LegateRuntime rt = Runtimes.start(2)) {
            Runtimes.on(rt, () -> {
                CsrMatrix a = Sparse.random(300, 300, 0.05, 7).plus(Sparse.eye(300));
                NDArray x1 = Sparse.randomVector(300, 1);
                NDArray x2 = Sparse.randomVector(300, 2);
                NDArray y = a.matmul(x1);
                double[] first = y.toDoubleArray();
                NDArray twice = y.multiply(2.0);   // may be deferred: it must still see the first product
                assertTrue(a.matvecInto(x2, y));
                assertArrayEquals(a.matmul(x2).toDoubleArray(), y.toDoubleArray());
                double[] t = twice.toDoubleArray();
                for (int i = 0; i < first.length; i++) {
                    assertTrue(t[i] == 2 * first[i], "element " + i + " of an earlier reader changed");
                }
                assertFalse(a.matvecInto(x2, x2), "output sharing storage with x");
                assertFalse(a.matvecInto(x2, array(new double[299])), "wrong length");
                assertFalse(a.matvecInto(x2, y.astype(DType.FLOAT32)), "wrong type");
                return null;
            });
        }
    }
}
