package dev.legate.core;

import java.lang.foreign.ValueLayout;
import java.util.function.LongToDoubleFunction;

/**
 * Reads and writes the double elements of one tile. Index {@code i} counts the tile's elements in
 * row-major order from 0 to {@link #size()}; {@link #at(long...)} takes store coordinates.
 */
public final class DoubleAccess extends TileAccess {
    private static final ValueLayout.OfDouble LAYOUT = ValueLayout.JAVA_DOUBLE;

    DoubleAccess(PhysicalStore store) {
        super(store);
    }

    /** Element {@code i} of the tile. */
    public double get(long i) {
        return seg.getAtIndex(LAYOUT, index(i));
    }

    /** Sets element {@code i} of the tile. */
    public void set(long i, double v) {
        checkWritable();
        seg.setAtIndex(LAYOUT, index(i), v);
    }

    /** Sets every element from its index. */
    public void setAll(LongToDoubleFunction f) {
        checkWritable();
        for (long i = 0, n = size(); i < n; i++) {
            seg.setAtIndex(LAYOUT, indexUnchecked(i), f.applyAsDouble(i));
        }
    }

    /** The element at store point {@code p}. */
    public double at(long... p) {
        return seg.getAtIndex(LAYOUT, store.index(p));
    }

    /** Sets the element at store point {@code p}. */
    public void put(double v, long... p) {
        checkWritable();
        seg.setAtIndex(LAYOUT, store.index(p), v);
    }

    /**
     * Combines {@code v} into element {@code i} with the argument's reduction operator.
     *
     * @throws IllegalStateException when the tile does not belong to a reduction argument
     */
    public void reduce(long i, double v) {
        long k = index(i);
        double old = seg.getAtIndex(LAYOUT, k);
        ReductionOp op = reductionOp();
        double r = switch (op) {
            case SUM -> old + v;
            case PROD -> old * v;
            case MIN -> Math.min(old, v);
            case MAX -> Math.max(old, v);
            default -> throw new IllegalStateException(op + " does not apply to double elements");
        };
        seg.setAtIndex(LAYOUT, k, r);
    }
}
