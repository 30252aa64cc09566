package dev.legate.numeric.internal.expr;

import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Moves runs of elements between a tile's memory and the interpreter's chunk buffers,
 * converting to the compute kind of the element type: doubles for floating types, longs for
 * integers and booleans (sign- or zero-extended; booleans as 0 or 1), pairs of doubles for
 * complex types. Element {@code j} of a run is at element index {@code off + j * stride}.
 */
final class Loads {
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Loads() {
    }

    /** Loads a run of a floating type into {@code out}. */
    static void loadDouble(MemorySegment seg, TypeCode t, long off, long stride, int len, double[] out) {
        switch (t) {
            case FLOAT64 -> {
                if (stride == 1) {
                    MemorySegment.copy(seg, D, off * 8, out, 0, len);
                } else if (stride == 0) {
                    Arrays.fill(out, 0, len, seg.getAtIndex(D, off));
                } else {
                    for (int j = 0; j < len; j++) {
                        out[j] = seg.getAtIndex(D, off + j * stride);
                    }
                }
            }
            case FLOAT32 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.getAtIndex(F, off + j * stride);
                }
            }
            case FLOAT16 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = Float.float16ToFloat(seg.getAtIndex(S, off + j * stride));
                }
            }
            default -> throw new IllegalArgumentException(t + " is not a floating type");
        }
    }

    /** Loads a run of an integer or boolean type into {@code out}. */
    static void loadLong(MemorySegment seg, TypeCode t, long off, long stride, int len, long[] out) {
        switch (t) {
            case INT64, UINT64 -> {
                if (stride == 1) {
                    MemorySegment.copy(seg, L, off * 8, out, 0, len);
                } else {
                    for (int j = 0; j < len; j++) {
                        out[j] = seg.getAtIndex(L, off + j * stride);
                    }
                }
            }
            case INT32 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.getAtIndex(I, off + j * stride);
                }
            }
            case UINT32 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.getAtIndex(I, off + j * stride) & 0xFFFF_FFFFL;
                }
            }
            case INT16 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.getAtIndex(S, off + j * stride);
                }
            }
            case UINT16 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.getAtIndex(S, off + j * stride) & 0xFFFF;
                }
            }
            case INT8 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.get(B, off + j * stride);
                }
            }
            case UINT8 -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.get(B, off + j * stride) & 0xFF;
                }
            }
            case BOOL -> {
                for (int j = 0; j < len; j++) {
                    out[j] = seg.get(B, off + j * stride) != 0 ? 1 : 0;
                }
            }
            default -> throw new IllegalArgumentException(t + " is not an integer type");
        }
    }

    /** Loads a run of a complex type into real and imaginary parts. */
    static void loadComplex(MemorySegment seg, TypeCode t, long off, long stride, int len, double[] re, double[] im) {
        if (t == TypeCode.COMPLEX128) {
            for (int j = 0; j < len; j++) {
                long k = 2 * (off + j * stride);
                re[j] = seg.getAtIndex(D, k);
                im[j] = seg.getAtIndex(D, k + 1);
            }
        } else {
            for (int j = 0; j < len; j++) {
                long k = 2 * (off + j * stride);
                re[j] = seg.getAtIndex(F, k);
                im[j] = seg.getAtIndex(F, k + 1);
            }
        }
    }

    /** Stores a run of doubles as a floating type (the values are already rounded to it). */
    static void storeDouble(MemorySegment seg, TypeCode t, long off, long stride, int len, double[] in) {
        switch (t) {
            case FLOAT64 -> {
                if (stride == 1) {
                    MemorySegment.copy(in, 0, seg, D, off * 8, len);
                } else {
                    for (int j = 0; j < len; j++) {
                        seg.setAtIndex(D, off + j * stride, in[j]);
                    }
                }
            }
            case FLOAT32 -> {
                for (int j = 0; j < len; j++) {
                    seg.setAtIndex(F, off + j * stride, (float) in[j]);
                }
            }
            case FLOAT16 -> {
                for (int j = 0; j < len; j++) {
                    seg.setAtIndex(S, off + j * stride, Float.floatToFloat16((float) in[j]));
                }
            }
            default -> throw new IllegalArgumentException(t + " is not a floating type");
        }
    }

    /** Stores a run of longs as an integer or boolean type (the values are already wrapped to it). */
    static void storeLong(MemorySegment seg, TypeCode t, long off, long stride, int len, long[] in) {
        switch (t) {
            case INT64, UINT64 -> {
                if (stride == 1) {
                    MemorySegment.copy(in, 0, seg, L, off * 8, len);
                } else {
                    for (int j = 0; j < len; j++) {
                        seg.setAtIndex(L, off + j * stride, in[j]);
                    }
                }
            }
            case INT32, UINT32 -> {
                for (int j = 0; j < len; j++) {
                    seg.setAtIndex(I, off + j * stride, (int) in[j]);
                }
            }
            case INT16, UINT16 -> {
                for (int j = 0; j < len; j++) {
                    seg.setAtIndex(S, off + j * stride, (short) in[j]);
                }
            }
            case INT8, UINT8, BOOL -> {
                for (int j = 0; j < len; j++) {
                    seg.set(B, off + j * stride, (byte) in[j]);
                }
            }
            default -> throw new IllegalArgumentException(t + " is not an integer type");
        }
    }

    /** Stores a run of complex values. */
    static void storeComplex(MemorySegment seg, TypeCode t, long off, long stride, int len, double[] re, double[] im) {
        if (t == TypeCode.COMPLEX128) {
            for (int j = 0; j < len; j++) {
                long k = 2 * (off + j * stride);
                seg.setAtIndex(D, k, re[j]);
                seg.setAtIndex(D, k + 1, im[j]);
            }
        } else {
            for (int j = 0; j < len; j++) {
                long k = 2 * (off + j * stride);
                seg.setAtIndex(F, k, (float) re[j]);
                seg.setAtIndex(F, k + 1, (float) im[j]);
            }
        }
    }
}
