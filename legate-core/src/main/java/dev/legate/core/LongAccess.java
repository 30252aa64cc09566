package dev.legate.core;

import java.lang.foreign.ValueLayout;
import java.util.function.LongUnaryOperator;

/**
 * Reads and writes the long elements of one tile. Index {@code i} counts the tile's elements in
 * row-major order from 0 to {@link #size()}; {@link #at(long...)} takes store coordinates.
 */
public final class LongAccess extends TileAccess {
    private static final ValueLayout.OfLong LAYOUT = ValueLayout.JAVA_LONG;

    LongAccess(PhysicalStore store) {
        super(store);
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
        for (long i = 0, n = size(); i < n; i++) {
            seg.setAtIndex(LAYOUT, indexUnchecked(i), f.applyAsLong(i));
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
        ReductionOp op = reductionOp();
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
}
