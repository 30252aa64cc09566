package dev.legate.numeric.internal.gpu;

import dev.legate.core.PhysicalStore;
import java.util.function.BiConsumer;

/**
 * A tile described to a hand-written kernel as at most three dimensions: extents {@code e0..e2},
 * element strides {@code s0..s2} in the tile and row-major strides {@code l0..l2} of the global
 * linear index, with {@code first} the global linear index of the tile's origin. Dimensions of
 * extent 1 are dropped and neighbours that are contiguous in both the tile and the linear index
 * merged; a tile that still has more than three dimensions is split into pieces of three along its
 * leading ones.
 */
record Rank3(long e0, long e1, long e2, long s0, long s1, long s2, long l0, long l1, long l2, long first) {
    /** The number of elements. */
    long volume() {
        return e0 * e1 * e2;
    }

    /** The pieces of {@code s}'s tile: each with its origin's element offset from the tile origin. */
    static Pieces of(PhysicalStore s) {
        long[] shape = s.storeShape().extents();
        int nd = shape.length;
        long[] lin = new long[nd];
        long acc = 1;
        for (int d = nd - 1; d >= 0; d--) {
            lin[d] = acc;
            acc *= shape[d];
        }
        long first = 0;
        for (int d = 0; d < nd; d++) {
            first += s.rect().lo(d) * lin[d];
        }
        long[] e = new long[nd];
        long[] st = new long[nd];
        long[] l = new long[nd];
        int m = 0;
        for (int d = 0; d < nd; d++) {
            long x = s.rect().extent(d);
            if (x == 1) {
                continue;
            }
            if (m > 0 && st[m - 1] == s.stride(d) * x && l[m - 1] == lin[d] * x) {
                e[m - 1] *= x;
                st[m - 1] = s.stride(d);
                l[m - 1] = lin[d];
                continue;
            }
            e[m] = x;
            st[m] = s.stride(d);
            l[m] = lin[d];
            m++;
        }
        return new Pieces(java.util.Arrays.copyOf(e, m), java.util.Arrays.copyOf(st, m),
                java.util.Arrays.copyOf(l, m), first);
    }

    /** The merged dimensions of a tile, visited as pieces of at most three. */
    record Pieces(long[] e, long[] s, long[] l, long first) {
        /** Calls {@code f} with each piece's origin offset (elements from the tile origin) and the piece. */
        void forEach(BiConsumer<Long, Rank3> f) {
            int m = e.length;
            int lead = Math.max(0, m - 3);
            long[] ee = new long[3];
            long[] ss = new long[3];
            long[] ll = new long[3];
            for (int i = 0; i < 3; i++) {
                int d = m - 3 + i;
                ee[i] = d >= 0 ? e[d] : 1;
                ss[i] = d >= 0 ? s[d] : 0;
                ll[i] = d >= 0 ? l[d] : 0;
            }
            long[] idx = new long[lead];
            while (true) {
                long off = 0;
                long at = first;
                for (int d = 0; d < lead; d++) {
                    off += idx[d] * s[d];
                    at += idx[d] * l[d];
                }
                f.accept(off, new Rank3(ee[0], ee[1], ee[2], ss[0], ss[1], ss[2], ll[0], ll[1], ll[2], at));
                int d = lead - 1;
                while (d >= 0 && ++idx[d] == e[d]) {
                    idx[d] = 0;
                    d--;
                }
                if (d < 0) {
                    return;
                }
            }
        }
    }
}
