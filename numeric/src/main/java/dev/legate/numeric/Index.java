package dev.legate.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One entry of a NumPy index expression: an integer ({@code a[2]}), a slice
 * ({@code a[1:-1:2]}), {@code np.newaxis}, {@code ...}, a boolean mask or an integer index
 * array. Basic entries (integers, slices, newaxis, ellipsis) give views; arrays give copies.
 *
 * <p>{@link #parse(String)} reads NumPy's notation, e.g. {@code "1:-1, ::2, None, ..."}.
 */
public sealed interface Index {
    /** An integer index; negative counts from the end. */
    record At(long index) implements Index {
        @Override
        public String toString() {
            return Long.toString(index);
        }
    }

    /** A slice {@code start:stop:step}; absent bounds take NumPy's defaults for the step's sign. */
    record Slice(OptionalLong start, OptionalLong stop, long step) implements Index {
        /** Validates the step. */
        public Slice {
            if (step == 0) {
                throw new IllegalArgumentException("slice step cannot be zero");
            }
        }

        @Override
        public String toString() {
            return (start.isPresent() ? Long.toString(start.getAsLong()) : "") + ":"
                    + (stop.isPresent() ? Long.toString(stop.getAsLong()) : "") + (step == 1 ? "" : ":" + step);
        }
    }

    /** {@code np.newaxis}: a new dimension of extent 1. */
    record NewAxis() implements Index {
        @Override
        public String toString() {
            return "None";
        }
    }

    /** {@code ...}: as many full slices as the other entries leave dimensions. */
    record Ellipsis() implements Index {
        @Override
        public String toString() {
            return "...";
        }
    }

    /** An advanced index: a boolean mask or an array of integer indices. */
    record Array(NDArray array) implements Index {
        @Override
        public String toString() {
            return "array" + array.shape();
        }
    }

    /** {@code i}. */
    static Index at(long i) {
        return new At(i);
    }

    /** {@code start:stop}. */
    static Index slice(long start, long stop) {
        return new Slice(OptionalLong.of(start), OptionalLong.of(stop), 1);
    }

    /** {@code start:stop:step}. */
    static Index slice(long start, long stop, long step) {
        return new Slice(OptionalLong.of(start), OptionalLong.of(stop), step);
    }

    /** {@code start:}. */
    static Index from(long start) {
        return new Slice(OptionalLong.of(start), OptionalLong.empty(), 1);
    }

    /** {@code :stop}. */
    static Index to(long stop) {
        return new Slice(OptionalLong.empty(), OptionalLong.of(stop), 1);
    }

    /** {@code ::step}. */
    static Index step(long step) {
        return new Slice(OptionalLong.empty(), OptionalLong.empty(), step);
    }

    /** {@code :}. */
    static Index all() {
        return new Slice(OptionalLong.empty(), OptionalLong.empty(), 1);
    }

    /** {@code np.newaxis}. */
    static Index newaxis() {
        return new NewAxis();
    }

    /** {@code ...}. */
    static Index ellipsis() {
        return new Ellipsis();
    }

    /** A boolean mask or integer index array. */
    static Index array(NDArray array) {
        return new Array(array);
    }

    /**
     * Parses NumPy's index notation: comma-separated integers, slices ({@code 1:}, {@code :-1},
     * {@code ::2}), {@code None} or {@code newaxis}, and {@code ...}.
     *
     * @throws IllegalArgumentException naming the entry that cannot be read
     */
    static Index[] parse(String text) {
        List<Index> out = new ArrayList<>();
        String t = text.trim();
        if (t.isEmpty()) {
            return new Index[0];
        }
        for (String part : t.split(",", -1)) {
            String p = part.trim();
            if (p.equals("...")) {
                out.add(ellipsis());
            } else if (p.equals("None") || p.equals("newaxis")) {
                out.add(newaxis());
            } else if (p.contains(":")) {
                String[] f = p.split(":", -1);
                if (f.length > 3) {
                    throw new IllegalArgumentException("cannot read index entry '" + p + "' in '" + text + "'");
                }
                long step = f.length == 3 && !f[2].isBlank() ? number(f[2], p, text) : 1;
                out.add(new Slice(bound(f[0], p, text), bound(f[1], p, text), step));
            } else {
                out.add(at(number(p, p, text)));
            }
        }
        return out.toArray(new Index[0]);
    }

    private static OptionalLong bound(String s, String part, String text) {
        return s.isBlank() ? OptionalLong.empty() : OptionalLong.of(number(s, part, text));
    }

    private static long number(String s, String part, String text) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read index entry '" + part + "' in '" + text + "'", e);
        }
    }
}
