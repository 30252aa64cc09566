package dev.legate.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * A relation between the partitions of a task's store arguments, from which the runtime
 * derives how to split the task. See {@link AutoTask}.
 */
public sealed interface Constraint {
    /** The two stores, of equal shape, are split identically. */
    static Constraint align(Variable a, Variable b) {
        return new Align(a, b);
    }

    /**
     * Dimensions {@code dims} of the store are not split (every point task sees them whole);
     * with no dims the store is not split at all.
     */
    static Constraint broadcast(Variable v, int... dims) {
        return new Broadcast(v, dims.clone());
    }

    /**
     * Each tile of {@code dst} is the set of points named by the values in the matching tile of
     * {@code src} (integer indices into the 1-d {@code dst}), to its bounding range.
     */
    static Constraint image(Variable src, Variable dst) {
        return new Image(src, Optional.empty(), dst);
    }

    /**
     * Each tile of {@code dst} is the union of the ranges {@code [lo[i], hi[i])} over the rows
     * {@code i} of the matching tiles of {@code lo} and {@code hi} (as CSR row offsets).
     */
    static Constraint imageRanges(Variable lo, Variable hi, Variable dst) {
        return new Image(lo, Optional.of(hi), dst);
    }

    /** Tiles of {@code big} are the tiles of {@code small} scaled by {@code factors} per dimension. */
    static Constraint scale(long[] factors, Variable small, Variable big) {
        return new Scale(factors.clone(), small, big);
    }

    /**
     * Tiles of {@code dst} are the tiles of {@code src} grown by {@code low} and {@code high}
     * elements per dimension (a halo), clipped to the store.
     */
    static Constraint bloat(Variable src, Variable dst, long[] low, long[] high) {
        return new Bloat(src, dst, low.clone(), high.clone());
    }

    /** See {@link Constraint#align}. */
    record Align(Variable a, Variable b) implements Constraint {
        @Override
        public String toString() {
            return "align(" + a + ", " + b + ")";
        }
    }

    /** See {@link Constraint#broadcast}. */
    record Broadcast(Variable variable, int[] dims) implements Constraint {
        @Override
        public String toString() {
            return "broadcast(" + variable + (dims.length == 0 ? "" : ", " + Arrays.toString(dims)) + ")";
        }
    }

    /** See {@link Constraint#image} and {@link Constraint#imageRanges}. */
    record Image(Variable src, Optional<Variable> srcHi, Variable dst) implements Constraint {
        @Override
        public String toString() {
            return "image(" + src + srcHi.map(h -> ", " + h).orElse("") + " -> " + dst + ")";
        }
    }

    /** See {@link Constraint#scale}. */
    record Scale(long[] factors, Variable small, Variable big) implements Constraint {
        @Override
        public String toString() {
            return "scale(" + Arrays.toString(factors) + ", " + small + " -> " + big + ")";
        }
    }

    /** See {@link Constraint#bloat}. */
    record Bloat(Variable src, Variable dst, long[] low, long[] high) implements Constraint {
        @Override
        public String toString() {
            return "bloat(" + src + " -> " + dst + ", " + Arrays.toString(low) + ", " + Arrays.toString(high) + ")";
        }
    }
}
