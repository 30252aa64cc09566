package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.Shape;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Philox generator: same numbers for any processor count, sane distributions, partition laws. */
class RandomTest {
    private static LegateRuntime one;
    private static LegateRuntime three;

    @BeforeAll
    static void start() {
        one = Runtimes.start(1, 16, 4);
        three = Runtimes.start(3, 16, 4);
    }

    @AfterAll
    static void stop() {
        one.close();
        three.close();
    }

    private static double[] on(LegateRuntime rt, Function<Generator, NDArray> f) {
        LegateRuntime old = Legate.setDefault(rt);
        try {
            return f.apply(defaultRng(42)).toDoubleArray();
        } finally {
            Legate.setDefault(old);
        }
    }

    @Test
    void sameNumbersForAnyProcessorCount() {
        Function<Generator, NDArray> draws = g -> {
            NDArray a = g.random(37, 11);
            NDArray b = g.standardNormal(403);
            NDArray c = g.integers(-5, 17, 300).astype(DType.FLOAT64);
            NDArray d = g.permutation(257).astype(DType.FLOAT64);
            NDArray e = g.standardNormal(Shape.of(5, 9), DType.FLOAT32).astype(DType.FLOAT64);
            return concatenate(a.ravel(), b, c, d, e.ravel());
        };
        assertArrayEquals(on(one, draws), on(three, draws), 0.0);
    }

    @Test
    void distributionsLookRight() {
        LegateRuntime old = Legate.setDefault(three);
        try {
            Generator g = defaultRng(7);
            NDArray u = g.random(200_000);
            assertEquals(0.5, u.mean().item(), 0.005);
            assertTrue(u.min().item() >= 0 && u.max().item() < 1);
            NDArray n = g.normal(3, 2, 200_000);
            assertEquals(3, n.mean().item(), 0.02);
            assertEquals(2, n.std().item(), 0.02);
            NDArray i = g.integers(-3, 4, 50_000);
            assertEquals(-3, i.min().itemLong());
            assertEquals(3, i.max().itemLong());
            assertEquals(7, unique(i).size());
            long[] p = g.permutation(1000).toLongArray();
            Arrays.sort(p);
            for (int k = 0; k < p.length; k++) {
                assertEquals(k, p[k]);
            }
            NDArray c = g.choice(arange(10).multiply(10), 5, false);
            assertEquals(5, unique(c).size());
            assertEquals(0, countNonzero(c.mod(10)).itemLong());
            assertThrowsLarger(g);
            assertEquals(10, unique(g.choice(10, 10, false)).size());
            NDArray w = g.choice(array(new long[] {1, 2, 3}), 10_000, array(new double[] {0.0, 0.25, 0.75}));
            assertEquals(0, countNonzero(w.eq(1)).itemLong());
            assertEquals(0.75, w.eq(3).mean().item(), 0.03);
            assertNotEquals(defaultRng(1).random(5).toDoubleArray()[0], defaultRng(2).random(5).toDoubleArray()[0]);
            assertArrayEquals(defaultRng(9).random(5).toDoubleArray(), defaultRng(9).random(5).toDoubleArray());
        } finally {
            Legate.setDefault(old);
        }
    }

    private static void assertThrowsLarger(Generator g) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> g.choice(5, 6, false));
    }

    @Test
    void partitionPutsKthInPlace() {
        LegateRuntime old = Legate.setDefault(three);
        try {
            NDArray x = defaultRng(3).standardNormal(101);
            double[] sorted = sort(x).toDoubleArray();
            double[] p = partition(x, 17, 60).toDoubleArray();
            assertEquals(sorted[17], p[17]);
            assertEquals(sorted[60], p[60]);
            for (int i = 0; i < 101; i++) {
                if (i < 17) {
                    assertTrue(p[i] <= p[17]);
                } else if (i > 60) {
                    assertTrue(p[i] >= p[60]);
                }
            }
            long[] ap = argpartition(x, 50).toLongArray();
            assertEquals(sorted[50], x.item(ap[50]));
        } finally {
            Legate.setDefault(old);
        }
    }
}
