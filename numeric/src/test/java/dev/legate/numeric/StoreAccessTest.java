package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * {@link NDArray#readStore} and {@link NDArray#writeStore}, the stores another library reads or
 * writes now: a deferred array is computed first, and a write through {@code writeStore} leaves
 * deferred readers of the old values with the old values.
 */
class StoreAccessTest {
    @Test
    void readAndWriteStoresKeepNumericsSemantics() {
        Runtimes.with(2, 16, 1024, () -> {
            NDArray x = arange(1000).astype(dev.legate.core.DType.FLOAT64).evaluate();
            NDArray twice = x.multiply(2.0);          // deferred: reads x
            LogicalStore r = x.add(1.0).readStore();  // a deferred result, computed for reading
            assertEquals(1.0, r.physical().data().doubles().get(0));
            assertEquals(1000.0, r.physical().data().doubles().get(999));
            LogicalStore w = x.writeStore();
            x.store().runtime().fill(w, Scalar.of(7.0));
            assertEquals(7.0, x.item(5), "the write is seen through the array");
            assertEquals(10.0, twice.item(5), "a deferred reader keeps the old values");
            NDArray b = broadcastTo(array(new double[] {1, 2}), 3, 2);
            assertThrows(IllegalArgumentException.class, b::writeStore, "a broadcast view is read-only");
            return null;
        });
    }
}
