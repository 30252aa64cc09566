package dev.legate.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DimsTest {
    @Test
    void aDenseTileIsOneDimension() {
        Dims d = Dims.of(new long[] {4, 5, 6}, new long[] {30, 6, 1});
        assertArrayEquals(new long[] {120}, d.extents());
        assertTrue(d.contiguous());
        assertEquals(120, d.volume());
    }

    @Test
    void extentsOfOneAreDroppedAndAllOnesIsOneElement() {
        Dims d = Dims.of(new long[] {1, 7, 1}, new long[] {99, 3, 5});
        assertArrayEquals(new long[] {7}, d.extents());
        assertArrayEquals(new long[] {3}, d.strides()[0]);
        assertFalse(d.contiguous());
        Dims one = Dims.of(new long[] {1, 1}, new long[] {8, 1}, new long[] {2, 1});
        assertTrue(one.contiguous());
        assertEquals(1, one.volume());
    }

    @Test
    void aTransposeDoesNotMergeButAColumnSliceMergesRows() {
        Dims t = Dims.of(new long[] {1027, 513}, new long[] {513, 1}, new long[] {1, 1027});
        assertArrayEquals(new long[] {1027, 513}, t.extents());
        Dims rows = Dims.of(new long[] {10, 20, 30}, new long[] {2000, 100, 1});
        assertArrayEquals(new long[] {200, 30}, rows.extents());
        assertArrayEquals(new long[] {100, 1}, rows.strides()[0]);
    }

    @Test
    void kernelShapePadsToFourDimensions() {
        Dims d = Dims.of(new long[] {3, 5}, new long[] {12, 2});
        Object[] k = d.kernelShape();
        assertArrayEquals(new Object[] {15L, 1L, 3L, 5L, 0L, 0L, 12L, 2L}, k);
        assertEquals(1, d.launches());
    }

    @Test
    void moreThanFourDimensionsLoopOnTheHostAndVisitEveryElementOnce() {
        long[] ext = {3, 4, 5, 6, 7, 8};
        long[] dense = {6720, 1680, 336, 56, 8, 1};
        long[] reversed = {1, 3, 12, 60, 360, 2520};
        Dims d = Dims.of(ext, reversed, dense);
        assertEquals(6, d.extents().length);
        assertEquals(12, d.launches());
        Set<Long> seen = new HashSet<>();
        Object[] k = d.kernelShape();
        long n = (long) k[0];
        long e1 = (long) k[1];
        long e2 = (long) k[2];
        long e3 = (long) k[3];
        for (long l = 0; l < d.launches(); l++) {
            long base = d.launchOffset(0, l);
            for (long i = 0; i < n; i++) {
                long r = i;
                long i3 = r % e3;
                r /= e3;
                long i2 = r % e2;
                r /= e2;
                long i1 = r % e1;
                r /= e1;
                long off = base + r * (long) k[4] + i1 * (long) k[5] + i2 * (long) k[6] + i3 * (long) k[7];
                seen.add(off);
            }
        }
        assertEquals(3L * 4 * 5 * 6 * 7 * 8, seen.size());
    }
}
