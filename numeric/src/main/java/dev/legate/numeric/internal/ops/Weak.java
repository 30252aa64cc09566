package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.Scalar;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.types.Types;

/**
 * A Java number used as an operand: like a Python scalar under NumPy 2's rules, it takes the
 * type of the array it meets when the kinds allow (an int with an int8 array stays int8).
 */
public record Weak(Types.Weak kind, long longValue, double doubleValue, double imag) {
    /** An integer operand. */
    public static Weak of(long v) {
        return new Weak(Types.Weak.INT, v, v, 0);
    }

    /** A floating operand. */
    public static Weak of(double v) {
        return new Weak(Types.Weak.FLOAT, (long) v, v, 0);
    }

    /** A boolean operand. */
    public static Weak of(boolean v) {
        return new Weak(Types.Weak.BOOL, v ? 1 : 0, v ? 1 : 0, 0);
    }

    /** A complex operand. */
    public static Weak complex(double re, double im) {
        return new Weak(Types.Weak.COMPLEX, (long) re, re, im);
    }

    /** The type this operand gets when no array is involved. */
    public DType defaultType() {
        return switch (kind) {
            case BOOL -> DType.BOOL;
            case INT -> DType.INT64;
            case FLOAT -> DType.FLOAT64;
            case COMPLEX -> DType.COMPLEX128;
        };
    }

    /**
     * The value as a scalar of {@code t}.
     *
     * @throws ArithmeticException when an integer does not fit an integer type (NumPy's
     *         OverflowError)
     */
    public Scalar as(DType t) {
        if (kind == Types.Weak.COMPLEX) {
            if (!Types.isComplex(t)) {
                throw new TypeMismatchException("complex value cannot become " + t.name());
            }
            return Scalar.complex(t, doubleValue, imag);
        }
        if (kind == Types.Weak.INT || kind == Types.Weak.BOOL) {
            if (Types.isInteger(t)) {
                Types.checkIntFits(longValue, t);
            }
            return Scalar.ofInteger(t, longValue);
        }
        return Types.isComplex(t) ? Scalar.complex(t, doubleValue, 0) : Scalar.of(t, doubleValue);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BOOL -> longValue != 0 ? "True" : "False";
            case INT -> Long.toString(longValue);
            case FLOAT -> Double.toString(doubleValue);
            case COMPLEX -> "(" + doubleValue + "+" + imag + "j)";
        };
    }
}
