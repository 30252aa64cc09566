package dev.legate.numeric.internal.gpu;

import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.expr.Program;
import dev.legate.numeric.internal.gpu.CudaTypes.Kind;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Translates an element-wise {@link Program} into a CUDA C device function that computes one
 * element, instruction by instruction as the CPU interpreter does ({@code Unary}, {@code Binary},
 * {@code Complex}, {@code Casts}): the same operations in the same compute kinds, rounded or wrapped
 * to each instruction's type.
 *
 * <p>The function is
 * <pre>
 *   __device__ R lg_value(const T0* in0, i64 o0, ..., [i64 c0, ..., i64 lin,] K0 k0, ..., int* lg_err)
 * </pre>
 * where {@code ink}/{@code ok} are input {@code k}'s pointer and element offset, {@code cd} the
 * global coordinates and {@code lin} the linear index (positional programs only), {@code kj} the
 * constants (complex ones as {@code kjr, kji}) and {@code lg_err} a flag set when an integer is
 * raised to a negative power (the CPU throws {@link ArithmeticException}).
 */
final class ExprSource {
    /** The name of the generated value function. */
    static final String FUNCTION = "lg_value";

    private final Program p;
    private final TypeCode[] inputs;
    private final int rank;
    private final StringBuilder body = new StringBuilder();
    private boolean signedPow;

    private ExprSource(Program p, TypeCode[] inputs, int rank) {
        this.p = p;
        this.inputs = inputs.clone();
        this.rank = rank;
    }

    /**
     * The value function of {@code p} whose inputs have element types {@code inputs} over an
     * iteration space of {@code rank} dimensions (used by positional programs).
     *
     * @throws UnsupportedOperationException for an operation the CPU interpreter has no loop for
     */
    static ExprSource of(Program p, TypeCode[] inputs, int rank) {
        if (inputs.length != p.inputs()) {
            throw new IllegalArgumentException("program with " + p.inputs() + " inputs given " + inputs.length
                    + " input types");
        }
        ExprSource s = new ExprSource(p, inputs, rank);
        s.generate();
        return s;
    }

    /** The program's result type. */
    TypeCode resultType() {
        return p.resultType();
    }

    /** Whether the program reads coordinates or linear indices. */
    boolean needsPositions() {
        return p.positional();
    }

    /** Whether the program raises a signed integer to a power (so it may set {@code lg_err}). */
    boolean needsErrorFlag() {
        return signedPow;
    }

    /** The C source of the function. */
    String function() {
        StringBuilder sb = new StringBuilder();
        sb.append("__device__ __forceinline__ ").append(CudaTypes.kind(p.resultType()).ctype()).append(' ')
                .append(FUNCTION).append('(').append(parameters()).append(") {\n").append(body).append("}\n");
        return sb.toString();
    }

