package dev.legate.numeric.internal.reduce;

import dev.legate.core.ReductionOp;

/**
 * The reduction operators numeric computes, with their identities and how to combine two
 * values in doubles (floating and complex real parts) or longs (integers and booleans).
 */
public enum RedOp {
    SUM(ReductionOp.SUM), PROD(ReductionOp.PROD), MIN(ReductionOp.MIN), MAX(ReductionOp.MAX),
    ALL(ReductionOp.AND), ANY(ReductionOp.OR);

    private static final RedOp[] VALUES = values();
    private final ReductionOp core;

    RedOp(ReductionOp core) {
        this.core = core;
    }

    /** The op with the given ordinal. */
    public static RedOp of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The core operator that folds partial results of this op. */
    public ReductionOp core() {
        return core;
    }

    /** Whether the result does not depend on the order values are combined in. */
    public boolean orderFree(boolean floating) {
        return !floating || this != SUM && this != PROD;
    }

    /** The identity in doubles. */
    public double identityDouble() {
        return switch (this) {
            case SUM, ANY -> 0.0;
            case PROD, ALL -> 1.0;
            case MIN -> Double.POSITIVE_INFINITY;
            case MAX -> Double.NEGATIVE_INFINITY;
        };
    }

    /** The identity in longs for an integer type ({@code unsigned} for uint types). */
    public long identityLong(boolean unsigned) {
        return switch (this) {
            case SUM, ANY -> 0;
            case PROD, ALL -> 1;
            case MIN -> unsigned ? -1L : Long.MAX_VALUE;
            case MAX -> unsigned ? 0 : Long.MIN_VALUE;
        };
    }

    /** Combines two doubles (NaN propagates through MIN and MAX). */
    public double combine(double a, double b) {
        return switch (this) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            case ALL -> a != 0 && b != 0 ? 1 : 0;
            case ANY -> a != 0 || b != 0 ? 1 : 0;
        };
    }

    /** Combines two longs. */
    public long combine(long a, long b, boolean unsigned) {
        return switch (this) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MIN -> (unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b)) <= 0 ? a : b;
            case MAX -> (unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b)) >= 0 ? a : b;
            case ALL -> a != 0 && b != 0 ? 1 : 0;
            case ANY -> a != 0 || b != 0 ? 1 : 0;
        };
    }

    /** {@code acc[j] = combine(acc[j], v[j])} for {@code j < len}. */
    public void combineInto(double[] acc, double[] v, int len) {
        switch (this) {
            case SUM -> {
                for (int j = 0; j < len; j++) {
                    acc[j] += v[j];
                }
            }
            case PROD -> {
                for (int j = 0; j < len; j++) {
                    acc[j] *= v[j];
                }
            }
            case MIN -> {
                for (int j = 0; j < len; j++) {
                    acc[j] = Math.min(acc[j], v[j]);
                }
            }
            case MAX -> {
                for (int j = 0; j < len; j++) {
                    acc[j] = Math.max(acc[j], v[j]);
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    acc[j] = combine(acc[j], v[j]);
                }
            }
        }
    }

    /** Reduces {@code a[0..len)} in a fixed order (eight interleaved partial results, then a tree). */
    public double reduce(double[] a, int len) {
        return reduce(a, 0, len);
    }

    /** Reduces {@code a[off..off+len)} in the order of {@link #reduce(double[], int)}. */
    public double reduce(double[] a, int off, int len) {
        if (this == SUM) {
            return Pairwise.sum(a, off, len);
        }
        if (this == PROD) {
            return Pairwise.prod(a, off, len);
        }
        double r = identityDouble();
        for (int i = off; i < off + len; i++) {
            r = combine(r, a[i]);
        }
        return r;
    }

    /** Reduces {@code a[0..len)} of longs. */
    public long reduce(long[] a, int len, boolean unsigned) {
        return reduce(a, 0, len, unsigned);
    }

    /** Reduces {@code a[off..off+len)} of longs. */
    public long reduce(long[] a, int off, int len, boolean unsigned) {
        long r = identityLong(unsigned);
        int end = off + len;
        switch (this) {
            case SUM -> {
                for (int i = off; i < end; i++) {
                    r += a[i];
                }
            }
            case ALL -> {
                for (int i = off; i < end; i++) {
                    if (a[i] == 0) {
                        return 0;
                    }
                }
            }
            case ANY -> {
                for (int i = off; i < end; i++) {
                    if (a[i] != 0) {
                        return 1;
                    }
                }
            }
            default -> {
                for (int i = off; i < end; i++) {
                    r = combine(r, a[i], unsigned);
                }
            }
        }
        return r;
    }
}
