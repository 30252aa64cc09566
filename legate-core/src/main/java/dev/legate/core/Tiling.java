package dev.legate.core;

import java.util.Arrays;

/**
 * A disjoint, complete partition into a grid of rectangles: dimension {@code d} is cut at
 * {@code boundaries[d]} ({@code 0 = b[0] <= b[1] <= ... <= b[k] = extent}). Tiles may differ in
 * size or be empty, as when an unbound store is assembled from the parts its point tasks
 * produced.
 */
public final class Tiling implements Partition {
    private final Shape storeShape;
    private final long[][] boundaries;

    private Tiling(Shape storeShape, long[][] boundaries) {
        this.storeShape = storeShape;
        this.boundaries = boundaries;
    }

    /**
     * A tiling with explicit cut points per dimension.
     *
     * @throws IllegalArgumentException when a dimension's cuts do not start at 0, end at the
     *         extent and increase
     */
    public static Tiling ofBoundaries(Shape storeShape, long[][] boundaries) {
        if (boundaries.length != storeShape.ndim()) {
            throw new ShapeMismatchException("tiling of a " + storeShape.ndim() + "-d store " + storeShape + " needs "
                    + storeShape.ndim() + " boundary lists, got " + boundaries.length);
        }
        long[][] b = new long[boundaries.length][];
        for (int d = 0; d < b.length; d++) {
            b[d] = boundaries[d].clone();
            long ext = storeShape.extent(d);
            boolean ok = b[d].length >= 2 && b[d][0] == 0 && b[d][b[d].length - 1] == ext;
            for (int i = 1; ok && i < b[d].length; i++) {
                ok = b[d][i] >= b[d][i - 1];
            }
            if (!ok) {
                throw new IllegalArgumentException("boundaries " + Arrays.toString(b[d]) + " of dimension " + d
                        + " must not decrease and must run from 0 to the extent " + ext);
            }
        }
        return new Tiling(storeShape, b);
    }

    /** Tiles of shape {@code tileShape} from the origin; the last tile per dimension may be smaller. */
    public static Tiling ofTileShape(Shape storeShape, long... tileShape) {
        if (tileShape.length != storeShape.ndim()) {
            throw new ShapeMismatchException("tile shape " + Arrays.toString(tileShape) + " does not match the "
                    + storeShape.ndim() + "-d store " + storeShape);
        }
        long[][] b = new long[tileShape.length][];
        for (int d = 0; d < b.length; d++) {
            if (tileShape[d] <= 0) {
                throw new IllegalArgumentException("tile extents must be positive, got " + Arrays.toString(tileShape));
            }
            long ext = storeShape.extent(d);
            int n = (int) Math.max(1, (ext + tileShape[d] - 1) / tileShape[d]);
            b[d] = new long[n + 1];
            for (int i = 0; i <= n; i++) {
                b[d][i] = Math.min(ext, i * tileShape[d]);
            }
        }
        return new Tiling(storeShape, b);
    }

    /** The cut points of dimension {@code d}. */
    public long[] boundaries(int d) {
        return boundaries[d].clone();
    }

    @Override
    public Shape storeShape() {
        return storeShape;
    }

    @Override
    public Shape colorShape() {
        long[] c = new long[boundaries.length];
        for (int d = 0; d < c.length; d++) {
            c[d] = boundaries[d].length - 1;
        }
        return Shape.of(c);
    }

    @Override
    public Rect tile(Point color) {
        long[] lo = new long[boundaries.length];
        long[] hi = new long[boundaries.length];
        for (int d = 0; d < lo.length; d++) {
            int c = (int) color.get(d);
            lo[d] = boundaries[d][c];
            hi[d] = boundaries[d][c + 1];
        }
        return new Rect(lo, hi);
    }

    @Override
    public boolean isDisjoint() {
        return true;
    }

    /** Whether a dimension is cut at all. */
    public boolean splits(int d) {
        return boundaries[d].length > 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tiling t && t.storeShape.equals(storeShape) && Arrays.deepEquals(t.boundaries, boundaries);
    }

    @Override
    public int hashCode() {
        return storeShape.hashCode() * 31 + Arrays.deepHashCode(boundaries);
    }

    @Override
    public String toString() {
        return "Tiling" + colorShape() + " of " + storeShape;
    }
}