    /** The parameter list of the function. */
    String parameters() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < inputs.length; k++) {
            sb.append("const ").append(CudaTypes.element(inputs[k])).append("* in").append(k).append(", i64 o")
                    .append(k).append(", ");
        }
        if (p.positional()) {
            for (int d = 0; d < rank; d++) {
                sb.append("i64 c").append(d).append(", ");
            }
            sb.append("i64 lin, ");
        }
        sb.append(constantParameters());
        sb.append("int* lg_err");
        return sb.toString();
    }

    /** The constants' parameters ({@code "double k0, i64 k1, "}), also used by kernels. */
    String constantParameters() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            if (p.op(i) == Op.CONST) {
                int j = p.leafIndex(i);
                switch (CudaTypes.kind(p.type(i))) {
                    case DOUBLE -> sb.append("double k").append(j).append(", ");
                    case LONG -> sb.append("i64 k").append(j).append(", ");
                    case COMPLEX -> sb.append("double k").append(j).append("r, double k").append(j).append("i, ");
                }
            }
        }
        return sb.toString();
    }

    /** The constants as call arguments ({@code "k0, k1, "}). */
    String constantArguments() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            if (p.op(i) == Op.CONST) {
                int j = p.leafIndex(i);
                if (CudaTypes.kind(p.type(i)) == Kind.COMPLEX) {
                    sb.append('k').append(j).append("r, k").append(j).append("i, ");
                } else {
                    sb.append('k').append(j).append(", ");
                }
            }
        }
        return sb.toString();
    }

    /**
     * A call of the function: input {@code k} at offset expression {@code offsets[k]}, coordinates
     * {@code coords} and linear index {@code lin} (positional programs), the constants by their
     * parameter names and the error flag {@code lg_err}.
     */
    String call(String[] offsets, String[] coords, String lin) {
        StringBuilder sb = new StringBuilder(FUNCTION).append('(');
        for (int k = 0; k < inputs.length; k++) {
            sb.append("in").append(k).append(", ").append(offsets[k]).append(", ");
        }
        if (p.positional()) {
            for (int d = 0; d < rank; d++) {
                sb.append(coords[d]).append(", ");
            }
            sb.append(lin).append(", ");
        }
        sb.append(constantArguments()).append("lg_err)");
        return sb.toString();
    }

    private record Value(String name, TypeCode type) {
    }

    private void generate() {
        Deque<Value> stack = new ArrayDeque<>();
        for (int i = 0; i < p.length(); i++) {
            Op op = p.op(i);
            TypeCode t = p.type(i);
            String v = "v" + i;
            String e;
            switch (op) {
                case INPUT -> {
                    int k = p.leafIndex(i);
                    if (CudaTypes.kind(inputs[k]) != CudaTypes.kind(t)) {
                        throw new IllegalArgumentException("input " + k + " of type " + inputs[k] + " read as " + t);
                    }
                    e = CudaTypes.load(inputs[k], "in" + k, "o" + k);
                    t = inputs[k];
                }
                case CONST -> {
                    int j = p.leafIndex(i);
                    e = CudaTypes.kind(t) == Kind.COMPLEX ? "lg_cx(k" + j + "r, k" + j + "i)" : "k" + j;
                }
                case COORD -> {
                    int d = p.arg(i);
                    if (d >= rank) {
                        throw new IllegalArgumentException("coordinate " + d + " of a " + rank + "-d iteration space");
                    }
                    e = "c" + d;
                }
                case LINEAR -> e = "lin";
                case WHERE -> {
                    Value y = stack.pop();
                    Value x = stack.pop();
                    Value c = stack.pop();
                    e = "(" + c.name + " != 0 ? " + x.name + " : " + y.name + ")";
                }
                default -> {
                    if (op.arity() == 1) {
                        Value a = stack.pop();
                        e = op == Op.CAST ? cast(a, t) : unary(op, a, t);
                    } else {
                        Value b = stack.pop();
                        Value a = stack.pop();
                        e = binary(op, a, b, t);
                    }
                }
            }
            body.append("    const ").append(CudaTypes.kind(t).ctype()).append(' ').append(v).append(" = ").append(e)
                    .append(";\n");
            stack.push(new Value(v, t));
        }
        body.append("    return ").append(stack.pop().name).append(";\n");
    }

    private static String cast(Value a, TypeCode to) {
        TypeCode from = a.type;
        String x = a.name;
        return switch (CudaTypes.kind(from)) {
            case DOUBLE -> CudaTypes.fromDouble(to, x);
            case LONG -> switch (CudaTypes.kind(to)) {
                case LONG -> CudaTypes.fit(to, x);
                case DOUBLE -> CudaTypes.fit(to, toDouble(from, x));
                case COMPLEX -> "lg_cx(" + CudaTypes.fit(CudaTypes.part(to), toDouble(from, x)) + ", 0.0)";
            };
            case COMPLEX -> switch (CudaTypes.kind(to)) {
                case COMPLEX -> CudaTypes.fit(to, x);
                case DOUBLE -> CudaTypes.fit(to, x + ".re");
                case LONG -> to == TypeCode.BOOL ? "(i64)lg_ctrue(" + x + ")"
                        : CudaTypes.fit(to, "lg_d2l(" + x + ".re, " + (to == TypeCode.UINT64) + ")");
            };
        };
    }

    private static String toDouble(TypeCode from, String x) {
        return from == TypeCode.UINT64 ? "lg_u64d(" + x + ")" : "(double)" + x;
    }

    private String unary(Op op, Value a, TypeCode out) {
        TypeCode in = a.type;
        String x = a.name;
        return switch (CudaTypes.kind(in)) {
            case DOUBLE -> realUnary(op, x, in, out);
            case LONG -> integerUnary(op, x, in, out);
            case COMPLEX -> complexUnary(op, x, in, out);
        };
    }

    private static String realUnary(Op op, String x, TypeCode in, TypeCode out) {
        if (CudaTypes.kind(out) == Kind.LONG) {
            return "(i64)(" + switch (op) {
                case ISNAN -> x + " != " + x;
                case ISINF -> "lg_isinf(" + x + ")";
                case ISFINITE -> "lg_isfinite(" + x + ")";
                case SIGNBIT -> "lg_dbits(" + x + ") < 0";
                case NOT -> x + " == 0";
                default -> throw unsupported(op, TypeCode.FLOAT64);
            } + ")";
        }
        if (CudaTypes.kind(out) != Kind.DOUBLE) {
            throw unsupported(op, out);
        }
        String e = switch (op) {
            case NEG -> "-" + x;
            case POS, REAL, CONJ -> x;
            case ABS -> "lg_abs(" + x + ")";
            case SIGN -> "lg_sign(" + x + ")";
            case SQRT -> "sqrt(" + x + ")";
            case CBRT -> "cbrt(" + x + ")";
            case SQUARE -> x + " * " + x;
            case RECIPROCAL -> "1.0 / " + x;
            case EXP -> "exp(" + x + ")";
            case EXPM1 -> "expm1(" + x + ")";
            case EXP2 -> "lg_pow(2.0, " + x + ")";
            case LOG -> "log(" + x + ")";
            case LOG1P -> "log1p(" + x + ")";
            case LOG2 -> "lg_log2(" + x + ")";
            case LOG10 -> "log10(" + x + ")";
            case SIN -> "sin(" + x + ")";
            case COS -> "cos(" + x + ")";
            case TAN -> "tan(" + x + ")";
            case ASIN -> "asin(" + x + ")";
            case ACOS -> "acos(" + x + ")";
            case ATAN -> "atan(" + x + ")";
            case SINH -> "sinh(" + x + ")";
            case COSH -> "cosh(" + x + ")";
            case TANH -> "tanh(" + x + ")";
            case ASINH -> "lg_asinh(" + x + ")";
            case ACOSH -> "lg_acosh(" + x + ")";
            case ATANH -> "lg_atanh(" + x + ")";
            case DEG2RAD -> x + " * 0.017453292519943295";
            case RAD2DEG -> x + " * 57.29577951308232";
            case FLOOR -> "floor(" + x + ")";
            case CEIL -> "ceil(" + x + ")";
            case TRUNC -> "lg_trunc(" + x + ")";
            case RINT -> "rint(" + x + ")";
            case IMAG -> "0.0";
            default -> throw unsupported(op, out);
        };
        return CudaTypes.fit(out, e);
    }

    private static String integerUnary(Op op, String x, TypeCode in, TypeCode out) {
        if (CudaTypes.kind(out) != Kind.LONG) {
            throw unsupported(op, in);
        }
        boolean u = in.isUnsigned();
        String e = switch (op) {
            case NEG -> "lg_neg(" + x + ")";
            case POS, FLOOR, CEIL, TRUNC, REAL, CONJ -> x;
            case IMAG -> "(i64)0";
            case ABS -> u ? x : "lg_iabs(" + x + ")";
            case SIGN -> "lg_isign(" + x + ", " + u + ")";
            case SQUARE -> "lg_mul(" + x + ", " + x + ")";
            case RECIPROCAL -> "lg_irecip(" + x + ", " + u + ")";
            case ISNAN, ISINF -> "(i64)0";
            case SIGNBIT -> u ? "(i64)0" : "(i64)(" + x + " < 0)";
            case ISFINITE -> "(i64)1";
            case NOT -> "(i64)(" + x + " == 0)";
            case INVERT -> in == TypeCode.BOOL ? "(" + x + " ^ 1)" : "(~" + x + ")";
            default -> throw unsupported(op, in);
        };
        return CudaTypes.fit(out, e);
    }

    private static String complexUnary(Op op, String x, TypeCode in, TypeCode out) {
        switch (op) {
            case ISNAN -> {
                return "(i64)(" + x + ".re != " + x + ".re || " + x + ".im != " + x + ".im)";
            }
            case ISINF -> {
                return "(i64)(lg_isinf(" + x + ".re) || lg_isinf(" + x + ".im))";
            }
            case ISFINITE -> {
                return "(i64)(lg_isfinite(" + x + ".re) && lg_isfinite(" + x + ".im))";
            }
            case NOT -> {
                return "(i64)(" + x + ".re == 0 && " + x + ".im == 0)";
            }
            default -> {
            }
        }
        String e = switch (op) {
            case NEG -> "lg_cx(-" + x + ".re, -" + x + ".im)";
            case POS -> x;
            case CONJ -> "lg_cx(" + x + ".re, -" + x + ".im)";
            case SQUARE -> "lg_csquare(" + x + ")";
            case RECIPROCAL -> "lg_crecip(" + x + ")";
            case EXP -> "lg_cexp(" + x + ")";
            case LOG -> "lg_clog(" + x + ")";
            case SQRT -> "lg_csqrt(" + x + ")";
            case ABS -> "hypot(" + x + ".re, " + x + ".im)";
            case REAL -> x + ".re";
            case IMAG -> x + ".im";
            default -> throw unsupported(op, in);
        };
        boolean realResult = op == Op.ABS || op == Op.REAL || op == Op.IMAG;
        return complexOut(out, e, realResult);
    }

    /** Complex.roundOut: a complex result rounded to complex64, a real one to its floating type. */
    private static String complexOut(TypeCode out, String e, boolean realResult) {
        if (realResult) {
            if (CudaTypes.kind(out) != Kind.DOUBLE) {
                throw new IllegalArgumentException("a real-valued complex operation produces " + out);
            }
            return CudaTypes.fit(out, e);
        }
        if (CudaTypes.kind(out) != Kind.COMPLEX) {
            throw new IllegalArgumentException("a complex operation produces " + out);
        }
        return CudaTypes.fit(out, e);
    }

    private String binary(Op op, Value a, Value b, TypeCode out) {
        TypeCode in = a.type;
        return switch (CudaTypes.kind(in)) {
            case DOUBLE -> realBinary(op, a.name, b.name, out);
            case LONG -> integerBinary(op, a.name, b.name, in, out);
            case COMPLEX -> complexBinary(op, a.name, b.name, in, out);
        };
    }

    private static String realBinary(Op op, String x, String y, TypeCode out) {
        if (CudaTypes.kind(out) == Kind.LONG) {
            return "(i64)(" + switch (op) {
                case EQ -> x + " == " + y;
                case NE -> x + " != " + y;
                case LT -> x + " < " + y;
                case LE -> x + " <= " + y;
                case GT -> x + " > " + y;
                case GE -> x + " >= " + y;
                case AND -> x + " != 0 && " + y + " != 0";
                case OR -> x + " != 0 || " + y + " != 0";
                case XOR -> "(" + x + " != 0) != (" + y + " != 0)";
                default -> throw unsupported(op, TypeCode.FLOAT64);
            } + ")";
        }
        String e = switch (op) {
            case ADD -> x + " + " + y;
            case SUB -> x + " - " + y;
            case MUL -> x + " * " + y;
            case DIV -> x + " / " + y;
            case FLOORDIV -> "lg_floordiv(" + x + ", " + y + ")";
            case MOD -> "lg_floormod(" + x + ", " + y + ")";
            case FMOD -> "lg_rem(" + x + ", " + y + ")";
            case POW -> "lg_pow(" + x + ", " + y + ")";
            case MAX -> "lg_max(" + x + ", " + y + ")";
            case MIN -> "lg_min(" + x + ", " + y + ")";
            case FMAX -> "lg_fmax(" + x + ", " + y + ")";
            case FMIN -> "lg_fmin(" + x + ", " + y + ")";
            case ATAN2 -> "atan2(" + x + ", " + y + ")";
            case HYPOT -> "hypot(" + x + ", " + y + ")";
            case COPYSIGN -> "lg_copysign(" + x + ", " + y + ")";
            default -> throw unsupported(op, TypeCode.FLOAT64);
        };
        return CudaTypes.fit(out, e);
    }

    private String integerBinary(Op op, String x, String y, TypeCode in, TypeCode out) {
        boolean u = in == TypeCode.UINT64;
        int bits = in.size() * 8;
        String e = switch (op) {
            case ADD -> in == TypeCode.BOOL ? "(" + x + " | " + y + ")" : "lg_add(" + x + ", " + y + ")";
            case SUB -> "lg_sub(" + x + ", " + y + ")";
            case MUL -> "lg_mul(" + x + ", " + y + ")";
            case FLOORDIV -> (u ? "lg_div_u(" : "lg_floordiv_s(") + x + ", " + y + ")";
            case MOD -> (u ? "lg_rem_u(" : "lg_floormod_s(") + x + ", " + y + ")";
            case FMOD -> (u ? "lg_rem_u(" : "lg_rem_s(") + x + ", " + y + ")";
            case POW -> {
                if (!in.isUnsigned()) {
                    signedPow = true;
                }
                yield "lg_ipow(" + x + ", " + y + ", " + in.isUnsigned() + ", lg_err)";
            }
            case MAX, FMAX -> "(lg_cmp(" + x + ", " + y + ", " + u + ") >= 0 ? " + x + " : " + y + ")";
            case MIN, FMIN -> "(lg_cmp(" + x + ", " + y + ", " + u + ") <= 0 ? " + x + " : " + y + ")";
            case EQ -> "(i64)(" + x + " == " + y + ")";
            case NE -> "(i64)(" + x + " != " + y + ")";
            case LT -> "(i64)(lg_cmp(" + x + ", " + y + ", " + u + ") < 0)";
            case LE -> "(i64)(lg_cmp(" + x + ", " + y + ", " + u + ") <= 0)";
            case GT -> "(i64)(lg_cmp(" + x + ", " + y + ", " + u + ") > 0)";
            case GE -> "(i64)(lg_cmp(" + x + ", " + y + ", " + u + ") >= 0)";
            case AND -> "(i64)(" + x + " != 0 && " + y + " != 0)";
            case OR -> "(i64)(" + x + " != 0 || " + y + " != 0)";
            case XOR -> "(i64)((" + x + " != 0) != (" + y + " != 0))";
            case BITAND -> "(" + x + " & " + y + ")";
            case BITOR -> "(" + x + " | " + y + ")";
            case BITXOR -> "(" + x + " ^ " + y + ")";
            case SHL -> "lg_shl(" + x + ", " + y + ", " + bits + ")";
            case SHR -> "lg_shr(" + x + ", " + y + ", " + bits + ", " + in.isUnsigned() + ")";
            default -> throw unsupported(op, in);
        };
        if (CudaTypes.kind(out) != Kind.LONG) {
            throw unsupported(op, in);
        }
        return CudaTypes.fit(out, e);
    }

    private static String complexBinary(Op op, String x, String y, TypeCode in, TypeCode out) {
        String eq = "(" + x + ".re == " + y + ".re && " + x + ".im == " + y + ".im)";
        switch (op) {
            case EQ -> {
                return "(i64)" + eq;
            }
            case NE -> {
                return "(i64)(!" + eq + ")";
            }
            case AND -> {
                return "(i64)(lg_ctrue(" + x + ") && lg_ctrue(" + y + "))";
            }
            case OR -> {
                return "(i64)(lg_ctrue(" + x + ") || lg_ctrue(" + y + "))";
            }
            case XOR -> {
                return "(i64)(lg_ctrue(" + x + ") != lg_ctrue(" + y + "))";
            }
            default -> {
            }
        }
        String e = switch (op) {
            case ADD -> "lg_cadd(" + x + ", " + y + ")";
            case SUB -> "lg_csub(" + x + ", " + y + ")";
            case MUL -> "lg_cmul(" + x + ", " + y + ")";
            case DIV -> "lg_cdiv(" + x + ", " + y + ")";
            case POW -> "lg_cpow(" + x + ", " + y + ")";
            default -> throw unsupported(op, in);
        };
        return complexOut(out, e, false);
    }

    /** The interpreter's message for an operation without a loop for a type. */
    static UnsupportedOperationException unsupported(Op op, TypeCode t) {
        return new UnsupportedOperationException("operation " + op.name().toLowerCase() + " has no loop for "
                + t.name().toLowerCase());
    }
}
