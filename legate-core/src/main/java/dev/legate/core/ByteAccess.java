package dev.legate.core;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.LongToIntFunction;

/**
 * Reads and writes the byte elements of one tile. Index {@code i} counts the tile's elements in
 * row-major order from 0 to {@link #size()}; {@link #at(long...)} takes store coordinates.
 */
public final class ByteAccess {
    private static final ValueLayout.OfByte LAYOUT = ValueLayout.JAVA_BYTE;
    private final PhysicalStore store;
    private final MemorySegment seg;
    private final boolean contiguous;
    private final long origin;
    private final long size;

    ByteAccess(PhysicalStore store) {
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
    public byte get(long i) {
        return seg.getAtIndex(LAYOUT, index(i));
    }

    /** Sets element {@code i} of the tile. */
    public void set(long i, byte v) {
        checkWritable();
        seg.setAtIndex(LAYOUT, index(i), v);
    }

    /** Sets every element from its index. */
    public void setAll(LongToIntFunction f) {
        checkWritable();
        for (long i = 0; i < size; i++) {
            seg.setAtIndex(LAYOUT, contiguous ? origin + i : store.linearIndex(i), (byte) f.applyAsInt(i));
        }
    }

    /** The element at store point {@code p}. */
    public byte at(long... p) {
        return seg.getAtIndex(LAYOUT, store.index(p));
    }

    /** Sets the element at store point {@code p}. */
    public void put(byte v, long... p) {
        checkWritable();
        seg.setAtIndex(LAYOUT, store.index(p), v);
    }

    /**
     * Combines {@code v} into element {@code i} with the argument's reduction operator.
     *
     * @throws IllegalStateException when the tile does not belong to a reduction argument
     */
    public void reduce(long i, byte v) {
        long k = index(i);
        byte old = seg.getAtIndex(LAYOUT, k);
        ReductionOp op = store.reductionOp().orElseThrow(
                () -> new IllegalStateException("reduce() needs a tile of a reduction argument"));
        byte r = switch (op) {
            case SUM -> (byte) (old + v);
            case PROD -> (byte) (old * v);
            case MIN -> (byte) Math.min(old, v);
            case MAX -> (byte) Math.max(old, v);
            case AND -> (byte) (old & v);
            case OR -> (byte) (old | v);
            case XOR -> (byte) (old ^ v);
            default -> throw new IllegalStateException(op + " does not apply to byte elements");
        };
        seg.setAtIndex(LAYOUT, k, r);
    }

    private void checkWritable() {
        if (!store.isWritable()) {
            throw new IllegalStateException("tile " + store.rect() + " is read-only");
        }
    }
}
