package dev.legate.core.internal;

import dev.legate.core.DType;
import dev.legate.core.ReductionOp;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Host implementations of the reduction operators: identities and the fold of one element into
 * another, for every primitive type and for the argmin/argmax pair types.
 */
public final class Reductions {
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private Reductions() {
    }

    /** Writes the identity of {@code op} for {@code type} at byte offset {@code off}. */
    public static void identity(ReductionOp op, DType type, MemorySegment seg, long off) {
        if (type instanceof DType.Struct st) {
            TypeCode vc = st.fields().get(0).code();
            identityPrimitive(op == ReductionOp.ARGMIN ? ReductionOp.MIN : ReductionOp.MAX, vc, seg, off);
            seg.set(L, off + st.offset(1), Long.MAX_VALUE);
            return;
        }
        identityPrimitive(op, type.code(), seg, off);
    }

    private static void identityPrimitive(ReductionOp op, TypeCode c, MemorySegment seg, long off) {
        switch (c) {
            case FLOAT64 -> seg.set(D, off, switch (op) {
                case SUM -> 0.0;
                case PROD -> 1.0;
                case MIN -> Double.POSITIVE_INFINITY;
                case MAX -> Double.NEGATIVE_INFINITY;
                default -> throw unsupported(op, c);
            });
            case FLOAT32 -> seg.set(F, off, switch (op) {
                case SUM -> 0.0f;
                case PROD -> 1.0f;
                case MIN -> Float.POSITIVE_INFINITY;
                case MAX -> Float.NEGATIVE_INFINITY;
                default -> throw unsupported(op, c);
            });
            case FLOAT16 -> seg.set(S, off, Float.floatToFloat16(switch (op) {
                case SUM -> 0.0f;
                case PROD -> 1.0f;
                case MIN -> Float.POSITIVE_INFINITY;
                case MAX -> Float.NEGATIVE_INFINITY;
                default -> throw unsupported(op, c);
            }));
            case COMPLEX64 -> {
                seg.set(F, off, op == ReductionOp.PROD ? 1f : 0f);
                seg.set(F, off + 4, 0f);
            }
            case COMPLEX128 -> {
                seg.set(D, off, op == ReductionOp.PROD ? 1.0 : 0.0);
                seg.set(D, off + 8, 0.0);
            }
            default -> writeInt(c, seg, off, intIdentity(op, c));
        }
    }

