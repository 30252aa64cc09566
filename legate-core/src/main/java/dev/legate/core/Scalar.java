package dev.legate.core;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A typed value passed to a task by value, used to fill a store, or read back from a 0-d
 * store. Integers are held in a {@code long} (unsigned ones by their bit pattern), real
 * floating-point values in a {@code double}, complex values as two doubles, strings as
 * {@link String}.
 */
public final class Scalar {
    private final DType type;
    private final long bits;
    private final double real;
    private final double imag;
    private final String text;

    private Scalar(DType type, long bits, double real, double imag, String text) {
        this.type = type;
        this.bits = bits;
        this.real = real;
        this.imag = imag;
        this.text = text;
    }

    /** A float64 scalar. */
    public static Scalar of(double v) {
        return new Scalar(DType.FLOAT64, 0, v, 0, null);
    }

    /** A float32 scalar. */
    public static Scalar of(float v) {
        return new Scalar(DType.FLOAT32, 0, v, 0, null);
    }

    /** An int64 scalar. */
    public static Scalar of(long v) {
        return new Scalar(DType.INT64, v, 0, 0, null);
    }

    /** An int32 scalar. */
    public static Scalar of(int v) {
        return new Scalar(DType.INT32, v, 0, 0, null);
    }

    /** A bool scalar. */
    public static Scalar of(boolean v) {
        return new Scalar(DType.BOOL, v ? 1 : 0, 0, 0, null);
    }

    /** A string scalar. */
    public static Scalar of(String v) {
        return new Scalar(DType.STRING, 0, 0, 0, Objects.requireNonNull(v, "string scalar"));
    }

    /** A complex scalar of type complex64 or complex128. */
    public static Scalar complex(DType type, double re, double im) {
        if (!type.code().isComplex()) {
            throw new TypeMismatchException("complex scalar needs complex64 or complex128, got " + type.name());
        }
        return new Scalar(type, 0, re, im, null);
    }

    /**
     * The number {@code v} converted to {@code type} as NumPy's {@code astype} would (floats to
     * integers truncate toward zero).
     */
    public static Scalar of(DType type, double v) {
        TypeCode c = type.code();
        if (c.isFloating()) {
            return new Scalar(type, 0, c == TypeCode.FLOAT32 ? (float) v : v, 0, null);
        }
        if (c.isComplex()) {
            return new Scalar(type, 0, v, 0, null);
        }
        if (c == TypeCode.BOOL) {
            return of(v != 0);
        }
        if (c.isInteger()) {
            return ofInteger(type, c == TypeCode.UINT64 && v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v);
        }
        throw new TypeMismatchException("cannot make a " + type.name() + " scalar from the number " + v);
    }

    /** The integer {@code v} as {@code type}, wrapped to the type's width like a C cast. */
    public static Scalar ofInteger(DType type, long v) {
        TypeCode c = type.code();
        if (c.isFloating() || c.isComplex()) {
            return of(type, c == TypeCode.FLOAT64 || c.isComplex() ? (double) v : (float) v);
        }
        if (c == TypeCode.BOOL) {
            return of(v != 0);
        }
        if (!c.isInteger()) {
            throw new TypeMismatchException("cannot make a " + type.name() + " scalar from the integer " + v);
        }
        long w = switch (c) {
            case INT8 -> (byte) v;
            case INT16 -> (short) v;
            case INT32 -> (int) v;
            case UINT8 -> v & 0xFFL;
            case UINT16 -> v & 0xFFFFL;
            case UINT32 -> v & 0xFFFF_FFFFL;
            default -> v;
        };
        return new Scalar(type, w, 0, 0, null);
    }

