package dev.legate.core.internal;

import dev.legate.core.Partition;
import dev.legate.core.Rect;
import dev.legate.core.Shape;
import dev.legate.core.Tiling;
import java.util.List;

/** The tiles of a launch's store arguments, one per color. */
final class Tiles {
    private Tiles() {
    }

    /**
     * The tile of {@code args.get(index)}'s partition for each color of {@code launch}. An
     * earlier argument with the same tiling (common: aligned stores of one shape) lends its
     * array, which {@link Dependences} then matches point to point by identity.
     *
     * @param done the tiles of earlier arguments by index (null where none)
     */
    static Rect[] of(Partition part, Shape launch, PointTaskNode[] nodes, Rect[][] done, List<StoreArg> args,
                     int index) {
        for (int i = 0; i < index; i++) {
            Partition other = args.get(i).partition;
            if (done[i] != null && (other == part || part instanceof Tiling && part.equals(other))) {
                return done[i];
            }
        }
        Rect[] t = new Rect[nodes.length];
        if (part instanceof Tiling tiling && nodes.length > 1 && tiling.colorShape().equals(launch)) {
            ofTiling(tiling, t);
        } else {
            for (int c = 0; c < t.length; c++) {
                t[c] = part.tile(nodes[c].taskPoint());
            }
        }
        return t;
    }

    /** The tiles of a tiling whose colors are the launch's, in row-major color order. */
    private static void ofTiling(Tiling tiling, Rect[] out) {
        int nd = tiling.storeShape().ndim();
        long[][] b = new long[nd][];
        for (int d = 0; d < nd; d++) {
            b[d] = tiling.boundaries(d);
        }
        if (nd == 1) {
            long[] b0 = b[0];
            for (int c = 0; c < out.length; c++) {
                out[c] = Rect.of1(b0[c], b0[c + 1]);
            }
            return;
        }
        int[] idx = new int[nd];
        long[] lo = new long[nd];
        long[] hi = new long[nd];
        for (int c = 0; c < out.length; c++) {
            for (int d = 0; d < nd; d++) {
                lo[d] = b[d][idx[d]];
                hi[d] = b[d][idx[d] + 1];
            }
            out[c] = new Rect(lo, hi);
            for (int d = nd - 1; d >= 0; d--) {
                if (++idx[d] < b[d].length - 1) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }
}
