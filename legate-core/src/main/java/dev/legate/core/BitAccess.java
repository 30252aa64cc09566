package dev.legate.core;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads and writes the bits of a validity bitmap tile (Arrow layout: bit {@code k} of the
 * bitmap is bit {@code k % 8} of byte {@code k / 8}, least significant first). Index {@code i}
 * counts the tile's elements from 0. Tiles of bitmaps start at multiples of 8 elements, so two
 * tasks never write the same byte.
 */
public final class BitAccess {
    private final PhysicalStore store;
    private final MemorySegment seg;
    private final long origin;
    private final long size;

    BitAccess(PhysicalStore store) {
        if (store.ndim() != 1) {
            throw new ShapeMismatchException("validity bitmaps are 1-d, got a tile " + store.rect());
        }
        this.store = store;
        this.seg = store.segment();
        this.origin = store.origin();
        this.size = store.volume();
    }

    /** The number of bits in the tile. */
    public long size() {
        return size;
    }

    /** Bit {@code i} of the tile. */
    public boolean get(long i) {
        long k = bit(i);
        return (seg.get(ValueLayout.JAVA_BYTE, k >>> 3) >>> (k & 7) & 1) != 0;
    }

    /** Sets bit {@code i} of the tile. */
    public void set(long i, boolean v) {
        if (!store.isWritable()) {
            throw new IllegalStateException("bitmap tile " + store.rect() + " is read-only");
        }
        long k = bit(i);
        byte b = seg.get(ValueLayout.JAVA_BYTE, k >>> 3);
        int m = 1 << (k & 7);
        seg.set(ValueLayout.JAVA_BYTE, k >>> 3, (byte) (v ? b | m : b & ~m));
    }

    private long bit(long i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("bit " + i + " of a tile of " + size + " bits " + store.rect());
        }
        return origin + i;
    }
}
