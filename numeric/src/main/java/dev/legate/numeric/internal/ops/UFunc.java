package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.types.Types;

/**
 * NumPy's universal functions: the interpreter op each one runs and how it resolves the
 * computation and result types from its (promoted) operand type, following NumPy's loop
 * tables (for instance {@code sqrt} of int8 gives float16, {@code true_divide} of integers
 * float64, {@code floor} of integers keeps the integer type).
 */
public enum UFunc {
    ADD("add", Op.ADD, Rule.ARITH),
    SUBTRACT("subtract", Op.SUB, Rule.NO_BOOL),
    MULTIPLY("multiply", Op.MUL, Rule.ARITH),
    TRUE_DIVIDE("true_divide", Op.DIV, Rule.TRUE_DIV),
    FLOOR_DIVIDE("floor_divide", Op.FLOORDIV, Rule.INT_OR_REAL),
    REMAINDER("remainder", Op.MOD, Rule.INT_OR_REAL),
    FMOD("fmod", Op.FMOD, Rule.INT_OR_REAL),
    POWER("power", Op.POW, Rule.POWER),
    MAXIMUM("maximum", Op.MAX, Rule.ORDERED),
    MINIMUM("minimum", Op.MIN, Rule.ORDERED),
    FMAX("fmax", Op.FMAX, Rule.ORDERED),
    FMIN("fmin", Op.FMIN, Rule.ORDERED),
    EQUAL("equal", Op.EQ, Rule.COMPARE),
    NOT_EQUAL("not_equal", Op.NE, Rule.COMPARE),
    LESS("less", Op.LT, Rule.COMPARE_ORDERED),
    LESS_EQUAL("less_equal", Op.LE, Rule.COMPARE_ORDERED),
    GREATER("greater", Op.GT, Rule.COMPARE_ORDERED),
    GREATER_EQUAL("greater_equal", Op.GE, Rule.COMPARE_ORDERED),
    LOGICAL_AND("logical_and", Op.AND, Rule.LOGICAL),
    LOGICAL_OR("logical_or", Op.OR, Rule.LOGICAL),
    LOGICAL_XOR("logical_xor", Op.XOR, Rule.LOGICAL),
    BITWISE_AND("bitwise_and", Op.BITAND, Rule.BITWISE),
    BITWISE_OR("bitwise_or", Op.BITOR, Rule.BITWISE),
    BITWISE_XOR("bitwise_xor", Op.BITXOR, Rule.BITWISE),
    LEFT_SHIFT("left_shift", Op.SHL, Rule.SHIFT),
    RIGHT_SHIFT("right_shift", Op.SHR, Rule.SHIFT),
    ARCTAN2("arctan2", Op.ATAN2, Rule.FLOAT),
    HYPOT("hypot", Op.HYPOT, Rule.FLOAT),
    COPYSIGN("copysign", Op.COPYSIGN, Rule.FLOAT),

    NEGATIVE("negative", Op.NEG, Rule.NO_BOOL),
    POSITIVE("positive", Op.POS, Rule.NO_BOOL),
    ABSOLUTE("absolute", Op.ABS, Rule.ABS),
    SIGN("sign", Op.SIGN, Rule.SIGN),
    SQRT("sqrt", Op.SQRT, Rule.FLOAT_OR_COMPLEX),
    CBRT("cbrt", Op.CBRT, Rule.FLOAT),
    SQUARE("square", Op.SQUARE, Rule.POWER),
    RECIPROCAL("reciprocal", Op.RECIPROCAL, Rule.POWER),
    EXP("exp", Op.EXP, Rule.FLOAT_OR_COMPLEX),
    EXPM1("expm1", Op.EXPM1, Rule.FLOAT),
    EXP2("exp2", Op.EXP2, Rule.FLOAT),
    LOG("log", Op.LOG, Rule.FLOAT_OR_COMPLEX),
    LOG1P("log1p", Op.LOG1P, Rule.FLOAT),
    LOG2("log2", Op.LOG2, Rule.FLOAT),
    LOG10("log10", Op.LOG10, Rule.FLOAT),
    SIN("sin", Op.SIN, Rule.FLOAT),
    COS("cos", Op.COS, Rule.FLOAT),
    TAN("tan", Op.TAN, Rule.FLOAT),
    ARCSIN("arcsin", Op.ASIN, Rule.FLOAT),
    ARCCOS("arccos", Op.ACOS, Rule.FLOAT),
    ARCTAN("arctan", Op.ATAN, Rule.FLOAT),
    SINH("sinh", Op.SINH, Rule.FLOAT),
    COSH("cosh", Op.COSH, Rule.FLOAT),
    TANH("tanh", Op.TANH, Rule.FLOAT),
    ARCSINH("arcsinh", Op.ASINH, Rule.FLOAT),
    ARCCOSH("arccosh", Op.ACOSH, Rule.FLOAT),
    ARCTANH("arctanh", Op.ATANH, Rule.FLOAT),
    DEG2RAD("deg2rad", Op.DEG2RAD, Rule.FLOAT),
    RAD2DEG("rad2deg", Op.RAD2DEG, Rule.FLOAT),
    FLOOR("floor", Op.FLOOR, Rule.INT_OR_REAL),
    CEIL("ceil", Op.CEIL, Rule.INT_OR_REAL),
    TRUNC("trunc", Op.TRUNC, Rule.INT_OR_REAL),
    RINT("rint", Op.RINT, Rule.FLOAT),
    ISNAN("isnan", Op.ISNAN, Rule.PREDICATE),
    ISINF("isinf", Op.ISINF, Rule.PREDICATE),
    ISFINITE("isfinite", Op.ISFINITE, Rule.PREDICATE),
    SIGNBIT("signbit", Op.SIGNBIT, Rule.REAL_PREDICATE),
    LOGICAL_NOT("logical_not", Op.NOT, Rule.PREDICATE),
    INVERT("invert", Op.INVERT, Rule.BITWISE),
    CONJUGATE("conjugate", Op.CONJ, Rule.ANY),
    REAL("real", Op.REAL, Rule.REAL_PART),
    IMAG("imag", Op.IMAG, Rule.REAL_PART);

