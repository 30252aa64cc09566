package dev.legate.core;

/** Every point task sees the whole store (a broadcast). */
public record Replication(Shape storeShape, Shape colorShape) implements Partition {
    @Override
    public Rect tile(Point color) {
        return storeShape.rect();
    }

    @Override
    public boolean isDisjoint() {
        return colorShape.volume() <= 1;
    }
}
