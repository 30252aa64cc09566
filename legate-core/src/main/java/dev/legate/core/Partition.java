package dev.legate.core;

/**
 * How a store is split among the point tasks of a launch: for each color (point of the launch
 * domain) the rectangle of the store that point task accesses. Partitions are values.
 */
public sealed interface Partition permits Tiling, Replication, ExplicitPartition {
    /** The shape of the store this partition was made for. */
    Shape storeShape();

    /** The launch domain: one color per point task. */
    Shape colorShape();

    /** The rectangle (store coordinates) of the tile with color {@code color}; may be empty. */
    Rect tile(Point color);

    /** Whether no two tiles overlap. */
    boolean isDisjoint();

    /** The number of colors. */
    default long colorCount() {
        return colorShape().volume();
    }
}