    /** How the types of a ufunc are resolved. */
    enum Rule {
        ARITH, NO_BOOL, TRUE_DIV, INT_OR_REAL, POWER, ORDERED, COMPARE, COMPARE_ORDERED, LOGICAL, BITWISE, SHIFT,
        FLOAT, FLOAT_OR_COMPLEX, ABS, SIGN, PREDICATE, REAL_PREDICATE, ANY, REAL_PART
    }

    private final String npName;
    private final Op op;
    private final Rule rule;

    UFunc(String npName, Op op, Rule rule) {
        this.npName = npName;
        this.op = op;
        this.rule = rule;
    }

    /** NumPy's name of the function. */
    public String npName() {
        return npName;
    }

    /** The interpreter op. */
    public Op op() {
        return op;
    }

    /** The number of operands. */
    public int arity() {
        return op.arity();
    }

    /**
     * The type operands are converted to before the op runs, given their promoted type.
     *
     * @throws TypeMismatchException when NumPy has no loop for that type
     */
    public DType computeType(DType t) {
        boolean bool = Types.isBool(t);
        boolean cplx = Types.isComplex(t);
        boolean integer = Types.isInteger(t);
        return switch (rule) {
            case ARITH, ORDERED, COMPARE, ANY -> {
                if (cplx && (rule == Rule.ORDERED || this == MAXIMUM)) {
                    throw noLoop(t);
                }
                yield t;
            }
            case NO_BOOL -> {
                if (bool) {
                    throw new TypeMismatchException("numpy boolean " + npName + " is not supported"
                            + (this == SUBTRACT ? "; use logical_xor instead" : "; use logical_not instead"));
                }
                yield t;
            }
            case TRUE_DIV -> bool || integer ? DType.FLOAT64 : t;
            case INT_OR_REAL, POWER -> {
                if (cplx && rule == Rule.INT_OR_REAL) {
                    throw noLoop(t);
                }
                yield bool && this != FLOOR && this != CEIL && this != TRUNC ? DType.INT8 : t;
            }
            case COMPARE_ORDERED -> {
                if (cplx) {
                    throw noLoop(t);
                }
                yield t;
            }
            case LOGICAL, PREDICATE -> t;
            case REAL_PREDICATE -> {
                if (cplx) {
                    throw noLoop(t);
                }
                yield t;
            }
            case BITWISE -> {
                if (!bool && !integer) {
                    throw noLoop(t);
                }
                yield t;
            }
            case SHIFT -> {
                if (!integer) {
                    throw noLoop(t);
                }
                yield t;
            }
            case FLOAT -> {
                if (cplx) {
                    throw noLoop(t);
                }
                yield Types.floatFor(t);
            }
            case FLOAT_OR_COMPLEX -> Types.floatFor(t);
            case ABS, REAL_PART -> t;
            case SIGN -> {
                if (bool || cplx) {
                    throw noLoop(t);
                }
                yield t;
            }
        };
    }

    /** The result type for computation type {@code c}. */
    public DType resultType(DType c) {
        return switch (rule) {
            case COMPARE, COMPARE_ORDERED, LOGICAL, PREDICATE, REAL_PREDICATE -> DType.BOOL;
            case ABS, REAL_PART -> Types.isComplex(c) ? Types.realOf(c) : c;
            default -> c;
        };
    }

    private TypeMismatchException noLoop(DType t) {
        return new TypeMismatchException("ufunc '" + npName + "' has no loop for dtype " + t.name());
    }
}