    /** Reads one element of {@code type} at byte offset {@code offset} of {@code seg}. */
    public static Scalar read(DType type, MemorySegment seg, long offset) {
        return switch (type.code()) {
            case BOOL -> of(seg.get(ValueLayout.JAVA_BYTE, offset) != 0);
            case INT8 -> ofInteger(type, seg.get(ValueLayout.JAVA_BYTE, offset));
            case UINT8 -> ofInteger(type, seg.get(ValueLayout.JAVA_BYTE, offset) & 0xFF);
            case INT16 -> ofInteger(type, seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
            case UINT16 -> ofInteger(type, seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset) & 0xFFFF);
            case FLOAT16 -> new Scalar(type, 0, Float.float16ToFloat(seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset)), 0, null);
            case INT32 -> ofInteger(type, seg.get(ValueLayout.JAVA_INT_UNALIGNED, offset));
            case UINT32 -> ofInteger(type, seg.get(ValueLayout.JAVA_INT_UNALIGNED, offset) & 0xFFFF_FFFFL);
            case INT64, UINT64 -> ofInteger(type, seg.get(ValueLayout.JAVA_LONG_UNALIGNED, offset));
            case FLOAT32 -> of(seg.get(ValueLayout.JAVA_FLOAT_UNALIGNED, offset));
            case FLOAT64 -> of(seg.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset));
            case COMPLEX64 -> complex(type, seg.get(ValueLayout.JAVA_FLOAT_UNALIGNED, offset),
                    seg.get(ValueLayout.JAVA_FLOAT_UNALIGNED, offset + 4));
            case COMPLEX128 -> complex(type, seg.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset),
                    seg.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset + 8));
            case STRING, STRUCT -> throw new TypeMismatchException("cannot read a " + type.name() + " element as a scalar");
        };
    }

    /** Writes this value as one element of its type at byte offset {@code offset} of {@code seg}. */
    public void write(MemorySegment seg, long offset) {
        switch (type.code()) {
            case BOOL, INT8, UINT8 -> seg.set(ValueLayout.JAVA_BYTE, offset, (byte) bits);
            case INT16, UINT16 -> seg.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) bits);
            case FLOAT16 -> seg.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, Float.floatToFloat16((float) real));
            case INT32, UINT32 -> seg.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) bits);
            case INT64, UINT64 -> seg.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, bits);
            case FLOAT32 -> seg.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset, (float) real);
            case FLOAT64 -> seg.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, real);
            case COMPLEX64 -> {
                seg.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset, (float) real);
                seg.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset + 4, (float) imag);
            }
            case COMPLEX128 -> {
                seg.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, real);
                seg.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset + 8, imag);
            }
            case STRING, STRUCT -> throw new TypeMismatchException("cannot write a " + type.name() + " scalar as one element");
        }
    }

    /** This value converted to {@code target} (as NumPy's astype). */
    public Scalar cast(DType target) {
        if (target.equals(type)) {
            return this;
        }
        TypeCode c = type.code();
        if (c.isComplex() && target.code().isComplex()) {
            return complex(target, real, imag);
        }
        if (c.isInteger() || c == TypeCode.BOOL) {
            if (c == TypeCode.UINT64 && bits < 0 && !target.code().isInteger()) {
                return of(target, asDouble());
            }
            return ofInteger(target, bits);
        }
        return of(target, asDouble());
    }

    /** The type of the value. */
    public DType type() {
        return type;
    }

    /** The value as a double (the real part of a complex value; unsigned 64-bit read as unsigned). */
    public double asDouble() {
        TypeCode c = type.code();
        if (c == TypeCode.STRING) {
            throw new TypeMismatchException("string scalar '" + text + "' is not a number");
        }
        if (c.isInteger() || c == TypeCode.BOOL) {
            return c == TypeCode.UINT64 && bits < 0 ? (double) (bits >>> 1) * 2.0 + (bits & 1) : (double) bits;
        }
        return real;
    }

    /** The imaginary part (0 for real values). */
    public double imag() {
        return imag;
    }

    /** The value as a long (floats truncate toward zero). */
    public long asLong() {
        TypeCode c = type.code();
        if (c.isInteger() || c == TypeCode.BOOL) {
            return bits;
        }
        return (long) asDouble();
    }

    /** The value as an int (narrowed like a Java cast). */
    public int asInt() {
        return (int) asLong();
    }

    /** The value as a float. */
    public float asFloat() {
        return (float) asDouble();
    }

    /** The value as a boolean (non-zero is true). */
    public boolean asBoolean() {
        TypeCode c = type.code();
        if (c.isInteger() || c == TypeCode.BOOL) {
            return bits != 0;
        }
        return asDouble() != 0 || imag != 0;
    }

    /** The value of a string scalar. */
    public String asString() {
        if (text == null) {
            throw new TypeMismatchException("scalar of type " + type.name() + " is not a string");
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar s && s.type.equals(type) && s.bits == bits
                && Double.compare(s.real, real) == 0 && Double.compare(s.imag, imag) == 0 && Objects.equals(s.text, text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, bits, real, imag, text);
    }

    @Override
    public String toString() {
        TypeCode c = type.code();
        if (c == TypeCode.STRING) {
            return "'" + text + "'";
        }
        if (c == TypeCode.BOOL) {
            return bits != 0 ? "True" : "False";
        }
        if (c.isInteger()) {
            return c == TypeCode.UINT64 ? Long.toUnsignedString(bits) : Long.toString(bits);
        }
        if (c.isComplex()) {
            return "(" + real + (imag < 0 ? "-" : "+") + Math.abs(imag) + "j)";
        }
        return Double.toString(real);
    }
}
