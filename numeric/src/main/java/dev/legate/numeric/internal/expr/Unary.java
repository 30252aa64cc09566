package dev.legate.numeric.internal.expr;

import dev.legate.core.TypeCode;

/** Unary operations on a chunk, in place in the operand's slot. */
final class Unary {
    private static final double LN2 = 0.6931471805599453;
    private static final double INV_LN2 = 1.4426950408889634;

    private Unary() {
    }

    /** Applies {@code op}, whose operand has type {@code in}, producing type {@code out}. */
    static void apply(Op op, TypeCode in, TypeCode out, Slots s, int slot, int len) {
        if (op == Op.CAST) {
            Casts.cast(in, out, s, slot, len);
            return;
        }
        switch (Kind.of(in)) {
            case DOUBLE -> real(op, out, s, slot, len);
            case LONG -> integer(op, in, out, s, slot, len);
            case COMPLEX -> Complex.unary(op, in, out, s, slot, len);
        }
    }

    private static void real(Op op, TypeCode out, Slots s, int slot, int len) {
        double[] a = s.d(slot, len);
        if (Kind.of(out) == Kind.LONG) {
            long[] o = s.l(slot, len);
            for (int j = 0; j < len; j++) {
                double x = a[j];
                o[j] = switch (op) {
                    case ISNAN -> x != x ? 1 : 0;
                    case ISINF -> Double.isInfinite(x) ? 1 : 0;
                    case ISFINITE -> Double.isFinite(x) ? 1 : 0;
                    case SIGNBIT -> (Double.doubleToRawLongBits(x) < 0) ? 1 : 0;
                    case NOT -> x == 0 ? 1 : 0;
                    default -> throw unsupported(op, TypeCode.FLOAT64);
                };
            }
            return;
        }
        switch (op) {
            case NEG -> {
                for (int j = 0; j < len; j++) {
                    a[j] = -a[j];
                }
            }
            case POS -> {
            }
            case ABS -> {
                for (int j = 0; j < len; j++) {
                    a[j] = Math.abs(a[j]);
                }
            }
            case SIGN -> {
                for (int j = 0; j < len; j++) {
                    double x = a[j];
                    a[j] = x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x;
                }
            }
            case SQRT -> {
                for (int j = 0; j < len; j++) {
                    a[j] = Math.sqrt(a[j]);
                }
            }
            case CBRT -> each(a, len, Math::cbrt);
            case SQUARE -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] * a[j];
                }
            }
            case RECIPROCAL -> {
                for (int j = 0; j < len; j++) {
                    a[j] = 1.0 / a[j];
                }
            }
            case EXP -> each(a, len, Math::exp);
            case EXPM1 -> each(a, len, Math::expm1);
            case EXP2 -> each(a, len, x -> Math.pow(2.0, x));
            case LOG -> each(a, len, Math::log);
            case LOG1P -> each(a, len, Math::log1p);
            case LOG2 -> each(a, len, Unary::log2);
            case LOG10 -> each(a, len, Math::log10);
            case SIN -> each(a, len, Math::sin);
            case COS -> each(a, len, Math::cos);
            case TAN -> each(a, len, Math::tan);
            case ASIN -> each(a, len, Math::asin);
            case ACOS -> each(a, len, Math::acos);
            case ATAN -> each(a, len, Math::atan);
            case SINH -> each(a, len, Math::sinh);
            case COSH -> each(a, len, Math::cosh);
            case TANH -> each(a, len, Math::tanh);
            case ASINH -> each(a, len, Unary::asinh);
            case ACOSH -> each(a, len, Unary::acosh);
            case ATANH -> each(a, len, Unary::atanh);
            case DEG2RAD -> each(a, len, Math::toRadians);
            case RAD2DEG -> each(a, len, Math::toDegrees);
            case FLOOR -> each(a, len, Math::floor);
            case CEIL -> each(a, len, Math::ceil);
            case TRUNC -> each(a, len, x -> x < 0 ? Math.ceil(x) : Math.floor(x));
            case RINT -> each(a, len, Math::rint);
            case REAL, CONJ -> {
            }
            case IMAG -> java.util.Arrays.fill(a, 0, len, 0.0);
            default -> throw unsupported(op, out);
        }
        Casts.round(out, a, len);
    }

    private static void integer(Op op, TypeCode in, TypeCode out, Slots s, int slot, int len) {
        long[] a = s.l(slot, len);
        if (Kind.of(out) == Kind.DOUBLE) {
            throw unsupported(op, in);
        }
        boolean unsigned = in.isUnsigned();
        switch (op) {
            case NEG -> {
                for (int j = 0; j < len; j++) {
                    a[j] = -a[j];
                }
            }
            case POS, FLOOR, CEIL, TRUNC, REAL, CONJ -> {
            }
            case IMAG -> java.util.Arrays.fill(a, 0, len, 0L);
            case ABS -> {
                if (!unsigned) {
                    for (int j = 0; j < len; j++) {
                        a[j] = Math.abs(a[j]);
                    }
                }
            }
            case SIGN -> {
                for (int j = 0; j < len; j++) {
                    a[j] = unsigned ? (a[j] != 0 ? 1 : 0) : Long.signum(a[j]);
                }
            }
            case SQUARE -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] * a[j];
                }
            }
            case RECIPROCAL -> {
                for (int j = 0; j < len; j++) {
                    long x = a[j];
                    a[j] = x == 0 ? Long.MIN_VALUE : x == 1 ? 1 : x == -1 && !unsigned ? -1 : 0;
                }
            }
            case ISNAN, ISINF, SIGNBIT -> {
                for (int j = 0; j < len; j++) {
                    a[j] = op == Op.SIGNBIT && !unsigned && a[j] < 0 ? 1 : 0;
                }
            }
            case ISFINITE -> java.util.Arrays.fill(a, 0, len, 1L);
            case NOT -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] == 0 ? 1 : 0;
                }
            }
            case INVERT -> {
                if (in == TypeCode.BOOL) {
                    for (int j = 0; j < len; j++) {
                        a[j] ^= 1;
                    }
                } else {
                    for (int j = 0; j < len; j++) {
                        a[j] = ~a[j];
                    }
                }
            }
            default -> throw unsupported(op, in);
        }
        Casts.wrap(out, a, len);
    }

    private static void each(double[] a, int len, java.util.function.DoubleUnaryOperator f) {
        for (int j = 0; j < len; j++) {
            a[j] = f.applyAsDouble(a[j]);
        }
    }

    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return Math.log(x) * INV_LN2;
        }
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            return log2(x * 0x1p60) - 60;
        }
        double m = Math.scalb(x, -e);
        return m == 1.0 ? e : e + Math.log(m) * INV_LN2;
    }

    static double asinh(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax > 0x1p28) {
            r = Math.log(ax) + LN2;
        } else {
            r = Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax)));
        }
        return Math.copySign(r, x);
    }

    static double acosh(double x) {
        if (x < 1) {
            return Double.NaN;
        }
        if (x > 0x1p28) {
            return Math.log(x) + LN2;
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        double ax = Math.abs(x);
        double r = 0.5 * Math.log1p(2 * ax / (1 - ax));
        return Math.copySign(r, x);
    }

    static UnsupportedOperationException unsupported(Op op, TypeCode t) {
        return new UnsupportedOperationException("operation " + op.name().toLowerCase() + " has no loop for "
                + t.name().toLowerCase());
    }
}