    private static long intIdentity(ReductionOp op, TypeCode c) {
        boolean u = c.isUnsigned() || c == TypeCode.BOOL;
        int bits = c.size() * 8;
        long max = u ? (bits == 64 ? -1L : (1L << bits) - 1) : (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1);
        long min = u ? 0 : (bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1)));
        if (c == TypeCode.BOOL) {
            max = 1;
        }
        return switch (op) {
            case SUM, OR, XOR -> 0;
            case PROD -> 1;
            case MIN -> max;
            case MAX -> min;
            case AND -> c == TypeCode.BOOL ? 1 : -1;
            default -> throw unsupported(op, c);
        };
    }

    /** Writes the identity of {@code op} into {@code count} consecutive elements from byte {@code off}. */
    public static void fillIdentity(ReductionOp op, DType type, MemorySegment seg, long off, long count) {
        if (count <= 0) {
            return;
        }
        long es = type.size();
        identity(op, type, seg, off);
        long done = 1;
        while (done < count) {
            long n = Math.min(done, count - done);
            MemorySegment.copy(seg, off, seg, off + done * es, n * es);
            done += n;
        }
    }

    /**
     * Folds {@code count} consecutive elements at {@code srcOff} into those at {@code dstOff}
     * (byte offsets), element by element.
     */
    public static void foldRun(ReductionOp op, DType type, MemorySegment dst, long dstOff, MemorySegment src,
                               long srcOff, long count) {
        if (type.code() == TypeCode.FLOAT64 && op == ReductionOp.SUM) {
            for (long i = 0; i < count; i++) {
                long d = dstOff + i * 8;
                dst.set(D, d, dst.get(D, d) + src.get(D, srcOff + i * 8));
            }
            return;
        }
        if (type.code() == TypeCode.INT64 && op == ReductionOp.SUM) {
            for (long i = 0; i < count; i++) {
                long d = dstOff + i * 8;
                dst.set(L, d, dst.get(L, d) + src.get(L, srcOff + i * 8));
            }
            return;
        }
        long es = type.size();
        for (long i = 0; i < count; i++) {
            fold(op, type, dst, dstOff + i * es, src, srcOff + i * es);
        }
    }

    /** Folds the element at {@code srcOff} into the element at {@code dstOff}. */
    public static void fold(ReductionOp op, DType type, MemorySegment dst, long dstOff, MemorySegment src, long srcOff) {
        if (type instanceof DType.Struct st) {
            foldArg(op, st, dst, dstOff, src, srcOff);
            return;
        }
        TypeCode c = type.code();
        switch (c) {
            case FLOAT64 -> dst.set(D, dstOff, foldDouble(op, dst.get(D, dstOff), src.get(D, srcOff)));
            case FLOAT32 -> dst.set(F, dstOff, (float) foldDouble(op, dst.get(F, dstOff), src.get(F, srcOff)));
            case FLOAT16 -> dst.set(S, dstOff, Float.floatToFloat16((float) foldDouble(op,
                    Float.float16ToFloat(dst.get(S, dstOff)), Float.float16ToFloat(src.get(S, srcOff)))));
            case COMPLEX64 -> foldComplex(op, c, dst, dstOff, src, srcOff, 4);
            case COMPLEX128 -> foldComplex(op, c, dst, dstOff, src, srcOff, 8);
            default -> writeInt(c, dst, dstOff, foldInt(op, c, readInt(c, dst, dstOff), readInt(c, src, srcOff)));
        }
    }

    private static double foldDouble(ReductionOp op, double a, double b) {
        return switch (op) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            default -> throw unsupported(op, TypeCode.FLOAT64);
        };
    }

    private static long foldInt(ReductionOp op, TypeCode c, long a, long b) {
        boolean u = c.isUnsigned();
        return switch (op) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MIN -> (u ? Long.compareUnsigned(a, b) : Long.compare(a, b)) <= 0 ? a : b;
            case MAX -> (u ? Long.compareUnsigned(a, b) : Long.compare(a, b)) >= 0 ? a : b;
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            default -> throw unsupported(op, c);
        };
    }

    private static void foldComplex(ReductionOp op, TypeCode c, MemorySegment dst, long d, MemorySegment src, long s,
                                    int w) {
        double ar = w == 4 ? dst.get(F, d) : dst.get(D, d);
        double ai = w == 4 ? dst.get(F, d + 4) : dst.get(D, d + 8);
        double br = w == 4 ? src.get(F, s) : src.get(D, s);
        double bi = w == 4 ? src.get(F, s + 4) : src.get(D, s + 8);
        double rr;
        double ri;
        switch (op) {
            case SUM -> {
                rr = ar + br;
                ri = ai + bi;
            }
            case PROD -> {
                rr = ar * br - ai * bi;
                ri = ar * bi + ai * br;
            }
            default -> throw unsupported(op, c);
        }
        if (w == 4) {
            dst.set(F, d, (float) rr);
            dst.set(F, d + 4, (float) ri);
        } else {
            dst.set(D, d, rr);
            dst.set(D, d + 8, ri);
        }
    }

    private static void foldArg(ReductionOp op, DType.Struct st, MemorySegment dst, long d, MemorySegment src, long s) {
        TypeCode vc = st.fields().get(0).code();
        long io = st.offset(1);
        long di = dst.get(L, d + io);
        long si = src.get(L, s + io);
        int cmp;
        if (vc.isFloating()) {
            double a = vc == TypeCode.FLOAT64 ? dst.get(D, d) : vc == TypeCode.FLOAT32 ? dst.get(F, d)
                    : Float.float16ToFloat(dst.get(S, d));
            double b = vc == TypeCode.FLOAT64 ? src.get(D, s) : vc == TypeCode.FLOAT32 ? src.get(F, s)
                    : Float.float16ToFloat(src.get(S, s));
            if (Double.isNaN(a) || Double.isNaN(b)) {
                cmp = Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.isNaN(a) ? -1 : 1;
            } else {
                cmp = op == ReductionOp.ARGMIN ? Double.compare(a, b) : Double.compare(b, a);
            }
        } else {
            long a = readInt(vc, dst, d);
            long b = readInt(vc, src, s);
            int raw = vc.isUnsigned() ? Long.compareUnsigned(a, b) : Long.compare(a, b);
            cmp = op == ReductionOp.ARGMIN ? raw : -raw;
        }
        if (cmp > 0 || cmp == 0 && si < di) {
            MemorySegment.copy(src, s, dst, d, st.size());
        }
    }

    /** Reads an integer or bool element, sign- or zero-extended by its type. */
    static long readInt(TypeCode c, MemorySegment seg, long off) {
        return switch (c) {
            case BOOL, UINT8 -> seg.get(B, off) & 0xFF;
            case INT8 -> seg.get(B, off);
            case INT16 -> seg.get(S, off);
            case UINT16 -> seg.get(S, off) & 0xFFFF;
            case INT32 -> seg.get(I, off);
            case UINT32 -> seg.get(I, off) & 0xFFFF_FFFFL;
            case INT64, UINT64 -> seg.get(L, off);
            default -> throw new IllegalArgumentException(c + " is not an integer type");
        };
    }

    static void writeInt(TypeCode c, MemorySegment seg, long off, long v) {
        switch (c) {
            case BOOL -> seg.set(B, off, (byte) (v != 0 ? 1 : 0));
            case INT8, UINT8 -> seg.set(B, off, (byte) v);
            case INT16, UINT16 -> seg.set(S, off, (short) v);
            case INT32, UINT32 -> seg.set(I, off, (int) v);
            case INT64, UINT64 -> seg.set(L, off, v);
            default -> throw new IllegalArgumentException(c + " is not an integer type");
        }
    }

    private static IllegalArgumentException unsupported(ReductionOp op, TypeCode c) {
        return new IllegalArgumentException(op + " does not apply to " + c.name().toLowerCase());
    }
}
