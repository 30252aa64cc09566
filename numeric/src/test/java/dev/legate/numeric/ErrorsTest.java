package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TypeMismatchException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input fails before anything runs, with messages that name the values involved. */
class ErrorsTest {
    private static LegateRuntime rt;
    private static LegateRuntime previous;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(2, 16, 4);
        previous = Legate.setDefault(rt);
    }

    @AfterAll
    static void stop() {
        Legate.setDefault(previous);
        rt.close();
    }

    private static void contains(Throwable t, String... parts) {
        for (String p : parts) {
            assertTrue(t.getMessage().contains(p), "message '" + t.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void incompatibleShapesNameBothShapes() {
        var e = assertThrows(ShapeMismatchException.class, () -> zeros(3, 4).add(zeros(5)));
        contains(e, "(3, 4)", "(5,)");
        var r = assertThrows(ShapeMismatchException.class, () -> zeros(6).reshape(4, 2));
        contains(r, "6", "(4, 2)");
    }

    @Test
    void outOfRangeIndexNamesIndexAndExtent() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> zeros(3, 4).get(1, 7));
        contains(e, "7", "4");
        var f = assertThrows(IndexOutOfBoundsException.class, () -> zeros(3, 4).item(-4, 0));
        contains(f, "-4", "3");
        var g = assertThrows(IndexOutOfBoundsException.class, () -> zeros(3).sum(2));
        contains(g, "axis 2", "dimension 1");
    }

    @Test
    void unsupportedDtypeIsNamed() {
        var e = assertThrows(TypeMismatchException.class, () -> bitwiseAnd(zeros(3), zeros(3)));
        contains(e, "bitwise_and", "float64");
        var f = assertThrows(TypeMismatchException.class, () -> zeros(3).astype(DType.BOOL).subtract(true));
        contains(f, "boolean subtract");
        var g = assertThrows(TypeMismatchException.class, () -> full(dev.legate.core.Shape.of(2), 1.0, DType.COMPLEX128).max());
        contains(g, "complex128");
    }

    @Test
    void outArgumentsFollowSameKindCasting() {
        NDArray i = zeros(dev.legate.core.Shape.of(3), DType.INT64);
        var e = assertThrows(TypeMismatchException.class, () -> i.iadd(0.5));
        contains(e, "float64", "int64", "same_kind");
        var f = assertThrows(ArithmeticException.class, () -> zeros(dev.legate.core.Shape.of(2), DType.INT8).add(1000));
        contains(f, "1000", "int8");
    }

    @Test
    void broadcastViewsAreReadOnly() {
        NDArray b = zeros(3).broadcastTo(2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> b.iadd(1));
        contains(e, "read-only");
    }

    @Test
    void singularAndIndefiniteMatricesRaiseLinAlgException() {
        NDArray sing = array(new double[] {1, 2, 2, 4}, 2, 2);
        var e = assertThrows(LinAlgException.class, () -> linalg.solve(sing, ones(2)));
        contains(e, "Singular matrix");
        assertThrows(LinAlgException.class, () -> linalg.inv(sing));
        var c = assertThrows(LinAlgException.class, () -> linalg.cholesky(array(new double[] {1, 2, 2, 1}, 2, 2)));
        contains(c, "not positive definite");
        var s = assertThrows(LinAlgException.class, () -> linalg.inv(ones(2, 3)));
        contains(s, "(2, 3)");
        var m = assertThrows(ShapeMismatchException.class, () -> matmul(ones(2, 3), ones(2, 3)));
        contains(m, "(2, 3)");
    }
}
