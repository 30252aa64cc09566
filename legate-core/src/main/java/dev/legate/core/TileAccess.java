package dev.legate.core;

import java.lang.foreign.MemorySegment;

/**
 * What the typed accessors ({@link DoubleAccess}, {@link LongAccess}, ...) share: the tile's
 * segment, element numbering and checks. Index {@code i} counts the tile's elements in row-major
 * order from 0 to {@link #size()}.
 */
public abstract sealed class TileAccess
        permits DoubleAccess, FloatAccess, LongAccess, IntAccess, ShortAccess, ByteAccess {
    /** The tile. */
    protected final PhysicalStore store;
    /** The tile's host instance. */
    protected final MemorySegment seg;
    private final boolean contiguous;
    private final long origin;
    private final long size;

    TileAccess(PhysicalStore store) {
        this.store = store;
        this.seg = store.segment();
        this.contiguous = store.isContiguous();
        this.origin = store.origin();
        this.size = store.volume();
    }

    /** The element index in the instance of the tile's element {@code i}, bounds-checked. */
    protected final long index(long i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("element " + i + " of a tile of " + size + " elements " + store.rect());
        }
        return contiguous ? origin + i : store.linearIndex(i);
    }

    /** The element index of element {@code i}, which the caller knows to be in range. */
    protected final long indexUnchecked(long i) {
        return contiguous ? origin + i : store.linearIndex(i);
    }

    /** The number of elements in the tile. */
    public final long size() {
        return size;
    }

    /** Throws unless the tile may be written. */
    protected final void checkWritable() {
        if (!store.isWritable()) {
            throw new IllegalStateException("tile " + store.rect() + " is read-only");
        }
    }

    /** The reduction operator of a reduction argument's tile. */
    protected final ReductionOp reductionOp() {
        return store.reductionOp().orElseThrow(
                () -> new IllegalStateException("reduce() needs a tile of a reduction argument"));
    }
}
