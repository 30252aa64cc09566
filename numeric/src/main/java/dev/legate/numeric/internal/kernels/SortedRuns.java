package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Operations over sorted data: {@link #unique} (NumPy's {@code unique} with index, inverse and
 * counts) and the stable k-way {@link #merge} of sorted runs, with which a distributed sort
 * combines per-tile sorted pieces.
 *
 * <p>Order and equality are {@link SortKey}'s: NaNs last and all equal to each other (NumPy 2's
 * {@code equal_nan=True}), {@code -0.0 == 0.0}. Results are pure functions of the inputs.
 */
public final class SortedRuns {
    /**
     * The unique elements of a run, in sorted order, each as the index of its first occurrence.
     *
     * @param first for each unique element, the index in the run of its first occurrence (its
     *     value is the unique value; NumPy's {@code return_index})
     * @param inverse for each element of the run, the position of its value among the unique
     *     ones (NumPy's {@code return_inverse})
     * @param counts for each unique element, how many times it occurs ({@code return_counts})
     */
    public record Unique(long[] first, long[] inverse, long[] counts) {}

    /**
     * A sorted run of elements: {@code count} elements from element {@code offset} of
     * {@code segment}, contiguous.
     */
    public record Run(MemorySegment segment, long offset, long count) {}

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private SortedRuns() {}

    /** The unique elements of a run (any order) of {@code count} elements from {@code offset} with {@code stride}. */
    public static Unique unique(SortKey type, MemorySegment s, long offset, long stride, int count) {
        long[] keys = new long[count];
        type.keys(s, offset, stride, count, keys);
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        Sorting.sortKeys(keys, idx, 0, count);
        int runs = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                runs++;
            }
        }
        long[] first = new long[runs];
        long[] counts = new long[runs];
        long[] inverse = new long[count];
        int u = -1;
        for (int i = 0; i < count; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                first[++u] = idx[i];
            }
            counts[u]++;
            inverse[idx[i]] = u;
        }
        return new Unique(first, inverse, counts);
    }

    /**
     * Merges sorted runs into {@code out} from element {@code outOffset}, copying element bits.
     * Stable: among equal elements, those of earlier runs come first, and within a run the run's
     * order is kept; so merging the sorted tiles of an array in tile order gives exactly the
     * stable sort of the whole array.
     */
    public static void merge(SortKey type, List<Run> runs, MemorySegment out, long outOffset) {
        mergeInto(type, runs, List.of(), out, outOffset, MemorySegment.ofArray(new long[0]), 0);
    }

    /**
     * {@link #merge} carrying a payload: each run has an int64 payload run of the same length
     * (for example the elements' global indices in a distributed argsort), merged alongside into
     * {@code payloadOut} from {@code payloadOutOffset}.
     *
     * @throws IllegalArgumentException if the payload runs do not match the runs in number and
     *     lengths
     */
    public static void merge(SortKey type, List<Run> runs, List<Run> payloads, MemorySegment out, long outOffset,
            MemorySegment payloadOut, long payloadOutOffset) {
        if (payloads.size() != runs.size()) {
            throw new IllegalArgumentException("merge: " + runs.size() + " runs but " + payloads.size() + " payloads");
        }
        for (int r = 0; r < runs.size(); r++) {
            if (payloads.get(r).count() != runs.get(r).count()) {
                throw new IllegalArgumentException("merge: run " + r + " has " + runs.get(r).count()
                        + " elements but its payload " + payloads.get(r).count());
            }
        }
        mergeInto(type, runs, payloads, out, outOffset, payloadOut, payloadOutOffset);
    }

    /**
     * A binary min-heap of run heads ordered by (key, run index) picks the next element; the
     * heap holds run indices, the current keys sit beside it.
     */
    private static void mergeInto(SortKey type, List<Run> runs, List<Run> payloads, MemorySegment out,
            long outOffset, MemorySegment payloadOut, long payloadOutOffset) {
        int k = runs.size();
        int size = type.size();
        long[] pos = new long[k];
        long[] head = new long[k];
        int[] heap = new int[k];
        int n = 0;
        for (int r = 0; r < k; r++) {
            Run run = runs.get(r);
            if (run.count() > 0) {
                head[r] = type.key(run.segment(), run.offset()) ^ Long.MIN_VALUE;
                heap[n++] = r;
            }
        }
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(heap, n, i, head);
        }
        long o = outOffset;
        long po = payloadOutOffset;
        while (n > 0) {
            int r = heap[0];
            Run run = runs.get(r);
            long at = run.offset() + pos[r];
            MemorySegment.copy(run.segment(), at * size, out, o++ * size, size);
            if (!payloads.isEmpty()) {
                Run p = payloads.get(r);
                payloadOut.setAtIndex(LONG, po++, p.segment().getAtIndex(LONG, p.offset() + pos[r]));
            }
            if (++pos[r] < run.count()) {
                head[r] = type.key(run.segment(), at + 1) ^ Long.MIN_VALUE;
            } else {
                heap[0] = heap[--n];
            }
            siftDown(heap, n, 0, head);
        }
    }

    private static boolean less(int a, int b, long[] head) {
        return head[a] < head[b] || (head[a] == head[b] && a < b);
    }

    private static void siftDown(int[] heap, int n, int i, long[] head) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                return;
            }
            int c = l + 1 < n && less(heap[l + 1], heap[l], head) ? l + 1 : l;
            if (!less(heap[c], heap[i], head)) {
                return;
            }
            int t = heap[c];
            heap[c] = heap[i];
            heap[i] = t;
            i = c;
        }
    }
}
