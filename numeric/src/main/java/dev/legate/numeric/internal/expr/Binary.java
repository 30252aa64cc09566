package dev.legate.numeric.internal.expr;

import dev.legate.core.TypeCode;

/**
 * Binary operations on a chunk: operands in slots {@code slot} and {@code slot + 1}, both of
 * type {@code in}; the result, of type {@code out}, replaces the first.
 */
final class Binary {
    private Binary() {
    }

    static void apply(Op op, TypeCode in, TypeCode out, Slots s, int slot, int len) {
        switch (Kind.of(in)) {
            case DOUBLE -> {
                if (Kind.of(out) == Kind.LONG) {
                    realPredicate(op, s.d(slot, len), s.d(slot + 1, len), s.l(slot, len), len);
                } else {
                    real(op, s.d(slot, len), s.d(slot + 1, len), len);
                    Casts.round(out, s.d(slot, len), len);
                }
            }
            case LONG -> {
                integer(op, in, s.l(slot, len), s.l(slot + 1, len), len);
                Casts.wrap(out, s.l(slot, len), len);
            }
            case COMPLEX -> Complex.binary(op, in, out, s, slot, len);
        }
    }

    private static void real(Op op, double[] a, double[] b, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] + b[j];
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] - b[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] * b[j];
                }
            }
            case DIV -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] / b[j];
                }
            }
            case FLOORDIV -> {
                for (int j = 0; j < len; j++) {
                    a[j] = floorDiv(a[j], b[j]);
                }
            }
            case MOD -> {
                for (int j = 0; j < len; j++) {
                    a[j] = floorMod(a[j], b[j]);
                }
            }
            case FMOD -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] % b[j];
                }
            }
            case POW -> {
                for (int j = 0; j < len; j++) {
                    a[j] = pow(a[j], b[j]);
                }
            }
            case MAX -> {
                for (int j = 0; j < len; j++) {
                    a[j] = Math.max(a[j], b[j]);
                }
            }
            case MIN -> {
                for (int j = 0; j < len; j++) {
                    a[j] = Math.min(a[j], b[j]);
                }
            }
            case FMAX -> {
                for (int j = 0; j < len; j++) {
                    double x = a[j];
                    double y = b[j];
                    a[j] = x != x ? y : y != y ? x : Math.max(x, y);
                }
            }
            case FMIN -> {
                for (int j = 0; j < len; j++) {
                    double x = a[j];
                    double y = b[j];
                    a[j] = x != x ? y : y != y ? x : Math.min(x, y);
                }
            }
            case ATAN2 -> {
                for (int j = 0; j < len; j++) {
                    a[j] = Math.atan2(a[j], b[j]);
                }
            }
            case HYPOT -> {
                for (int j = 0; j < len; j++) {
                    a[j] = Math.hypot(a[j], b[j]);
                }
            }
            case COPYSIGN -> {
                for (int j = 0; j < len; j++) {
                    a[j] = Math.copySign(a[j], b[j]);
                }
            }
            default -> throw Unary.unsupported(op, TypeCode.FLOAT64);
        }
    }

    /** x ** y with NumPy's special cases (Math.pow already follows C99's). */
    private static double pow(double x, double y) {
        if (y == 2.0) {
            return x * x;
        }
        return Math.pow(x, y);
    }

    /** NumPy's float floor division ({@code npy_divmod}'s quotient). */
    static double floorDiv(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                div -= 1.0;
            }
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, a / b);
        }
        return floordiv;
    }

    /** NumPy's float remainder: the sign of the divisor. */
    static double floorMod(double a, double b) {
        double mod = a % b;
        if (b == 0) {
            return mod;
        }
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    private static void realPredicate(Op op, double[] a, double[] b, long[] o, int len) {
        switch (op) {
            case EQ -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] == b[j] ? 1 : 0;
                }
            }
            case NE -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] != b[j] ? 1 : 0;
                }
            }
            case LT -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] < b[j] ? 1 : 0;
                }
            }
            case LE -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] <= b[j] ? 1 : 0;
                }
            }
            case GT -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] > b[j] ? 1 : 0;
                }
            }
            case GE -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] >= b[j] ? 1 : 0;
                }
            }
            case AND -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] != 0 && b[j] != 0 ? 1 : 0;
                }
            }
            case OR -> {
                for (int j = 0; j < len; j++) {
                    o[j] = a[j] != 0 || b[j] != 0 ? 1 : 0;
                }
            }
            case XOR -> {
                for (int j = 0; j < len; j++) {
                    o[j] = (a[j] != 0) != (b[j] != 0) ? 1 : 0;
                }
            }
            default -> throw Unary.unsupported(op, TypeCode.FLOAT64);
        }
    }

    private static void integer(Op op, TypeCode in, long[] a, long[] b, int len) {
        boolean u = in == TypeCode.UINT64;
        switch (op) {
            case ADD -> {
                if (in == TypeCode.BOOL) {
                    for (int j = 0; j < len; j++) {
                        a[j] = a[j] | b[j];
                    }
                } else {
                    for (int j = 0; j < len; j++) {
                        a[j] = a[j] + b[j];
                    }
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] - b[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] * b[j];
                }
            }
            case FLOORDIV -> {
                for (int j = 0; j < len; j++) {
                    long y = b[j];
                    a[j] = y == 0 ? 0 : u ? Long.divideUnsigned(a[j], y) : Math.floorDiv(a[j], y);
                }
            }
            case MOD -> {
                for (int j = 0; j < len; j++) {
                    long y = b[j];
                    a[j] = y == 0 ? 0 : u ? Long.remainderUnsigned(a[j], y) : Math.floorMod(a[j], y);
                }
            }
            case FMOD -> {
                for (int j = 0; j < len; j++) {
                    long y = b[j];
                    a[j] = y == 0 ? 0 : u ? Long.remainderUnsigned(a[j], y) : a[j] % y;
                }
            }
            case POW -> {
                for (int j = 0; j < len; j++) {
                    a[j] = ipow(a[j], b[j], in);
                }
            }
            case MAX, FMAX -> {
                for (int j = 0; j < len; j++) {
                    a[j] = (u ? Long.compareUnsigned(a[j], b[j]) : Long.compare(a[j], b[j])) >= 0 ? a[j] : b[j];
                }
            }
            case MIN, FMIN -> {
                for (int j = 0; j < len; j++) {
                    a[j] = (u ? Long.compareUnsigned(a[j], b[j]) : Long.compare(a[j], b[j])) <= 0 ? a[j] : b[j];
                }
            }
            case EQ -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] == b[j] ? 1 : 0;
                }
            }
            case NE -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] != b[j] ? 1 : 0;
                }
            }
            case LT, LE, GT, GE -> {
                for (int j = 0; j < len; j++) {
                    int c = u ? Long.compareUnsigned(a[j], b[j]) : Long.compare(a[j], b[j]);
                    a[j] = switch (op) {
                        case LT -> c < 0;
                        case LE -> c <= 0;
                        case GT -> c > 0;
                        default -> c >= 0;
                    } ? 1 : 0;
                }
            }
            case AND -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] != 0 && b[j] != 0 ? 1 : 0;
                }
            }
            case OR -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] != 0 || b[j] != 0 ? 1 : 0;
                }
            }
            case XOR -> {
                for (int j = 0; j < len; j++) {
                    a[j] = (a[j] != 0) != (b[j] != 0) ? 1 : 0;
                }
            }
            case BITAND -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] & b[j];
                }
            }
            case BITOR -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] | b[j];
                }
            }
            case BITXOR -> {
                for (int j = 0; j < len; j++) {
                    a[j] = a[j] ^ b[j];
                }
            }
            case SHL -> {
                int bits = in.size() * 8;
                for (int j = 0; j < len; j++) {
                    long y = b[j];
                    a[j] = y < 0 || y >= bits ? 0 : a[j] << y;
                }
            }
            case SHR -> {
                int bits = in.size() * 8;
                boolean unsigned = in.isUnsigned();
                for (int j = 0; j < len; j++) {
                    long y = b[j];
                    long x = a[j];
                    if (y < 0 || y >= bits) {
                        a[j] = unsigned || x >= 0 ? 0 : -1;
                    } else {
                        a[j] = unsigned ? x >>> y : x >> y;
                    }
                }
            }
            default -> throw Unary.unsupported(op, in);
        }
    }

    private static long ipow(long base, long exp, TypeCode t) {
        if (exp < 0 && !t.isUnsigned()) {
            throw new ArithmeticException("Integers to negative integer powers are not allowed (" + base + " ** " + exp
                    + ")");
        }
        long r = 1;
        long b = base;
        long e = exp;
        while (e != 0) {
            if ((e & 1) != 0) {
                r *= b;
            }
            b *= b;
            e >>>= 1;
        }
        return r;
    }
}
