package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Results do not depend on the number of processors: every operation gives bitwise the same
 * values on one processor and on three (with tiles small enough that the arrays are split),
 * reductions included. And operations on views give the values they give on copies.
 */
class DeterminismProperties {
    private static LegateRuntime one;
    private static LegateRuntime three;

    @BeforeContainer
    static void start() {
        one = Runtimes.start(1, 16, 4);
        three = Runtimes.start(3, 16, 4);
    }

    @AfterContainer
    static void stop() {
        one.close();
        three.close();
    }

    /** The op's result as raw bits (doubles) on a runtime. */
    private static long[] bits(LegateRuntime rt, Function<NDArray, NDArray> op, double[] data, long cols) {
        LegateRuntime old = Legate.setDefault(rt);
        try {
            NDArray a = array(data).reshape(-1, cols);
            double[] r = op.apply(a).toDoubleArray();
            long[] b = new long[r.length];
            for (int i = 0; i < r.length; i++) {
                b[i] = Double.doubleToRawLongBits(r[i]);
            }
            return b;
        } finally {
            Legate.setDefault(old);
        }
    }

    private static final List<Function<NDArray, NDArray>> OPS = List.of(
            a -> a.sum(),
            a -> a.mean(),
            a -> a.var(),
            a -> a.std(),
            a -> a.multiply(1.0001).prod(),
            a -> a.sum(0),
            a -> a.sum(1),
            a -> a.cumsum(0),
            a -> a.cumsum(1),
            a -> a.max(),
            a -> a.min(0),
            a -> a.argmax().astype(dev.legate.core.DType.FLOAT64),
            a -> a.argmin(1).astype(dev.legate.core.DType.FLOAT64),
            a -> sqrt(abs(a)).multiply(a).add(1.5).divide(a.add(100)),
            a -> a.get("::2, ::-1").sum(),
            a -> a.T().sum(0),
            a -> a.get("1:, :").mean(1),
            a -> bincount(abs(a.ravel()).mod(7).astype(dev.legate.core.DType.INT64), a.ravel().multiply(0.1), 7),
            a -> matmul(a, a.T()),
            a -> sort(a, 0),
            a -> quantile(a, 0.3, 1),
            a -> cumsum(a.ravel()).get("::3"));

    @Property(tries = 12)
    void sameBitsForOneAndThreeProcessors(@ForAll @Size(min = 2, max = 400) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
                                          @ForAll @IntRange(min = 1, max = 7) int cols) {
        int n = values.size() / cols * cols;
        if (n < 2 * cols) {
            return;
        }
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = values.get(i);
        }
        for (int which = 0; which < OPS.size(); which++) {
            Function<NDArray, NDArray> op = OPS.get(which);
            assertArrayEquals(bits(one, op, data, cols), bits(three, op, data, cols), "operation " + which);
        }
    }

    @Property(tries = 4)
    void tallAxisReductionsSameBits(@ForAll @IntRange(min = 512, max = 1500) int rows,
                                    @ForAll @IntRange(min = 1, max = 40) int cols) {
        Function<NDArray, NDArray> op = a -> concatenate(a.sum(0), a.max(0), a.multiply(a).sum(0));
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.sin(i * 0.37) * 1e3 + i % 11;
        }
        assertArrayEquals(bits(one, op, data, cols), bits(three, op, data, cols));
    }

    @Property(tries = 8)
    void viewsGiveTheValuesOfCopies(@ForAll @Size(min = 4, max = 300) List<@DoubleRange(min = -100, max = 100) Double> values,
                                    @ForAll @IntRange(min = 2, max = 6) int cols) {
        int n = values.size() / cols * cols;
        if (n < 2 * cols) {
            return;
        }
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = values.get(i);
        }
        LegateRuntime old = Legate.setDefault(three);
        try {
            NDArray a = array(data).reshape(-1, cols);
            NDArray view = a.get("::-1, 1:").T();
            NDArray copy = view.copy();
            for (int which = 0; which < OPS.size(); which++) {
                Function<NDArray, NDArray> op = OPS.get(which);
                assertArrayEquals(op.apply(copy).toDoubleArray(), op.apply(view).toDoubleArray(), 0.0,
                        "operation " + which);
            }
        } finally {
            Legate.setDefault(old);
        }
    }
}
