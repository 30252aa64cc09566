package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Float64 expressions with an operand that is one element for a whole row (a 0-d array, such as
 * a reduction's result, or a dimension broadcast along rows) run through the compiled loop with
 * that element read once; the results are the element-wise IEEE results, the same bits as with
 * the element given as a constant, on one processor and on several.
 */
class BroadcastScalarKernelTest {
    private static double[] expected(double[] x, double[] y, double s) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + y[i] * s;
        }
        return out;
    }

    @Test
    void aZeroDimensionalOperandGivesTheConstantsBits() {
        for (int cpus : new int[] {1, 3}) {
            Runtimes.with(cpus, 16, 1024, () -> {
                Generator g = defaultRng(7);
                NDArray x = g.random(200_003).evaluate();
                NDArray y = g.random(200_003).evaluate();
                NDArray s = y.sum().divide(x.sum());
                double sv = s.item();
                double[] want = expected(x.toDoubleArray(), y.toDoubleArray(), sv);
                assertArrayEquals(want, x.add(y.multiply(s)).toDoubleArray());
                assertArrayEquals(want, x.add(y.multiply(sv)).toDoubleArray());
                NDArray z = x.copy();
                z.iadd(y.multiply(s));
                assertArrayEquals(want, z.toDoubleArray());
                return null;
            });
        }
    }

    @Test
    void aColumnBroadcastAlongRowsIsReadOncePerRow() {
        Runtimes.with(2, 16, 1024, () -> {
            Generator g = defaultRng(11);
            NDArray m = g.random(300, 500).evaluate();
            NDArray col = g.random(300).evaluate();
            double[] mv = m.toDoubleArray();
            double[] cv = col.toDoubleArray();
            double[] got = m.multiply(col.reshape(300, 1)).subtract(1.5).toDoubleArray();
            assertEquals(mv.length, got.length);
            for (int r = 0; r < 300; r++) {
                for (int c = 0; c < 500; c++) {
                    assertEquals(Double.doubleToLongBits(mv[r * 500 + c] * cv[r] - 1.5),
                            Double.doubleToLongBits(got[r * 500 + c]), "element (" + r + ", " + c + ")");
                }
            }
            return null;
        });
    }
}
