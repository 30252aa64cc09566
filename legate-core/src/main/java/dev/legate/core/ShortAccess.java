package dev.legate.core;

import java.lang.foreign.ValueLayout;
import java.util.function.LongToIntFunction;

/**
 * Reads and writes the short elements of one tile. Index {@code i} counts the tile's elements in
 * row-major order from 0 to {@link #size()}; {@link #at(long...)} takes store coordinates.
 */
public final class ShortAccess extends TileAccess {
    private static final ValueLayout.OfShort LAYOUT = ValueLayout.JAVA_SHORT;

    ShortAccess(PhysicalStore store) {
        super(store);
    }

    /** Element {@code i} of the tile. */
    public short get(long i) {
        return seg.getAtIndex(LAYOUT, index(i));
    }

    /** Sets element {@code i} of the tile. */
    public void set(long i, short v) {
        checkWritable();
        seg.setAtIndex(LAYOUT, index(i), v);
    }

    /** Sets every element from its index. */
    public void setAll(LongToIntFunction f) {
        checkWritable();
        for (long i = 0, n = size(); i < n; i++) {
            seg.setAtIndex(LAYOUT, indexUnchecked(i), (short) f.applyAsInt(i));
        }
    }

    /** The element at store point {@code p}. */
    public short at(long... p) {
        return seg.getAtIndex(LAYOUT, store.index(p));
    }

    /** Sets the element at store point {@code p}. */
    public void put(short v, long... p) {
        checkWritable();
        seg.setAtIndex(LAYOUT, store.index(p), v);
    }

    /**
     * Combines {@code v} into element {@code i} with the argument's reduction operator.
     *
     * @throws IllegalStateException when the tile does not belong to a reduction argument
     */
    public void reduce(long i, short v) {
        long k = index(i);
        short old = seg.getAtIndex(LAYOUT, k);
        ReductionOp op = reductionOp();
        short r = switch (op) {
            case SUM -> (short) (old + v);
            case PROD -> (short) (old * v);
            case MIN -> (short) Math.min(old, v);
            case MAX -> (short) Math.max(old, v);
            case AND -> (short) (old & v);
            case OR -> (short) (old | v);
            case XOR -> (short) (old ^ v);
            default -> throw new IllegalStateException(op + " does not apply to short elements");
        };
        seg.setAtIndex(LAYOUT, k, r);
    }
}
