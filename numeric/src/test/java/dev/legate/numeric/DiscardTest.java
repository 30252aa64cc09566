package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link NDArray#discard}: a fused temporary that the program drops is not computed again when
 * its source is written, the results are unchanged, a kept temporary still sees its old values,
 * and any use of a discarded array throws.
 */
class DiscardTest {
    @Test
    void aDiscardedTemporaryIsNotComputedWhenItsSourceIsWritten() {
        Runtimes.with(2, 16, 1024, () -> {
            NDArray x = zeros(100_000).evaluate();
            NDArray p = arange(100_000).astype(dev.legate.core.DType.FLOAT64).evaluate();
            NDArray kept = p.multiply(3.0);
            x.iadd(kept);
            NDArray dropped = p.multiply(2.0);
            x.iadd(dropped);
            dropped.discard();
            p.imultiply(10.0);   // the kept temporary must still read the old p
            double[] xs = x.toDoubleArray();
            double[] ks = kept.toDoubleArray();
            for (int i = 0; i < xs.length; i++) {
                assertEquals(5.0 * i, xs[i], "x[" + i + "]");
                assertEquals(3.0 * i, ks[i], "kept[" + i + "]");
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, dropped::toDoubleArray);
            assertTrue(e.getMessage().contains("discarded"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> x.add(dropped));
            assertThrows(IllegalStateException.class, dropped::store);
            assertArrayEquals(new long[] {100_000}, dropped.shape().extents(), "its shape stays readable");
            return null;
        });
    }
}
