package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Histogram bin assignment and counting, {@code bincount}, and quantiles, as NumPy computes
 * them.
 *
 * <p><b>Histogram bins.</b> For increasing {@code edges[0 .. nb]}, bin {@code i} holds
 * {@code edges[i] <= x < edges[i+1]}, except that the last bin also holds
 * {@code x == edges[nb]}; values outside {@code [edges[0], edges[nb]]} and NaN belong to no bin
 * ({@code -1}). This is exactly the assignment of {@code np.histogram}, whose uniform-bin fast
 * path computes an index arithmetically and then corrects it against the same edges;
 * {@link #uniformEdges} builds those edges as {@code np.linspace} does.
 *
 * <p><b>Determinism.</b> Counts are exact. Weighted sums add each weight in input order, as
 * {@code np.bincount} does, so one call reproduces NumPy bitwise; combining per-tile sums is the
 * caller's (use {@link Sums#combine} for a fixed order). Quantiles are pure functions of the
 * multiset of values.
 *
 * <p><b>Layout.</b> Runs of {@code count} elements from {@code offset} with {@code stride}:
 * float64 values and weights, int64 {@code bincount} input, native byte order.
 */
public final class Stats {
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private Stats() {}

    /**
     * The edges of {@code bins} equal bins over {@code [lo, hi]} as
     * {@code np.linspace(lo, hi, bins + 1)}: {@code lo + i * ((hi - lo) / bins)}, the last exactly
     * {@code hi}.
     *
     * @throws IllegalArgumentException if {@code bins < 1} or the range is not finite and ordered
     */
    public static double[] uniformEdges(double lo, double hi, int bins) {
        if (bins < 1 || !(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("histogram needs bins >= 1 and a finite range lo <= hi, got bins="
                    + bins + " range=[" + lo + ", " + hi + "]");
        }
        double[] edges = new double[bins + 1];
        double delta = hi - lo;
        double step = delta / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = step == 0 ? i / (double) bins * delta + lo : i * step + lo;
        }
        edges[bins] = hi;
        return edges;
    }

    /**
     * The bin of {@code x} under {@code edges} (see the class comment), or -1.
     */
    public static int bin(double[] edges, double x) {
        int nb = edges.length - 1;
        if (!(x >= edges[0] && x <= edges[nb])) {
            return -1;
        }
        int lo = 0;
        int hi = nb;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x < edges[mid]) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    /**
     * Writes each value's bin (or -1) as int64 to {@code out} from {@code outOffset}.
     *
     * @throws IllegalArgumentException if the edges are fewer than 2 or do not increase
     */
    public static void assignBins(MemorySegment values, long offset, long stride, long count, double[] edges,
            MemorySegment out, long outOffset) {
        checkEdges(edges);
        for (long j = 0; j < count; j++) {
            out.setAtIndex(LONG, outOffset + j, bin(edges, values.getAtIndex(DOUBLE, offset + j * stride)));
        }
    }

    /**
     * Adds to {@code counts[i]} the number of values in bin {@code i}.
     *
     * @throws IllegalArgumentException if the edges are fewer than 2 or do not increase, or
     *     {@code counts} is shorter than the number of bins
     */
    public static void histogram(MemorySegment values, long offset, long stride, long count, double[] edges,
            long[] counts) {
        checkEdges(edges);
        checkLength(counts.length, edges.length - 1);
        for (long j = 0; j < count; j++) {
            int b = bin(edges, values.getAtIndex(DOUBLE, offset + j * stride));
            if (b >= 0) {
                counts[b]++;
            }
        }
    }

    /**
     * Adds to {@code sums[i]}, in input order, the weights of the values in bin {@code i}
     * ({@code np.histogram(..., weights=...)}).
     *
     * @throws IllegalArgumentException as {@link #histogram}
     */
    public static void histogram(MemorySegment values, long offset, long stride, long count,
            MemorySegment weights, long wOffset, long wStride, double[] edges, double[] sums) {
        checkEdges(edges);
        checkLength(sums.length, edges.length - 1);
        for (long j = 0; j < count; j++) {
            int b = bin(edges, values.getAtIndex(DOUBLE, offset + j * stride));
            if (b >= 0) {
                sums[b] += weights.getAtIndex(DOUBLE, wOffset + j * wStride);
            }
        }
    }

    /**
     * Adds to {@code counts[v]} one per occurrence of each int64 value {@code v}
     * ({@code np.bincount}); size {@code counts} to the maximum plus one, or {@code minlength}.
     *
     * @throws IllegalArgumentException naming the first value that is negative or not below
     *     {@code counts.length}
     */
    public static void bincount(MemorySegment x, long offset, long stride, long count, long[] counts) {
        for (long j = 0; j < count; j++) {
            counts[binOf(x, offset, stride, j, counts.length)]++;
        }
    }

    /**
     * Adds to {@code sums[v]}, in input order, the weight of each occurrence of value {@code v}
     * ({@code np.bincount(x, weights)}).
     *
     * @throws IllegalArgumentException as {@link #bincount(MemorySegment, long, long, long, long[])}
     */
    public static void bincount(MemorySegment x, long offset, long stride, long count, MemorySegment weights,
            long wOffset, long wStride, double[] sums) {
        for (long j = 0; j < count; j++) {
            sums[binOf(x, offset, stride, j, sums.length)] += weights.getAtIndex(DOUBLE, wOffset + j * wStride);
        }
    }

    private static int binOf(MemorySegment x, long offset, long stride, long j, int length) {
        long v = x.getAtIndex(LONG, offset + j * stride);
        if (v < 0 || v >= length) {
            throw new IllegalArgumentException("bincount: value " + v + " at position " + j
                    + (v < 0 ? " is negative" : " is not below the output length " + length));
        }
        return (int) v;
    }

    /**
     * The quantiles {@code qs} (each in {@code [0, 1]}) of a run of float64 values by
     * {@code method}, as {@code np.quantile} (or {@code np.nanquantile} when {@code ignoreNaN}).
     * Without {@code ignoreNaN} a run holding a NaN gives NaN for every quantile; with it, NaNs
     * are dropped and a run of only NaNs gives NaN. Percentiles are quantiles of {@code p / 100}.
     *
     * @throws IllegalArgumentException if a quantile is outside {@code [0, 1]} or the run is
     *     empty
     */
    public static double[] quantile(MemorySegment values, long offset, long stride, int count, double[] qs,
            QuantileMethod method, boolean ignoreNaN) {
        for (double q : qs) {
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("quantiles must be in the range [0, 1], got " + q);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("quantile of an empty run");
        }
        double[] v = new double[count];
        for (int j = 0; j < count; j++) {
            v[j] = values.getAtIndex(DOUBLE, offset + j * stride);
        }
        Arrays.sort(v);
        int n = count;
        while (n > 0 && Double.isNaN(v[n - 1])) {
            n--;
        }
        double[] out = new double[qs.length];
        if ((n < count && !ignoreNaN) || n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int i = 0; i < qs.length; i++) {
            out[i] = quantileOfSorted(v, n, qs[i], method);
        }
        return out;
    }

    /** One quantile of the sorted {@code v[0 .. n)}, following NumPy's {@code _quantile}. */
    private static double quantileOfSorted(double[] v, int n, double q, QuantileMethod method) {
        if (method.isDiscrete()) {
            return v[(int) method.index(n, q)];
        }
        double virtual = method.virtualIndex(n, q);
        double previous = Math.floor(virtual);
        int prev = (int) previous;
        int next = prev + 1;
        if (virtual >= n - 1) {
            prev = n - 1;
            next = n - 1;
            previous = -1;
        } else if (virtual < 0) {
            prev = 0;
            next = 0;
            previous = 0;
        }
        double gamma = method.fixGamma(virtual - previous, virtual);
        return lerp(v[prev], v[next], gamma);
    }

    /** NumPy's {@code _lerp}: from below for {@code t < 0.5}, from above otherwise. */
    private static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static void checkEdges(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("histogram needs at least 2 bin edges, got " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] >= edges[i - 1])) {
                throw new IllegalArgumentException("bins must increase monotonically: edge " + i + " = " + edges[i]
                        + " follows " + edges[i - 1]);
            }
        }
    }

    private static void checkLength(int length, int bins) {
        if (length < bins) {
            throw new IllegalArgumentException("histogram output has " + length + " bins, needs " + bins);
        }
    }
}
