package dev.legate.sparse.internal;

import java.util.Arrays;

/** Column indices and values of a row block being built by a task body, grown as needed. */
final class Growable {
    int[] cols;
    double[] vals;
    int size;

    Growable(int capacity) {
        cols = new int[Math.max(16, capacity)];
        vals = new double[Math.max(16, capacity)];
    }

    void add(long col, double val) {
        if (size == cols.length) {
            int cap = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, 2L * size));
            cols = Arrays.copyOf(cols, cap);
            vals = Arrays.copyOf(vals, cap);
        }
        cols[size] = (int) col;
        vals[size++] = val;
    }
}
