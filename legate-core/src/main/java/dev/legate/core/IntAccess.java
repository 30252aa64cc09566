package dev.legate.core;

import java.lang.foreign.ValueLayout;
import java.util.function.LongToIntFunction;

/**
 * Reads and writes the int elements of one tile. Index {@code i} counts the tile's elements in
 * row-major order from 0 to {@link #size()}; {@link #at(long...)} takes store coordinates.
 */
public final class IntAccess extends TileAccess {
    private static final ValueLayout.OfInt LAYOUT = ValueLayout.JAVA_INT;

    IntAccess(PhysicalStore store) {
        super(store);
    }

    /** Element {@code i} of the tile. */
    public int get(long i) {
        return seg.getAtIndex(LAYOUT, index(i));
    }

    /** Sets element {@code i} of the tile. */
    public void set(long i, int v) {
        checkWritable();
        seg.setAtIndex(LAYOUT, index(i), v);
    }

    /** Sets every element from its index. */
    public void setAll(LongToIntFunction f) {
        checkWritable();
        for (long i = 0, n = size(); i < n; i++) {
            seg.setAtIndex(LAYOUT, indexUnchecked(i), f.applyAsInt(i));
        }
    }

    /** The element at store point {@code p}. */
    public int at(long... p) {
        return seg.getAtIndex(LAYOUT, store.index(p));
    }

    /** Sets the element at store point {@code p}. */
    public void put(int v, long... p) {
        checkWritable();
        seg.setAtIndex(LAYOUT, store.index(p), v);
    }

    /**
     * Combines {@code v} into element {@code i} with the argument's reduction operator.
     *
     * @throws IllegalStateException when the tile does not belong to a reduction argument
     */
    public void reduce(long i, int v) {
        long k = index(i);
        int old = seg.getAtIndex(LAYOUT, k);
        ReductionOp op = reductionOp();
        int r = switch (op) {
            case SUM -> old + v;
            case PROD -> old * v;
            case MIN -> Math.min(old, v);
            case MAX -> Math.max(old, v);
            case AND -> old & v;
            case OR -> old | v;
            case XOR -> old ^ v;
            default -> throw new IllegalStateException(op + " does not apply to int elements");
        };
        seg.setAtIndex(LAYOUT, k, r);
    }
}
