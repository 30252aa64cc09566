package dev.legate.core;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.LongUnaryOperator;

/**
 * Reads and writes the long elements of one tile. Index {@code i} counts the tile's elements in
 * row-major order from 0 to {@link #size()}; {@link #at(long...)} takes store coordinates.
 */
public final class LongAccess {
    private static final ValueLayout.OfLong LAYOUT = ValueLayout.JAVA_LONG;
    private final PhysicalStore store;
    private final MemorySegment seg;
    private final boolean contiguous;
    private final long origin;
    private final long size;

    LongAccess(PhysicalStore store) {
        this.store = store;
        this.seg = store.segment();
        this.contiguous = store.isContiguous();
        this.origin = store.origin();
        this.size = store.volume();
    }

    private long index(long i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("element " + i + " of a tile of " + size + " elements " + store.rect());
        }
        return contiguous ? origin + i : store.linearIndex(i);
    }

    /** The number of elements in the tile. */
    public long size() {
        return size;
    }

    /** Element {@code i} of the tile. */
    public long get(long i) {
        return seg.getAtIndex(LAYOUT, index(i));
    }

    /** Sets element {@code i} of the tile. */
    public void set(long i, long v) {
        checkWritable();
        seg.setAtIndex(LAYOUT, index(i), v);
    }

    /** Sets every element from its index. */
    public void setAll(LongUnaryOperator f) {
        checkWritable();
        for (long i = 0; i < size; i++) {
            seg.setAtIndex(LAYOUT, contiguous ? origin + i : store.linearIndex(i), f.applyAsLong(i));
        }
    }

    /** The element at store point {@code p}. */
    public long at(long... p) {
        return seg.getAtIndex(LAYOUT, store.index(p));
    }

    /** Sets the element at store point {@code p}. */
    public void put(long v, long... p) {
        checkWritable();
        seg.setAtIndex(LAYOUT, store.index(p), v);
    }

    /**
     * Combines {@code v} into element {@code i} with the argument's reduction operator.
     *
     * @throws IllegalStateException when the tile does not belong to a reduction argument
     */
    public void reduce(long i, long v) {
        long k = index(i);
        long old = seg.getAtIndex(LAYOUT, k);
        ReductionOp op = store.reductionOp().orElseThrow(
                () -> new IllegalStateException("reduce() needs a tile of a reduction argument"));
        long r = switch (op) {
            case SUM -> old + v;
            case PROD -> old * v;
            case MIN -> Math.min(old, v);
            case MAX -> Math.max(old, v);
            case AND -> old & v;
            case OR -> old | v;
            case XOR -> old ^ v;
            default -> throw new IllegalStateException(op + " does not apply to long elements");
        };
        seg.setAtIndex(LAYOUT, k, r);
    }

    private void checkWritable() {
        if (!store.isWritable()) {
            throw new IllegalStateException("tile " + store.rect() + " is read-only");
        }
    }
}
