package dev.legate.numeric.internal.gpu;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;
import java.util.Arrays;
import java.util.List;

/**
 * The iteration space of a kernel over one tile, shared by several stores of the same rectangle
 * (inputs broadcast to it and, for element-wise kernels, the output): its extents and, per store,
 * the element stride of each dimension. Without positions, extent-1 dimensions are dropped and
 * neighbours contiguous for every store merged (as {@code TileIter} does on the CPU), so a dense
 * tile is one long row; with positions every dimension is kept and {@link #lo} holds the tile's
 * global origin. A 0-d or fully merged tile has rank 1.
 *
 * <p>Kernels address element {@code (q0, ..., q_{m-1})} of the tile (local coordinates) of store
 * {@code k} at {@code ptr_k + sum_d q_d * strides[k][d]}, {@code ptr_k} being the device address of
 * the store's tile origin.
 */
final class Geometry {
    /** The rank after merging (at least 1). */
    final int rank;
    /** Extents per dimension. */
    final long[] extents;
    /** Per store, element strides per dimension. */
    final long[][] strides;
    /** The tile's global origin per dimension (kept dimensions only, so meaningful when positional). */
    final long[] lo;

    private Geometry(int rank, long[] extents, long[][] strides, long[] lo) {
        this.rank = rank;
        this.extents = extents;
        this.strides = strides;
        this.lo = lo;
    }

    /** The geometry of {@code rect} over {@code stores}, merged unless {@code positional}. */
    static Geometry of(Rect rect, List<PhysicalStore> stores, boolean positional) {
        int nd = rect.ndim();
        int k = stores.size();
        long[][] str = new long[k][];
        for (int i = 0; i < k; i++) {
            str[i] = nd == 0 ? new long[0] : stores.get(i).strides();
        }
        if (nd == 0) {
            long[][] s = new long[k][1];
            return new Geometry(1, new long[] {1}, s, new long[] {0});
        }
        if (positional) {
            long[] ext = new long[nd];
            for (int d = 0; d < nd; d++) {
                ext[d] = rect.extent(d);
            }
            return new Geometry(nd, ext, str, rect.lo());
        }
        long[] ext = new long[nd];
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
        if (m == 0) {
            return new Geometry(1, new long[] {1}, new long[k][1], new long[] {0});
        }
        long[][] s = new long[k][];
        for (int i = 0; i < k; i++) {
            s[i] = Arrays.copyOf(str[i], m);
        }
        return new Geometry(m, Arrays.copyOf(ext, m), s, new long[m]);
    }

    /** The number of elements. */
    long volume() {
        long v = 1;
        for (long e : extents) {
            v *= e;
        }
        return v;
    }

    /** The extent of the innermost dimension. */
    long inner() {
        return extents[rank - 1];
    }

    /** The number of rows (the product of the outer extents). */
    long rows() {
        long v = 1;
        for (int d = 0; d < rank - 1; d++) {
            v *= extents[d];
        }
        return v;
    }

    /** The class of store {@code k}'s innermost stride: 'u' (1), 'z' (0) or 'g' (any other). */
    char innerClass(int k) {
        long s = strides[k][rank - 1];
        return s == 1 ? 'u' : s == 0 ? 'z' : 'g';
    }
}
