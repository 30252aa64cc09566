package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {
    @Test
    void histogramMatchesNumPy() {
        double[] x = Golden.doubles("hist_x.txt");
        double[] edges = Golden.doubles("hist_edges.txt");
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertArrayEquals(edges, Stats.uniformEdges(min, max, 12));
        long[] counts = new long[12];
        Stats.histogram(MemorySegment.ofArray(x), 0, 1, x.length, edges, counts);
        assertArrayEquals(Golden.longs("hist_counts.txt"), counts);
        double[] sums = new double[12];
        Stats.histogram(MemorySegment.ofArray(x), 0, 1, x.length, MemorySegment.ofArray(Golden.doubles("hist_w.txt")),
                0, 1, edges, sums);
        LuTest.assertClose(Golden.doubles("hist_wsums.txt"), sums, 1e-13, "weighted histogram");
        double[] uneven = {-2.0, -0.5, -0.5, 0.0, 0.25, 1.0, 3.0};
        long[] unevenCounts = new long[6];
        Stats.histogram(MemorySegment.ofArray(x), 0, 1, x.length, uneven, unevenCounts);
        assertArrayEquals(Golden.longs("hist_uneven_counts.txt"), unevenCounts);
    }

    @Test
    void binsFollowTheEdgeRules() {
        double[] e = {0, 1, 2, 3};
        assertEquals(0, Stats.bin(e, 0.0));
        assertEquals(1, Stats.bin(e, 1.0));
        assertEquals(2, Stats.bin(e, 3.0), "the last bin is closed");
        assertEquals(-1, Stats.bin(e, Math.nextUp(3.0)));
        assertEquals(-1, Stats.bin(e, -1e-300));
        assertEquals(-1, Stats.bin(e, Double.NaN));
        long[] out = new long[3];
        Stats.assignBins(MemorySegment.ofArray(new double[] {2.5, 9, 0.5}), 0, 1, 3, e, MemorySegment.ofArray(out), 0);
        assertArrayEquals(new long[] {2, -1, 0}, out);
        var ex = assertThrows(IllegalArgumentException.class,
                () -> Stats.histogram(MemorySegment.ofArray(new double[1]), 0, 1, 1, new double[] {0, 2, 1}, new long[2]));
        assertTrue(ex.getMessage().contains("monotonically"), ex.getMessage());
    }

    @Test
    void bincountMatchesNumPy() {
        long[] x = Golden.longs("bincount_x.txt");
        long[] counts = new long[25];
        Stats.bincount(MemorySegment.ofArray(x), 0, 1, x.length, counts);
        assertArrayEquals(Golden.longs("bincount_counts.txt"), counts);
        double[] sums = new double[25];
        Stats.bincount(MemorySegment.ofArray(x), 0, 1, x.length, MemorySegment.ofArray(Golden.doubles("hist_w.txt")), 0,
                1, sums);
        assertArrayEquals(Golden.doubles("bincount_wsums.txt"), sums, "weights add in input order, as NumPy's");
        var e = assertThrows(IllegalArgumentException.class,
                () -> Stats.bincount(MemorySegment.ofArray(new long[] {1, -3}), 0, 1, 2, new long[4]));
        assertTrue(e.getMessage().contains("value -3 at position 1"), e.getMessage());
    }

    @Test
    void everyQuantileMethodMatchesNumPy() {
        double[] qs = Golden.doubles("quantile_qs.txt");
        QuantileMethod[] methods = QuantileMethod.values();
        for (int n : new int[] {1, 2, 7, 100}) {
            double[] v = Golden.doubles("quantile_v" + n + ".txt");
            double[] want = Golden.doubles("quantile_v" + n + "_all.txt");
            for (int m = 0; m < methods.length; m++) {
                double[] got = Stats.quantile(MemorySegment.ofArray(v), 0, 1, n, qs, methods[m], false);
                for (int i = 0; i < qs.length; i++) {
                    assertEquals(want[m * qs.length + i], got[i], 1e-12,
                            methods[m] + " q=" + qs[i] + " n=" + n);
                }
            }
        }
        double[] v = Golden.doubles("quantile_nan_v.txt");
        double[] want = Golden.doubles("quantile_nan_all.txt");
        for (int m = 0; m < methods.length; m++) {
            double[] got = Stats.quantile(MemorySegment.ofArray(v), 0, 1, v.length, qs, methods[m], true);
            for (int i = 0; i < qs.length; i++) {
                assertEquals(want[m * qs.length + i], got[i], 1e-12, "nanquantile " + methods[m] + " q=" + qs[i]);
            }
            assertTrue(Double.isNaN(Stats.quantile(MemorySegment.ofArray(v), 0, 1, v.length, qs, methods[m], false)[0]));
        }
    }

    @Test
    void quantileRejectsBadInput() {
        MemorySegment one = MemorySegment.ofArray(new double[] {1});
        var e = assertThrows(IllegalArgumentException.class,
                () -> Stats.quantile(one, 0, 1, 1, new double[] {1.5}, QuantileMethod.LINEAR, false));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Stats.quantile(one, 0, 1, 0, new double[] {0.5}, QuantileMethod.LINEAR, false));
    }
}
