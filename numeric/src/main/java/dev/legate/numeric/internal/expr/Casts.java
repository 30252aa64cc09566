package dev.legate.numeric.internal.expr;

import dev.legate.core.TypeCode;

/** Conversions between compute kinds and rounding of results to their element type. */
final class Casts {
    private static final double TWO64 = 0x1p64;

    private Casts() {
    }

    /** Rounds doubles to {@code t}'s precision (float32, float16); float64 is left alone. */
    static void round(TypeCode t, double[] a, int len) {
        if (t == TypeCode.FLOAT32) {
            for (int j = 0; j < len; j++) {
                a[j] = (float) a[j];
            }
        } else if (t == TypeCode.FLOAT16) {
            for (int j = 0; j < len; j++) {
                a[j] = Float.float16ToFloat(Float.floatToFloat16((float) a[j]));
            }
        }
    }

    /** Wraps longs to {@code t}'s width and signedness (booleans to 0 or 1), as C casts do. */
    static void wrap(TypeCode t, long[] a, int len) {
        switch (t) {
            case INT8 -> {
                for (int j = 0; j < len; j++) {
                    a[j] = (byte) a[j];
                }
            }
            case INT16 -> {
                for (int j = 0; j < len; j++) {
                    a[j] = (short) a[j];
                }
            }
            case INT32 -> {
                for (int j = 0; j < len; j++) {
                    a[j] = (int) a[j];
                }
            }
            case UINT8 -> {
                for (int j = 0; j < len; j++) {
                    a[j] &= 0xFF;
                }
            }
            case UINT16 -> {
                for (int j = 0; j < len; j++) {
                    a[j] &= 0xFFFF;
                }
            }
            case UINT32 -> {
                for (int j = 0; j < len; j++) {
                    a[j] &= 0xFFFF_FFFFL;
                }
            }
            case BOOL -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] != 0 ? 1 : 0;
                }
            }
            default -> {
            }
        }
    }

    /** An integer of type {@code from} as a double (uint64 read as unsigned). */
    static double toDouble(TypeCode from, long v) {
        if (from == TypeCode.UINT64 && v < 0) {
            return (double) (v >>> 1) * 2.0 + (v & 1);
        }
        return v;
    }

    /**
     * A double converted to an integer as x86 NumPy does: truncation toward zero; NaN and
     * values outside int64 give int64's minimum (uint64 takes values up to 2^64).
     */
    static long toLong(TypeCode to, double v) {
        if (to == TypeCode.BOOL) {
            return v != 0 ? 1 : 0;
        }
        if (to == TypeCode.UINT64 && v >= 0x1p63 && v < TWO64) {
            return (long) (v - 0x1p63) ^ Long.MIN_VALUE;
        }
        if (v != v || v >= 0x1p63 || v < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) v;
    }

    /** Converts a chunk between kinds and types; {@code s} holds the source at {@code slot}. */
    static void cast(TypeCode from, TypeCode to, Slots s, int slot, int len) {
        Kind kf = Kind.of(from);
        Kind kt = Kind.of(to);
        switch (kf) {
            case DOUBLE -> {
                double[] a = s.d(slot, len);
                switch (kt) {
                    case DOUBLE -> round(to, a, len);
                    case LONG -> {
                        long[] o = s.l(slot, len);
                        for (int j = 0; j < len; j++) {
                            o[j] = toLong(to, a[j]);
                        }
                        wrap(to, o, len);
                    }
                    case COMPLEX -> {
                        java.util.Arrays.fill(s.im(slot, len), 0, len, 0.0);
                        round(to == TypeCode.COMPLEX64 ? TypeCode.FLOAT32 : TypeCode.FLOAT64, a, len);
                    }
                }
            }
            case LONG -> {
                long[] a = s.l(slot, len);
                switch (kt) {
                    case LONG -> wrap(to, a, len);
                    case DOUBLE, COMPLEX -> {
                        double[] o = s.d(slot, len);
                        if (from == TypeCode.UINT64) {
                            for (int j = 0; j < len; j++) {
                                o[j] = toDouble(from, a[j]);
                            }
                        } else {
                            for (int j = 0; j < len; j++) {
                                o[j] = a[j];
                            }
                        }
                        if (kt == Kind.COMPLEX) {
                            java.util.Arrays.fill(s.im(slot, len), 0, len, 0.0);
                            round(to == TypeCode.COMPLEX64 ? TypeCode.FLOAT32 : TypeCode.FLOAT64, o, len);
                        } else {
                            round(to, o, len);
                        }
                    }
                }
            }
            case COMPLEX -> {
                double[] re = s.d(slot, len);
                switch (kt) {
                    case COMPLEX -> {
                        if (to == TypeCode.COMPLEX64) {
                            round(TypeCode.FLOAT32, re, len);
                            round(TypeCode.FLOAT32, s.im(slot, len), len);
                        }
                    }
                    case DOUBLE -> round(to, re, len);
                    case LONG -> {
                        long[] o = s.l(slot, len);
                        for (int j = 0; j < len; j++) {
                            o[j] = toLong(to, re[j]);
                        }
                        if (to == TypeCode.BOOL) {
                            double[] im = s.im(slot, len);
                            for (int j = 0; j < len; j++) {
                                o[j] = re[j] != 0 || im[j] != 0 ? 1 : 0;
                            }
                        }
                        wrap(to, o, len);
                    }
                }
            }
        }
    }
}
