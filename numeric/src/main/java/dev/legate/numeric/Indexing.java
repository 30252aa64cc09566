package dev.legate.numeric;

import dev.legate.core.Shape;

/** Index helpers shared by the API classes. */
final class Indexing {
    /** Index texts already parsed: they repeat in loops. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Index[]> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Indexing() {
    }

    /** {@link Index#parse}, remembering recent texts. */
    static Index[] parse(String text) {
        Index[] cached = PARSED.get(text);
        if (cached != null) {
            return cached.clone();
        }
        Index[] r = Index.parse(text);
        if (PARSED.size() < 4096) {
            PARSED.put(text, r.clone());
        }
        return r;
    }

    /**
     * One index per dimension, negatives counted from the end.
     *
     * @throws IndexOutOfBoundsException naming the index, the axis and the extent
     */
    static long[] normalize(long[] index, Shape shape) {
        if (index.length != shape.ndim()) {
            throw new IndexOutOfBoundsException("an array of shape " + shape + " needs " + shape.ndim()
                    + " indices, got " + index.length);
        }
        long[] p = new long[index.length];
        for (int d = 0; d < p.length; d++) {
            long e = shape.extent(d);
            long i = index[d] < 0 ? index[d] + e : index[d];
            if (i < 0 || i >= e) {
                throw new IndexOutOfBoundsException("index " + index[d] + " is out of bounds for axis " + d
                        + " with size " + e);
            }
            p[d] = i;
        }
        return p;
    }
}
