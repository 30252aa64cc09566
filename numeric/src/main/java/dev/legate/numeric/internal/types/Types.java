package dev.legate.numeric.internal.types;

import dev.legate.core.DType;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;

/**
 * NumPy 2 type promotion between dtypes, and between a dtype and a "weak" Java scalar (the
 * equivalent of a Python scalar under NEP 50: its kind matters, its width does not).
 */
public final class Types {
    private Types() {
    }

    /** How an element type is computed on: in doubles, in longs, or as pairs of doubles. */
    public enum Kind { DOUBLE, LONG, COMPLEX }

    /** The kind of a weak (Python) scalar. */
    public enum Weak { BOOL, INT, FLOAT, COMPLEX }

    /** The compute kind of a numeric dtype. */
    public static Kind kind(DType t) {
        TypeCode c = t.code();
        if (c.isFloating()) {
            return Kind.DOUBLE;
        }
        if (c.isComplex()) {
            return Kind.COMPLEX;
        }
        if (c.isInteger() || c == TypeCode.BOOL) {
            return Kind.LONG;
        }
        throw new TypeMismatchException("dtype " + t.name() + " is not supported by numeric");
    }

    /** Throws unless {@code t} is a bool, integer, floating or complex dtype. */
    public static DType requireNumeric(DType t) {
        kind(t);
        return t;
    }

    public static boolean isBool(DType t) {
        return t.code() == TypeCode.BOOL;
    }

    public static boolean isInteger(DType t) {
        return t.code().isInteger();
    }

    public static boolean isFloat(DType t) {
        return t.code().isFloating();
    }

    public static boolean isComplex(DType t) {
        return t.code().isComplex();
    }

    public static boolean isUnsigned(DType t) {
        return t.code().isUnsigned();
    }

    /** The smallest floating type that holds every value of {@code t} (float16 for 8-bit integers). */
    public static DType floatFor(DType t) {
        TypeCode c = t.code();
        if (c.isFloating() || c.isComplex()) {
            return t;
        }
        return switch (c.size()) {
            case 1 -> DType.FLOAT16;
            case 2 -> DType.FLOAT32;
            default -> DType.FLOAT64;
        };
    }

    /** The floating type whose complex counterpart holds {@code t}. */
    public static DType complexOf(DType floating) {
        return floating.code() == TypeCode.FLOAT64 ? DType.COMPLEX128 : DType.COMPLEX64;
    }

    /** The real part's type of a complex type. */
    public static DType realOf(DType complex) {
        return complex.code() == TypeCode.COMPLEX128 ? DType.FLOAT64
                : complex.code() == TypeCode.COMPLEX64 ? DType.FLOAT32 : complex;
    }

    private static DType signedOfSize(int bytes) {
        return switch (bytes) {
            case 1 -> DType.INT8;
            case 2 -> DType.INT16;
            case 4 -> DType.INT32;
            default -> DType.INT64;
        };
    }

    /** NumPy's {@code result_type(a, b)} for two dtypes. */
    public static DType promote(DType a, DType b) {
        requireNumeric(a);
        requireNumeric(b);
        if (a.equals(b)) {
            return a;
        }
        TypeCode ca = a.code();
        TypeCode cb = b.code();
        if (ca == TypeCode.BOOL) {
            return b;
        }
        if (cb == TypeCode.BOOL) {
            return a;
        }
        if (ca.isComplex() || cb.isComplex()) {
            DType ra = ca.isComplex() ? realOf(a) : floatFor(a);
            DType rb = cb.isComplex() ? realOf(b) : floatFor(b);
            return complexOf(promote(ra, rb));
        }
        if (ca.isFloating() || cb.isFloating()) {
            DType fa = floatFor(a);
            DType fb = floatFor(b);
            return fa.size() >= fb.size() ? fa : fb;
        }
        boolean ua = ca.isUnsigned();
        boolean ub = cb.isUnsigned();
        if (ua == ub) {
            return ca.size() >= cb.size() ? a : b;
        }
        DType s = ua ? b : a;
        DType u = ua ? a : b;
        if (s.size() > u.size()) {
            return s;
        }
        return u.size() == 8 ? DType.FLOAT64 : signedOfSize(u.size() * 2);
    }

    /** The result type of an array of dtype {@code t} combined with a weak scalar of kind {@code w}. */
    public static DType promoteWeak(DType t, Weak w) {
        requireNumeric(t);
        TypeCode c = t.code();
        return switch (w) {
            case BOOL -> t;
            case INT -> c == TypeCode.BOOL ? DType.INT64 : t;
            case FLOAT -> c.isFloating() || c.isComplex() ? t : DType.FLOAT64;
            case COMPLEX -> c.isComplex() ? t : c.isFloating() ? complexOf(t.size() <= 4 ? DType.FLOAT32 : t)
                    : DType.COMPLEX128;
        };
    }

    /** Checks that the integer {@code v} fits {@code t} (NumPy raises OverflowError otherwise). */
    public static void checkIntFits(long v, DType t) {
        TypeCode c = t.code();
        if (!c.isInteger()) {
            return;
        }
        int bits = c.size() * 8;
        boolean ok;
        if (c.isUnsigned()) {
            ok = v >= 0 && (bits == 64 || v < (1L << bits));
        } else {
            ok = bits == 64 || v >= -(1L << (bits - 1)) && v < (1L << (bits - 1));
        }
        if (!ok) {
            throw new ArithmeticException("Java integer " + v + " is out of bounds for " + t.name());
        }
    }

    /**
     * Whether NumPy's "same_kind" casting allows {@code from} to be written into {@code to}
     * (as for {@code out=} arguments and in-place operators).
     */
    public static boolean canCastSameKind(DType from, DType to) {
        return rank(from) <= rank(to);
    }

    /** Whether NumPy's "safe" casting allows {@code from} to become {@code to}. */
    public static boolean canCastSafe(DType from, DType to) {
        return promote(from, to).equals(to);
    }

    private static int rank(DType t) {
        TypeCode c = t.code();
        if (c == TypeCode.BOOL) {
            return 0;
        }
        if (c.isUnsigned()) {
            return 1;
        }
        if (c.isInteger()) {
            return 2;
        }
        return c.isFloating() ? 3 : 4;
    }

    /** The default integer type (int64) and the accumulator type NumPy uses for sums of {@code t}. */
    public static DType sumType(DType t) {
        TypeCode c = t.code();
        if (c == TypeCode.BOOL || c.isInteger() && !c.isUnsigned() && c.size() < 8) {
            return DType.INT64;
        }
        if (c.isUnsigned() && c.size() < 8) {
            return DType.UINT64;
        }
        return t;
    }

    /** A dtype by NumPy name, rejecting types numeric does not support. */
    public static DType byName(String name) {
        return requireNumeric(DType.of(name));
    }
}
