package dev.legate.core;

import java.lang.foreign.ValueLayout;
import java.util.function.LongToIntFunction;

/**
 * Reads and writes the byte elements of one tile. Index {@code i} counts the tile's elements in
 * row-major order from 0 to {@link #size()}; {@link #at(long...)} takes store coordinates.
 */
public final class ByteAccess extends TileAccess {
    private static final ValueLayout.OfByte LAYOUT = ValueLayout.JAVA_BYTE;

    ByteAccess(PhysicalStore store) {
        super(store);
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
        for (long i = 0, n = size(); i < n; i++) {
            seg.setAtIndex(LAYOUT, indexUnchecked(i), (byte) f.applyAsInt(i));
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
        ReductionOp op = reductionOp();
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
}
