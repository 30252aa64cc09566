package dev.legate.numeric.internal.gpu;

import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;

/**
 * How generated CUDA C handles each element type: its compute kind (as the CPU interpreter's:
 * floating types in {@code double}, integers and booleans in {@code i64}, complex types in
 * {@code lg_c}), the C type of its elements in memory, and the expressions that load, store,
 * round or wrap values (helpers of {@code prelude.cuh}).
 */
final class CudaTypes {
    /** The compute kinds. */
    enum Kind {
        DOUBLE("double"), LONG("i64"), COMPLEX("lg_c");

        private final String ctype;

        Kind(String ctype) {
            this.ctype = ctype;
        }

        /** The C type of a value of this kind. */
        String ctype() {
            return ctype;
        }
    }

    private CudaTypes() {
    }

    /** The compute kind of {@code t}. */
    static Kind kind(TypeCode t) {
        if (t.isFloating()) {
            return Kind.DOUBLE;
        }
        if (t.isComplex()) {
            return Kind.COMPLEX;
        }
        if (t.isInteger() || t == TypeCode.BOOL) {
            return Kind.LONG;
        }
        throw new TypeMismatchException("numeric's GPU kernels have no compute kind for element type " + t);
    }

    /** The C type of one element (of one part, for complex types) in memory. */
    static String element(TypeCode t) {
        return switch (t) {
            case FLOAT64, COMPLEX128 -> "double";
            case FLOAT32, COMPLEX64 -> "float";
            case FLOAT16 -> "unsigned short";
            case INT64, UINT64 -> "i64";
            case INT32 -> "int";
            case UINT32 -> "unsigned int";
            case INT16 -> "short";
            case UINT16 -> "unsigned short";
            case INT8 -> "signed char";
            case UINT8, BOOL -> "unsigned char";
            default -> throw new TypeMismatchException("numeric's GPU kernels do not store element type " + t);
        };
    }

    /** The value of element {@code off} of pointer {@code p} (of type {@code t}), in its compute kind. */
    static String load(TypeCode t, String p, String off) {
        return switch (t) {
            case FLOAT64, INT64, UINT64 -> p + "[" + off + "]";
            case FLOAT32 -> "(double)" + p + "[" + off + "]";
            case FLOAT16 -> "(double)lg_h2f(" + p + "[" + off + "])";
            case INT32, UINT32, INT16, UINT16, INT8, UINT8 -> "(i64)" + p + "[" + off + "]";
            case BOOL -> "(i64)(" + p + "[" + off + "] != 0)";
            case COMPLEX128 -> "lg_cx(" + p + "[2 * (" + off + ")], " + p + "[2 * (" + off + ") + 1])";
            case COMPLEX64 -> "lg_cx((double)" + p + "[2 * (" + off + ")], (double)" + p + "[2 * (" + off + ") + 1])";
            default -> throw new TypeMismatchException("numeric's GPU kernels do not load element type " + t);
        };
    }

    /** A statement storing {@code v} (a value of {@code t}'s kind, already fitted to t) at element {@code off} of {@code p}. */
    static String store(TypeCode t, String p, String off, String v) {
        return switch (t) {
            case FLOAT64, INT64, UINT64 -> p + "[" + off + "] = " + v + ";";
            case FLOAT32 -> p + "[" + off + "] = (float)" + v + ";";
            case FLOAT16 -> p + "[" + off + "] = lg_f2h((float)" + v + ");";
            case INT32 -> p + "[" + off + "] = (int)(unsigned int)(u64)" + v + ";";
            case UINT32 -> p + "[" + off + "] = (unsigned int)(u64)" + v + ";";
            case INT16 -> p + "[" + off + "] = (short)(unsigned short)(u64)" + v + ";";
            case UINT16 -> p + "[" + off + "] = (unsigned short)(u64)" + v + ";";
            case INT8 -> p + "[" + off + "] = (signed char)(unsigned char)(u64)" + v + ";";
            case UINT8, BOOL -> p + "[" + off + "] = (unsigned char)(u64)" + v + ";";
            case COMPLEX128 -> p + "[2 * (" + off + ")] = " + v + ".re; " + p + "[2 * (" + off + ") + 1] = " + v + ".im;";
            case COMPLEX64 -> p + "[2 * (" + off + ")] = (float)" + v + ".re; " + p + "[2 * (" + off + ") + 1] = (float)"
                    + v + ".im;";
            default -> throw new TypeMismatchException("numeric's GPU kernels do not store element type " + t);
        };
    }

    /**
     * {@code e} (of {@code t}'s kind) rounded or wrapped to {@code t}, as the interpreter does after
     * every operation ({@code Casts.round}, {@code Casts.wrap}).
     */
    static String fit(TypeCode t, String e) {
        return switch (t) {
            case FLOAT64, INT64, UINT64, COMPLEX128 -> e;
            case FLOAT32 -> "lg_rf32(" + e + ")";
            case FLOAT16 -> "lg_rf16(" + e + ")";
            case INT32 -> "lg_wi32(" + e + ")";
            case INT16 -> "lg_wi16(" + e + ")";
            case INT8 -> "lg_wi8(" + e + ")";
            case UINT32 -> "lg_wu32(" + e + ")";
            case UINT16 -> "lg_wu16(" + e + ")";
            case UINT8 -> "lg_wu8(" + e + ")";
            case BOOL -> "lg_wb(" + e + ")";
            case COMPLEX64 -> "lg_cround32(" + e + ")";
            default -> throw new TypeMismatchException("numeric's GPU kernels do not compute element type " + t);
        };
    }

    /** {@code e}, a double, converted to {@code t}'s kind and fitted (the compute part of {@code Casts.cast}). */
    static String fromDouble(TypeCode t, String e) {
        return switch (kind(t)) {
            case DOUBLE -> fit(t, e);
            case LONG -> t == TypeCode.BOOL ? "(i64)(" + e + " != 0)"
                    : fit(t, "lg_d2l(" + e + ", " + (t == TypeCode.UINT64) + ")");
            case COMPLEX -> "lg_cx(" + fit(part(t), e) + ", 0.0)";
        };
    }

    /** The floating type of one part of complex type {@code t}. */
    static TypeCode part(TypeCode t) {
        return t == TypeCode.COMPLEX64 ? TypeCode.FLOAT32 : TypeCode.FLOAT64;
    }

    /** The identity of a floating reduction operator as a C literal. */
    static String doubleLiteral(double v) {
        if (Double.isNaN(v)) {
            return "lg_nan()";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "lg_inf()" : "(-lg_inf())";
        }
        if (v == 0 && 1 / v < 0) {
            return "(-0.0)";
        }
        return Double.toHexString(v);
    }

    /** A 64-bit integer as a C literal. */
    static String longLiteral(long v) {
        return v == Long.MIN_VALUE ? "LG_MIN_I64" : "(" + v + "LL)";
    }
}
