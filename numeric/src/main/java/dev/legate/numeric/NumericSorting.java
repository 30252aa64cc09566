package dev.legate.numeric;

import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.ops.Sorts;

/** Sorting, searching, sets and random numbers of {@link Numeric}; see there. */
abstract class NumericSorting extends NumericLinalg {
    NumericSorting() {
    }

    private static volatile Generator defaultGenerator;

    /** NumPy's {@code sort(a)} along the last axis. */
    public static NDArray sort(Object a) {
        NDArray x = asarray(a);
        return sort(x, x.ndim() == 0 ? null : -1);
    }

    /** NumPy's {@code sort(a, axis)} (null axis: the flattened array); NaNs sort last. */
    public static NDArray sort(Object a, Integer axis) {
        return wrap(Sorts.sort(impl(asarray(a)), axis, Sorts.Kind.SORT, new long[0]));
    }

    /** NumPy's {@code argsort(a)} along the last axis (stable). */
    public static NDArray argsort(Object a) {
        NDArray x = asarray(a);
        return argsort(x, x.ndim() == 0 ? null : -1);
    }

    /** NumPy's {@code argsort(a, axis, kind='stable')} (null axis: the flattened array). */
    public static NDArray argsort(Object a, Integer axis) {
        return wrap(Sorts.sort(impl(asarray(a)), axis, Sorts.Kind.ARGSORT, new long[0]));
    }

    /**
     * NumPy's {@code partition(a, kth)} along the last axis: the elements at the {@code kth}
     * positions are where a sort would put them, smaller ones before, larger ones after.
     */
    public static NDArray partition(Object a, long... kth) {
        return wrap(Sorts.sort(impl(asarray(a)), -1, Sorts.Kind.PARTITION, kth));
    }

    /** NumPy's {@code argpartition(a, kth)} along the last axis. */
    public static NDArray argpartition(Object a, long... kth) {
        return wrap(Sorts.sort(impl(asarray(a)), -1, Sorts.Kind.ARGPARTITION, kth));
    }

    /** NumPy's {@code searchsorted(a, v)} (side "left") for a sorted 1-d {@code a}. */
    public static NDArray searchsorted(Object a, Object v) {
        return searchsorted(a, v, "left");
    }

    /** NumPy's {@code searchsorted(a, v, side)} with side "left" or "right". */
    public static NDArray searchsorted(Object a, Object v, String side) {
        if (!side.equals("left") && !side.equals("right")) {
            throw new IllegalArgumentException("side must be 'left' or 'right', got '" + side + "'");
        }
        return wrap(Sorts.searchsorted(impl(asarray(a)), impl(asarray(v)), side.equals("right")));
    }

    /** NumPy's {@code unique(a)}: the sorted distinct values of the flattened array. */
    public static NDArray unique(Object a) {
        return wrap(Sorts.unique(impl(asarray(a)))[0]);
    }

    /** NumPy's {@code unique(a, return_counts=True)}: {values, counts}. */
    public static NDArray[] uniqueCounts(Object a) {
        ArrayImpl[] r = Sorts.unique(impl(asarray(a)));
        return new NDArray[] {wrap(r[0]), wrap(r[1])};
    }

    /** NumPy's {@code random.default_rng(seed)}. */
    public static Generator defaultRng(long seed) {
        return Generator.of(seed);
    }

    /**
     * The default generator, seeded once from the clock (NumPy's {@code default_rng()}); use
     * {@link #defaultRng(long)} for reproducible numbers.
     */
    public static Generator random() {
        Generator g = defaultGenerator;
        if (g == null) {
            synchronized (NumericSorting.class) {
                g = defaultGenerator;
                if (g == null) {
                    g = Generator.of(System.nanoTime() ^ 0x5DEECE66DL * Thread.currentThread().threadId());
                    defaultGenerator = g;
                }
            }
        }
        return g;
    }
}
