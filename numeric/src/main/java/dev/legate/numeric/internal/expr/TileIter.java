package dev.legate.numeric.internal.expr;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;

/**
 * Walks a tile row by row for several stores at once (the inputs and outputs of an element-wise
 * task, which share the tile's rectangle). Without positions, dimensions that are contiguous
 * for every store are merged and dimensions of extent 1 dropped, so a dense tile is one long
 * row; with positions, rows run along the store's last dimension and the visitor gets their
 * global coordinates.
 */
public final class TileIter {
    /** Receives one row: per store the element index of its first element and the stride. */
    @FunctionalInterface
    public interface RowVisitor {
        void row(long[] offsets, long[] strides, long length, long[] coords);
    }

    private TileIter() {
    }

    /** Visits the rows of {@code rect} in row-major order over the given stores. */
    public static void forEachRow(Rect rect, PhysicalStore[] stores, boolean positional, RowVisitor v) {
        int k = stores.length;
        int nd = rect.ndim();
        long[] offsets = new long[k];
        long[] inner = new long[k];
        if (rect.isEmpty()) {
            return;
        }
        long[] coords = rect.lo();
        for (int i = 0; i < k; i++) {
            offsets[i] = stores[i].origin();
        }
        if (nd == 0) {
            v.row(offsets, inner, 1, coords);
            return;
        }
        long[] ext = new long[nd];
        long[][] str = new long[k][];
        for (int i = 0; i < k; i++) {
            str[i] = stores[i].strides();
        }
        int m;
        if (positional) {
            m = nd;
            for (int d = 0; d < nd; d++) {
                ext[d] = rect.extent(d);
            }
        } else {
            m = coalesce(rect, str, ext);
        }
        if (m == 0) {
            v.row(offsets, inner, 1, coords);
            return;
        }
        for (int i = 0; i < k; i++) {
            inner[i] = str[i][m - 1];
        }
        long rowLen = ext[m - 1];
        if (m == 1) {
            v.row(offsets, inner, rowLen, coords);
            return;
        }
        long[] idx = new long[m - 1];
        long[] base = offsets.clone();
        while (true) {
            v.row(offsets, inner, rowLen, coords);
            int d = m - 2;
            while (d >= 0) {
                idx[d]++;
                if (positional) {
                    coords[d]++;
                }
                if (idx[d] < ext[d]) {
                    for (int i = 0; i < k; i++) {
                        offsets[i] += str[i][d];
                    }
                    break;
                }
                for (int i = 0; i < k; i++) {
                    offsets[i] -= str[i][d] * (ext[d] - 1);
                }
                idx[d] = 0;
                if (positional) {
                    coords[d] = rect.lo(d);
                }
                d--;
            }
            if (d < 0) {
                break;
            }
        }
        System.arraycopy(base, 0, offsets, 0, k);
    }

    /**
     * Drops extent-1 dimensions and merges neighbours that are contiguous for every store;
     * rewrites {@code str} and fills {@code ext} with the merged shape; returns its rank.
     */
    private static int coalesce(Rect rect, long[][] str, long[] ext) {
        int nd = rect.ndim();
        int k = str.length;
        int m = 0;
        for (int d = 0; d < nd; d++) {
            long e = rect.extent(d);
            if (e == 1) {
                continue;
            }
            if (m > 0) {
                boolean merge = true;
                for (int i = 0; i < k && merge; i++) {
                    merge = str[i][m - 1] == str[i][d] * e;
                }
                if (merge) {
                    ext[m - 1] *= e;
                    for (int i = 0; i < k; i++) {
                        str[i][m - 1] = str[i][d];
                    }
                    continue;
                }
            }
            ext[m] = e;
            for (int i = 0; i < k; i++) {
                str[i][m] = str[i][d];
            }
            m++;
        }
        return m;
    }
}
