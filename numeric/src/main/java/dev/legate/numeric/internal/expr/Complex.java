package dev.legate.numeric.internal.expr;

import dev.legate.core.TypeCode;

/** Operations on complex chunks: real parts in the slot's doubles, imaginary parts beside them. */
final class Complex {
    private Complex() {
    }

    static void unary(Op op, TypeCode in, TypeCode out, Slots s, int slot, int len) {
        double[] re = s.d(slot, len);
        double[] im = s.im(slot, len);
        switch (op) {
            case NEG -> {
                for (int j = 0; j < len; j++) {
                    re[j] = -re[j];
                    im[j] = -im[j];
                }
            }
            case POS -> {
            }
            case CONJ -> {
                for (int j = 0; j < len; j++) {
                    im[j] = -im[j];
                }
            }
            case SQUARE -> {
                for (int j = 0; j < len; j++) {
                    double a = re[j];
                    double b = im[j];
                    re[j] = a * a - b * b;
                    im[j] = 2 * a * b;
                }
            }
            case RECIPROCAL -> {
                for (int j = 0; j < len; j++) {
                    divide(1, 0, re[j], im[j], re, im, j);
                }
            }
            case EXP -> {
                for (int j = 0; j < len; j++) {
                    double m = Math.exp(re[j]);
                    double b = im[j];
                    re[j] = b == 0 ? m : m * Math.cos(b);
                    im[j] = b == 0 ? b : m * Math.sin(b);
                }
            }
            case LOG -> {
                for (int j = 0; j < len; j++) {
                    double a = re[j];
                    double b = im[j];
                    re[j] = Math.log(Math.hypot(a, b));
                    im[j] = Math.atan2(b, a);
                }
            }
            case SQRT -> {
                for (int j = 0; j < len; j++) {
                    sqrt(re[j], im[j], re, im, j);
                }
            }
            case ABS -> {
                for (int j = 0; j < len; j++) {
                    re[j] = Math.hypot(re[j], im[j]);
                }
            }
            case REAL -> {
            }
            case IMAG -> System.arraycopy(im, 0, re, 0, len);
            case ISNAN, ISINF, ISFINITE, NOT -> {
                long[] o = s.l(slot, len);
                for (int j = 0; j < len; j++) {
                    double a = re[j];
                    double b = im[j];
                    o[j] = switch (op) {
                        case ISNAN -> a != a || b != b;
                        case ISINF -> Double.isInfinite(a) || Double.isInfinite(b);
                        case ISFINITE -> Double.isFinite(a) && Double.isFinite(b);
                        default -> a == 0 && b == 0;
                    } ? 1 : 0;
                }
                return;
            }
            default -> throw Unary.unsupported(op, in);
        }
        roundOut(out, s, slot, len);
    }

    static void binary(Op op, TypeCode in, TypeCode out, Slots s, int slot, int len) {
        double[] ar = s.d(slot, len);
        double[] ai = s.im(slot, len);
        double[] br = s.d(slot + 1, len);
        double[] bi = s.im(slot + 1, len);
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    ar[j] += br[j];
                    ai[j] += bi[j];
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    ar[j] -= br[j];
                    ai[j] -= bi[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    double a = ar[j];
                    double b = ai[j];
                    double c = br[j];
                    double d = bi[j];
                    ar[j] = a * c - b * d;
                    ai[j] = a * d + b * c;
                }
            }
            case DIV -> {
                for (int j = 0; j < len; j++) {
                    divide(ar[j], ai[j], br[j], bi[j], ar, ai, j);
                }
            }
            case POW -> {
                for (int j = 0; j < len; j++) {
                    pow(ar[j], ai[j], br[j], bi[j], ar, ai, j);
                }
            }
            case EQ, NE, AND, OR, XOR -> {
                long[] o = s.l(slot, len);
                for (int j = 0; j < len; j++) {
                    boolean eq = ar[j] == br[j] && ai[j] == bi[j];
                    boolean x = ar[j] != 0 || ai[j] != 0;
                    boolean y = br[j] != 0 || bi[j] != 0;
                    o[j] = switch (op) {
                        case EQ -> eq;
                        case NE -> !eq;
                        case AND -> x && y;
                        case OR -> x || y;
                        default -> x != y;
                    } ? 1 : 0;
                }
                return;
            }
            default -> throw Unary.unsupported(op, in);
        }
        roundOut(out, s, slot, len);
    }

    private static void roundOut(TypeCode out, Slots s, int slot, int len) {
        if (out == TypeCode.COMPLEX64) {
            Casts.round(TypeCode.FLOAT32, s.d(slot, len), len);
            Casts.round(TypeCode.FLOAT32, s.im(slot, len), len);
        } else if (out.isFloating()) {
            Casts.round(out, s.d(slot, len), len);
        }
    }

    /** (a+bi)/(c+di) by Smith's method, as NumPy does. */
    private static void divide(double a, double b, double c, double d, double[] re, double[] im, int j) {
        double ac = Math.abs(c);
        double ad = Math.abs(d);
        if (ac >= ad) {
            if (ac == 0 && ad == 0) {
                re[j] = a / ac;
                im[j] = b / ac;
                return;
            }
            double rat = d / c;
            double scl = 1.0 / (c + d * rat);
            re[j] = (a + b * rat) * scl;
            im[j] = (b - a * rat) * scl;
        } else {
            double rat = c / d;
            double scl = 1.0 / (d + c * rat);
            re[j] = (a * rat + b) * scl;
            im[j] = (b * rat - a) * scl;
        }
    }

    private static void sqrt(double a, double b, double[] re, double[] im, int j) {
        if (a == 0 && b == 0) {
            re[j] = 0;
            im[j] = b;
            return;
        }
        double t = Math.sqrt((Math.abs(a) + Math.hypot(a, b)) / 2);
        if (a >= 0) {
            re[j] = t;
            im[j] = b / (2 * t);
        } else {
            re[j] = Math.abs(b) / (2 * t);
            im[j] = Math.copySign(t, b);
        }
    }

    private static void pow(double a, double b, double c, double d, double[] re, double[] im, int j) {
        if (c == 0 && d == 0) {
            re[j] = 1;
            im[j] = 0;
            return;
        }
        if (a == 0 && b == 0) {
            re[j] = 0;
            im[j] = 0;
            return;
        }
        double logr = Math.log(Math.hypot(a, b));
        double theta = Math.atan2(b, a);
        double mag = Math.exp(c * logr - d * theta);
        double ang = d * logr + c * theta;
        re[j] = mag * Math.cos(ang);
        im[j] = mag * Math.sin(ang);
    }
}
