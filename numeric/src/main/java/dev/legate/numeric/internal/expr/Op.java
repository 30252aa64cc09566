package dev.legate.numeric.internal.expr;

/**
 * The operations of a fused element-wise program. Leaves read inputs, constants or
 * positions; the others combine the values of their operands element by element.
 */
public enum Op {
    /** Leaf: the next input store. */
    INPUT(0),
    /** Leaf: the next constant scalar. */
    CONST(0),
    /** Leaf: the coordinate along dimension {@code arg} of the iteration space. */
    COORD(0),
    /** Leaf: the row-major linear index in the iteration space. */
    LINEAR(0),

    CAST(1), NEG(1), POS(1), ABS(1), SIGN(1), SQRT(1), CBRT(1), SQUARE(1), RECIPROCAL(1),
    EXP(1), EXPM1(1), EXP2(1), LOG(1), LOG1P(1), LOG2(1), LOG10(1),
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), SINH(1), COSH(1), TANH(1), ASINH(1), ACOSH(1), ATANH(1),
    DEG2RAD(1), RAD2DEG(1), FLOOR(1), CEIL(1), TRUNC(1), RINT(1),
    ISNAN(1), ISINF(1), ISFINITE(1), SIGNBIT(1), NOT(1), INVERT(1), CONJ(1), REAL(1), IMAG(1),

    ADD(2), SUB(2), MUL(2), DIV(2), FLOORDIV(2), MOD(2), FMOD(2), POW(2),
    MAX(2), MIN(2), FMAX(2), FMIN(2),
    EQ(2), NE(2), LT(2), LE(2), GT(2), GE(2),
    AND(2), OR(2), XOR(2), BITAND(2), BITOR(2), BITXOR(2), SHL(2), SHR(2),
    ATAN2(2), HYPOT(2), COPYSIGN(2),

    WHERE(3);

    private static final Op[] VALUES = values();
    private final int arity;

    Op(int arity) {
        this.arity = arity;
    }

    /** The number of operands. */
    public int arity() {
        return arity;
    }

    /** The op with the given ordinal. */
    public static Op of(int ordinal) {
        return VALUES[ordinal];
    }

    /** Whether the op is a comparison (bool result from operands of another type). */
    public boolean isComparison() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }
}
