package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void basics() {
        Runtimes.with(2, 16, 4, () -> {
            NDArray a = arange(12).reshape(3, 4);
            assertEquals("array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n       [ 8,  9, 10, 11]])", a.toString());
            NDArray b = a.multiply(0.5).add(1);
            assertEquals("array([[1. , 1.5, 2. , 2.5],\n       [3. , 3.5, 4. , 4.5],\n       [5. , 5.5, 6. , 6.5]])",
                    b.toString());
            assertEquals("array([1.  , 2.5 , 3.25])", array(new double[] {1, 2.5, 3.25}).toString());
            NDArray c = a.get("1:, ::2");
            assertArrayEquals(new long[] {4, 6, 8, 10}, c.toLongArray());
            assertEquals("array([[ 0,  1,  2],\n       [ 3,  4,  5],\n       [ 6,  7,  8],\n       [ 9, 10, 11]])",
                    a.reshape(4, 3).toString());
            NDArray e = eye(3);
            assertEquals("array([[1., 0., 0.],\n       [0., 1., 0.],\n       [0., 0., 1.]])", e.toString());
            NDArray big = linspace(0, 1, 100000);
            assertEquals(1.0, big.item(99999));
            assertEquals(50000.0 / 99999, big.get(50000L).item(), 1e-16);
            NDArray d = diag(array(new double[] {1, 2, 3}));
            assertArrayEquals(new double[] {1, 0, 0, 0, 2, 0, 0, 0, 3}, d.toDoubleArray());
            assertArrayEquals(new double[] {1, 2, 3}, d.diagonal(0).toDoubleArray());
            a.iadd(100);
            assertEquals(111, a.item(2, 3));
            NDArray p = array(new double[] {1, 2, Double.POSITIVE_INFINITY, Double.NaN});
            NDArray q = array(new double[] {1 + 1e-9, 2.1, Double.POSITIVE_INFINITY, Double.NaN});
            assertArrayEquals(new boolean[] {true, false, true, false}, isclose(p, q).toBooleanArray());
            assertTrue(allclose(p.get(":3"), p.get(":3")));
            assertFalse(allclose(p, q));
            assertTrue(arrayEqual(arange(5), array(new long[] {0, 1, 2, 3, 4})));
            assertFalse(arrayEqual(arange(5), arange(6)));
            return null;
        });
    }
}
