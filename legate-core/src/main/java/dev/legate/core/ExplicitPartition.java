package dev.legate.core;

import java.util.Arrays;

/**
 * A partition given tile by tile, as derived ones are (images of another store's contents,
 * halos grown from a tiling, scaled tilings). Tiles may overlap.
 */
public final class ExplicitPartition implements Partition {
    private final Shape storeShape;
    private final Shape colorShape;
    private final Rect[] tiles;
    private final String kind;

    /** A partition with one rectangle per color, in row-major color order. */
    public ExplicitPartition(Shape storeShape, Shape colorShape, Rect[] tiles, String kind) {
        if (tiles.length != colorShape.volume()) {
            throw new IllegalArgumentException(tiles.length + " tiles for " + colorShape.volume() + " colors");
        }
        this.storeShape = storeShape;
        this.colorShape = colorShape;
        this.tiles = tiles.clone();
        this.kind = kind;
    }

    @Override
    public Shape storeShape() {
        return storeShape;
    }

    @Override
    public Shape colorShape() {
        return colorShape;
    }

    @Override
    public Rect tile(Point color) {
        return tiles[(int) color.linearize(colorShape)];
    }

    /** The tile of the color with row-major index {@code i}. */
    public Rect tile(int i) {
        return tiles[i];
    }

    /** What derived this partition ("image", "bloat", "scale", ...). */
    public String kind() {
        return kind;
    }

    @Override
    public boolean isDisjoint() {
        for (int i = 0; i < tiles.length; i++) {
            for (int j = i + 1; j < tiles.length; j++) {
                if (tiles[i].overlaps(tiles[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExplicitPartition p && p.storeShape.equals(storeShape) && Arrays.equals(p.tiles, tiles);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tiles);
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(tiles);
    }
}
