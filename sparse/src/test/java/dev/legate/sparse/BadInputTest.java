package dev.legate.sparse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.LegateRuntime;
import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Numeric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input fails before anything is launched, with messages naming shapes and positions. */
class BadInputTest {
    private static LegateRuntime rt;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(2);
    }

    @AfterAll
    static void stop() {
        rt.close();
    }

    private static NDArray longs(long... v) {
        return Numeric.array(v, v.length);
    }

    private static NDArray doubles(double... v) {
        return Numeric.array(v, v.length);
    }

    private static String formatError(long[] indptr, long[] indices, long rows, long cols) {
        return Runtimes.on(rt, () -> assertThrows(SparseFormatException.class, () -> Sparse.csr(
                doubles(new double[indices.length]), longs(indices), longs(indptr), rows, cols)).getMessage());
    }

    @Test
    void nonMonotoneIndptrNamesThePosition() {
        String m = formatError(new long[] {0, 2, 1, 3}, new long[] {0, 1, 2}, 3, 3);
        assertTrue(m.contains("indptr[1] = 2 > indptr[2] = 1"), m);
    }

    @Test
    void outOfRangeIndexNamesThePosition() {
        String m = formatError(new long[] {0, 1, 3}, new long[] {0, 1, 5}, 2, 4);
        assertTrue(m.contains("index 5 at position 2 (row 1)") && m.contains("[0, 4)"), m);
    }

    @Test
    void unsortedIndicesNameThePosition() {
        String m = formatError(new long[] {0, 3}, new long[] {2, 0, 1}, 1, 3);
        assertTrue(m.contains("indices[1] = 0 after indices[0] = 2"), m);
    }

    @Test
    void indptrEndMustMatchTheIndices() {
        String m = formatError(new long[] {0, 1, 1}, new long[] {0, 1}, 2, 2);
        assertTrue(m.contains("indptr[2] = 1 must equal the number of indices, 2"), m);
    }

    @Test
    void cooOutOfRangeNamesThePosition() {
        String m = Runtimes.on(rt, () -> assertThrows(SparseFormatException.class, () -> Sparse.coo(
                doubles(1, 2), longs(0, 3), longs(0, 0), 3, 2)).getMessage());
        assertTrue(m.contains("row index 3 at position 1"), m);
    }

    @Test
    void dimensionMismatchNamesBothShapes() {
        Runtimes.on(rt, () -> {
            CsrMatrix a = Sparse.eye(3, 4, 0);
            String m1 = assertThrows(ShapeMismatchException.class, () -> a.matmul(Numeric.ones(5))).getMessage();
            assertTrue(m1.contains("(3, 4)") && m1.contains("(5,)"), m1);
            String m2 = assertThrows(ShapeMismatchException.class, () -> a.plus(Sparse.eye(4))).getMessage();
            assertTrue(m2.contains("(3, 4)") && m2.contains("(4, 4)"), m2);
            String m3 = assertThrows(ShapeMismatchException.class, () -> a.matmul(Sparse.eye(3))).getMessage();
            assertTrue(m3.contains("(3, 4)") && m3.contains("(3, 3)"), m3);
            String m4 = assertThrows(ShapeMismatchException.class,
                    () -> Linalg.cg(a, Numeric.ones(3), SolverOptions.defaults())).getMessage();
            assertTrue(m4.contains("(3, 4)"), m4);
            return null;
        });
    }

    @Test
    void badArgumentsAreRefused() {
        Runtimes.on(rt, () -> {
            assertThrows(IllegalArgumentException.class, () -> Sparse.random(3, 3, 1.5, 0));
            assertThrows(IllegalArgumentException.class, () -> Sparse.eye(-1));
            assertThrows(SparseFormatException.class, () -> Sparse.dia(Numeric.ones(2, 3), longs(1, 1), 3, 3));
            assertThrows(IllegalArgumentException.class, () -> SolverOptions.defaults().withRtol(-1));
            return null;
        });
    }
}
