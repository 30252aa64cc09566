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
        if (n < 8) {
            double r = 0.0;
            for (int i = 0; i < n; i++) {
                r += a[i];
            }
            return r;
        }
        double r0 = a[0];
        double r1 = a[1];
        double r2 = a[2];
        double r3 = a[3];
        double r4 = a[4];
        double r5 = a[5];
        double r6 = a[6];
        double r7 = a[7];
        int i = 8;
        for (; i + 8 <= n; i += 8) {
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
        for (; i < n; i++) {
            r += a[i];
        }
        return r;
    }

    /** The product of {@code a[0..n)}, associated like {@link #sum}. */
    public static double prod(double[] a, int n) {
        if (n < 8) {
            double r = 1.0;
            for (int i = 0; i < n; i++) {
                r *= a[i];
            }
            return r;
        }
        double r0 = a[0];
        double r1 = a[1];
        double r2 = a[2];
        double r3 = a[3];
        double r4 = a[4];
        double r5 = a[5];
        double r6 = a[6];
        double r7 = a[7];
        int i = 8;
        for (; i + 8 <= n; i += 8) {
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
        for (; i < n; i++) {
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
