package dev.legate.numeric.internal.reduce;

/**
 * Fixed-order floating sums and products: within a chunk, eight interleaved accumulators
 * combined as a balanced tree (NumPy's pairwise scheme at the leaves); across blocks, a
 * balanced binary tree over the block index. The association order depends only on the
 * number of values, never on how the work was split.
 */
public final class Pairwise {
    private Pairwise() {
    }

    /** The sum of {@code a[0..n)}. */
    public static double sum(double[] a, int n) {
        return sum(a, 0, n);
    }

    /** The sum of {@code a[off..off+n)}, associated as {@link #sum(double[], int)}. */
    public static double sum(double[] a, int off, int n) {
        if (n < 8) {
            double r = 0.0;
            for (int i = off; i < off + n; i++) {
                r += a[i];
            }
            return r;
        }
        double r0 = a[off];
        double r1 = a[off + 1];
        double r2 = a[off + 2];
        double r3 = a[off + 3];
        double r4 = a[off + 4];
        double r5 = a[off + 5];
        double r6 = a[off + 6];
        double r7 = a[off + 7];
        int i = off + 8;
        int end = off + n;
        for (; i + 8 <= end; i += 8) {
            r0 += a[i];
            r1 += a[i + 1];
            r2 += a[i + 2];
            r3 += a[i + 3];
            r4 += a[i + 4];
            r5 += a[i + 5];
            r6 += a[i + 6];
            r7 += a[i + 7];
        }
        double r = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
        for (; i < end; i++) {
            r += a[i];
        }
        return r;
    }

    private static final jdk.incubator.vector.VectorSpecies<Double> S4 = jdk.incubator.vector.DoubleVector.SPECIES_256;

    /**
     * The sum of {@code n} float64 elements of {@code s} from element index {@code off},
     * associated exactly as {@link #sum(double[], int, int)}: the eight accumulators are the
     * lanes of two 4-lane vectors, so the result is bitwise the same.
     */
    public static double sum(java.lang.foreign.MemorySegment s, long off, int n) {
        java.lang.foreign.ValueLayout.OfDouble d = java.lang.foreign.ValueLayout.JAVA_DOUBLE;
        if (n < 8) {
            double r = 0.0;
            for (int i = 0; i < n; i++) {
                r += s.getAtIndex(d, off + i);
            }
            return r;
        }
        java.nio.ByteOrder o = java.nio.ByteOrder.nativeOrder();
        long b = off * 8;
        jdk.incubator.vector.DoubleVector v0 = jdk.incubator.vector.DoubleVector.fromMemorySegment(S4, s, b, o);
        jdk.incubator.vector.DoubleVector v1 = jdk.incubator.vector.DoubleVector.fromMemorySegment(S4, s, b + 32, o);
        int i = 8;
        for (; i + 8 <= n; i += 8) {
            long k = b + 8L * i;
            v0 = v0.add(jdk.incubator.vector.DoubleVector.fromMemorySegment(S4, s, k, o));
            v1 = v1.add(jdk.incubator.vector.DoubleVector.fromMemorySegment(S4, s, k + 32, o));
        }
        double r = ((v0.lane(0) + v0.lane(1)) + (v0.lane(2) + v0.lane(3)))
                + ((v1.lane(0) + v1.lane(1)) + (v1.lane(2) + v1.lane(3)));
        for (; i < n; i++) {
            r += s.getAtIndex(d, off + i);
        }
        return r;
    }

    /** The product of {@code a[off..off+n)}, associated like {@link #sum(double[], int, int)}. */
    public static double prod(double[] a, int off, int n) {
        if (n < 8) {
            double r = 1.0;
            for (int i = off; i < off + n; i++) {
                r *= a[i];
            }
            return r;
        }
        double r0 = a[off];
        double r1 = a[off + 1];
        double r2 = a[off + 2];
        double r3 = a[off + 3];
        double r4 = a[off + 4];
        double r5 = a[off + 5];
        double r6 = a[off + 6];
        double r7 = a[off + 7];
        int i = off + 8;
        int end = off + n;
        for (; i + 8 <= end; i += 8) {
            r0 *= a[i];
            r1 *= a[i + 1];
            r2 *= a[i + 2];
            r3 *= a[i + 3];
            r4 *= a[i + 4];
            r5 *= a[i + 5];
            r6 *= a[i + 6];
            r7 *= a[i + 7];
        }
        double r = ((r0 * r1) * (r2 * r3)) * ((r4 * r5) * (r6 * r7));
        for (; i < end; i++) {
            r *= a[i];
        }
        return r;
    }

    /** Combines {@code p[lo..hi)} with {@code op} as a balanced binary tree. */
    public static double tree(RedOp op, double[] p, int lo, int hi) {
        if (hi - lo <= 8) {
            if (hi == lo) {
                return op.identityDouble();
            }
            double r = p[lo];
            for (int i = lo + 1; i < hi; i++) {
                r = op.combine(r, p[i]);
            }
            return r;
        }
        int mid = lo + (hi - lo) / 2;
        return op.combine(tree(op, p, lo, mid), tree(op, p, mid, hi));
    }
}
