package dev.legate.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.Rect;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Root images of view tiles: bounding boxes, and whether the image fills its box. */
class StoreViewTest {
    private static Rect rect(long[] lo, long[] hi) {
        return new Rect(lo, hi);
    }

    @Test
    void tilesOfADelinearizedViewFillTheirBoundsOnlyWhenTheyCoverWholeInnerRows() {
        StoreView v = StoreView.identity(new long[] {900_000}).delinearize(0, new long[] {6, 50, 3000});
        assertTrue(v.imageFillsBounds(rect(new long[] {0, 0, 0}, new long[] {3, 50, 3000})), "cut in dim 0");
        assertTrue(v.imageFillsBounds(rect(new long[] {2, 7, 0}, new long[] {3, 9, 3000})), "two whole rows");
        assertFalse(v.imageFillsBounds(rect(new long[] {0, 0, 0}, new long[] {6, 50, 2048})), "cut in dim 2");
        assertFalse(v.imageFillsBounds(rect(new long[] {0, 0, 0}, new long[] {6, 25, 3000})), "cut in dim 1");
        assertTrue(v.imageFillsBounds(rect(new long[] {4, 3, 100}, new long[] {5, 4, 2000})), "part of one row");
        StoreView interior = StoreView.identity(new long[] {100}).delinearize(0, new long[] {10, 10})
                .slice(0, 1, 1, 8).slice(1, 1, 1, 8);
        assertFalse(interior.imageFillsBounds(rect(new long[] {0, 0}, new long[] {4, 8})), "rows with gaps");
        assertTrue(StoreView.identity(new long[] {5, 7}).transpose(new int[] {1, 0})
                .imageFillsBounds(rect(new long[] {1, 1}, new long[] {3, 4})), "transposed 2-d root");
        assertTrue(StoreView.identity(new long[] {40}).delinearize(0, new long[] {4, 10}).promote(1, 6)
                .imageFillsBounds(rect(new long[] {1, 0, 0}, new long[] {3, 6, 10})), "promoted rows");
    }

    /** Every root point the view rectangle maps to (brute force). */
    private static Set<Long> image(StoreView v, Rect r) {
        Set<Long> out = new HashSet<>();
        int n = v.ndim();
        long[] p = r.lo();
        while (true) {
            out.add(v.toRoot(p)[0]);
            int d = n - 1;
            while (d >= 0 && ++p[d] == r.hi(d)) {
                p[d] = r.lo(d);
                d--;
            }
            if (d < 0) {
                return out;
            }
        }
    }

    @Property(tries = 300)
    void fillsBoundsExactlyWhenTheBruteForceImageDoes(@ForAll @IntRange(min = 1, max = 5) int e0,
                                                        @ForAll @IntRange(min = 1, max = 5) int e1,
                                                        @ForAll @IntRange(min = 1, max = 6) int e2,
                                                        @ForAll @IntRange(min = 1, max = 3) int step,
                                                        @ForAll @IntRange(min = 0, max = 5) int transpose,
                                                        @ForAll @IntRange(min = 0, max = 1000) int cut) {
        StoreView v = StoreView.identity(new long[] {(long) e0 * e1 * e2 * step})
                .delinearize(0, new long[] {e0, e1, (long) e2 * step});
        v = v.slice(2, 0, step, e2);
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        v = v.transpose(perms[transpose]);
        long[] lo = new long[3];
        long[] hi = new long[3];
        int c = cut;
        for (int d = 0; d < 3; d++) {
            long e = v.extent(d);
            lo[d] = c % e;
            c /= (int) e;
            hi[d] = lo[d] + 1 + c % (e - lo[d]);
            c /= 2;
        }
        Rect r = rect(lo, hi);
        Rect b = v.rootBounds(r);
        boolean fills = image(v, r).size() == b.volume();
        assertEquals(fills, v.imageFillsBounds(r), "view tile " + r + " bounds " + b);
    }
}
