package dev.legate.numeric;

import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.Ufuncs;
import java.util.Optional;

/** Element-wise functions of {@link Numeric}; see there. Each is also a {@link Ufunc}. */
abstract class NumericUfuncs extends NumericCreation {
    NumericUfuncs() {
    }

    /** NumPy's {@code add(x1, x2)}. */
    public static NDArray add(Object x1, Object x2) {
        return Ufunc.ADD.call(x1, x2);
    }

    /** NumPy's {@code subtract(x1, x2)}. */
    public static NDArray subtract(Object x1, Object x2) {
        return Ufunc.SUBTRACT.call(x1, x2);
    }

    /** NumPy's {@code multiply(x1, x2)}. */
    public static NDArray multiply(Object x1, Object x2) {
        return Ufunc.MULTIPLY.call(x1, x2);
    }

    /** NumPy's {@code true_divide(x1, x2)}. */
    public static NDArray trueDivide(Object x1, Object x2) {
        return Ufunc.TRUE_DIVIDE.call(x1, x2);
    }

    /** NumPy's {@code floor_divide(x1, x2)}. */
    public static NDArray floorDivide(Object x1, Object x2) {
        return Ufunc.FLOOR_DIVIDE.call(x1, x2);
    }

    /** NumPy's {@code remainder(x1, x2)}. */
    public static NDArray remainder(Object x1, Object x2) {
        return Ufunc.REMAINDER.call(x1, x2);
    }

    /** NumPy's {@code fmod(x1, x2)}. */
    public static NDArray fmod(Object x1, Object x2) {
        return Ufunc.FMOD.call(x1, x2);
    }

    /** NumPy's {@code power(x1, x2)}. */
    public static NDArray power(Object x1, Object x2) {
        return Ufunc.POWER.call(x1, x2);
    }

    /** NumPy's {@code maximum(x1, x2)}. */
    public static NDArray maximum(Object x1, Object x2) {
        return Ufunc.MAXIMUM.call(x1, x2);
    }

    /** NumPy's {@code minimum(x1, x2)}. */
    public static NDArray minimum(Object x1, Object x2) {
        return Ufunc.MINIMUM.call(x1, x2);
    }

    /** NumPy's {@code fmax(x1, x2)}. */
    public static NDArray fmax(Object x1, Object x2) {
        return Ufunc.FMAX.call(x1, x2);
    }

    /** NumPy's {@code fmin(x1, x2)}. */
    public static NDArray fmin(Object x1, Object x2) {
        return Ufunc.FMIN.call(x1, x2);
    }

    /** NumPy's {@code equal(x1, x2)}. */
    public static NDArray equal(Object x1, Object x2) {
        return Ufunc.EQUAL.call(x1, x2);
    }

    /** NumPy's {@code not_equal(x1, x2)}. */
    public static NDArray notEqual(Object x1, Object x2) {
        return Ufunc.NOT_EQUAL.call(x1, x2);
    }

    /** NumPy's {@code less(x1, x2)}. */
    public static NDArray less(Object x1, Object x2) {
        return Ufunc.LESS.call(x1, x2);
    }

    /** NumPy's {@code less_equal(x1, x2)}. */
    public static NDArray lessEqual(Object x1, Object x2) {
        return Ufunc.LESS_EQUAL.call(x1, x2);
    }

    /** NumPy's {@code greater(x1, x2)}. */
    public static NDArray greater(Object x1, Object x2) {
        return Ufunc.GREATER.call(x1, x2);
    }

    /** NumPy's {@code greater_equal(x1, x2)}. */
    public static NDArray greaterEqual(Object x1, Object x2) {
        return Ufunc.GREATER_EQUAL.call(x1, x2);
    }

    /** NumPy's {@code logical_and(x1, x2)}. */
    public static NDArray logicalAnd(Object x1, Object x2) {
        return Ufunc.LOGICAL_AND.call(x1, x2);
    }

    /** NumPy's {@code logical_or(x1, x2)}. */
    public static NDArray logicalOr(Object x1, Object x2) {
        return Ufunc.LOGICAL_OR.call(x1, x2);
    }

    /** NumPy's {@code logical_xor(x1, x2)}. */
    public static NDArray logicalXor(Object x1, Object x2) {
        return Ufunc.LOGICAL_XOR.call(x1, x2);
    }

    /** NumPy's {@code bitwise_and(x1, x2)}. */
    public static NDArray bitwiseAnd(Object x1, Object x2) {
        return Ufunc.BITWISE_AND.call(x1, x2);
    }

    /** NumPy's {@code bitwise_or(x1, x2)}. */
    public static NDArray bitwiseOr(Object x1, Object x2) {
        return Ufunc.BITWISE_OR.call(x1, x2);
    }

    /** NumPy's {@code bitwise_xor(x1, x2)}. */
    public static NDArray bitwiseXor(Object x1, Object x2) {
        return Ufunc.BITWISE_XOR.call(x1, x2);
    }

    /** NumPy's {@code left_shift(x1, x2)}. */
    public static NDArray leftShift(Object x1, Object x2) {
        return Ufunc.LEFT_SHIFT.call(x1, x2);
    }

    /** NumPy's {@code right_shift(x1, x2)}. */
    public static NDArray rightShift(Object x1, Object x2) {
        return Ufunc.RIGHT_SHIFT.call(x1, x2);
    }

    /** NumPy's {@code arctan2(x1, x2)}. */
    public static NDArray arctan2(Object x1, Object x2) {
        return Ufunc.ARCTAN2.call(x1, x2);
    }

    /** NumPy's {@code hypot(x1, x2)}. */
    public static NDArray hypot(Object x1, Object x2) {
        return Ufunc.HYPOT.call(x1, x2);
    }

    /** NumPy's {@code copysign(x1, x2)}. */
    public static NDArray copysign(Object x1, Object x2) {
        return Ufunc.COPYSIGN.call(x1, x2);
    }

    /** NumPy's {@code negative(x)}. */
    public static NDArray negative(Object x) {
        return Ufunc.NEGATIVE.call(x);
    }

    /** NumPy's {@code positive(x)}. */
    public static NDArray positive(Object x) {
        return Ufunc.POSITIVE.call(x);
    }

    /** NumPy's {@code absolute(x)}. */
    public static NDArray absolute(Object x) {
        return Ufunc.ABSOLUTE.call(x);
    }

    /** NumPy's {@code sign(x)}. */
    public static NDArray sign(Object x) {
        return Ufunc.SIGN.call(x);
    }

    /** NumPy's {@code sqrt(x)}. */
    public static NDArray sqrt(Object x) {
        return Ufunc.SQRT.call(x);
    }

    /** NumPy's {@code cbrt(x)}. */
    public static NDArray cbrt(Object x) {
        return Ufunc.CBRT.call(x);
    }

    /** NumPy's {@code square(x)}. */
    public static NDArray square(Object x) {
        return Ufunc.SQUARE.call(x);
    }

    /** NumPy's {@code reciprocal(x)}. */
    public static NDArray reciprocal(Object x) {
        return Ufunc.RECIPROCAL.call(x);
    }

    /** NumPy's {@code exp(x)}. */
    public static NDArray exp(Object x) {
        return Ufunc.EXP.call(x);
    }

    /** NumPy's {@code expm1(x)}. */
    public static NDArray expm1(Object x) {
        return Ufunc.EXPM1.call(x);
    }

    /** NumPy's {@code exp2(x)}. */
    public static NDArray exp2(Object x) {
        return Ufunc.EXP2.call(x);
    }

    /** NumPy's {@code log(x)}. */
    public static NDArray log(Object x) {
        return Ufunc.LOG.call(x);
    }

    /** NumPy's {@code log1p(x)}. */
    public static NDArray log1p(Object x) {
        return Ufunc.LOG1P.call(x);
    }

    /** NumPy's {@code log2(x)}. */
    public static NDArray log2(Object x) {
        return Ufunc.LOG2.call(x);
    }

    /** NumPy's {@code log10(x)}. */
    public static NDArray log10(Object x) {
        return Ufunc.LOG10.call(x);
    }

    /** NumPy's {@code sin(x)}. */
    public static NDArray sin(Object x) {
        return Ufunc.SIN.call(x);
    }

    /** NumPy's {@code cos(x)}. */
    public static NDArray cos(Object x) {
        return Ufunc.COS.call(x);
    }

    /** NumPy's {@code tan(x)}. */
    public static NDArray tan(Object x) {
        return Ufunc.TAN.call(x);
    }

    /** NumPy's {@code arcsin(x)}. */
    public static NDArray arcsin(Object x) {
        return Ufunc.ARCSIN.call(x);
    }

    /** NumPy's {@code arccos(x)}. */
    public static NDArray arccos(Object x) {
        return Ufunc.ARCCOS.call(x);
    }

    /** NumPy's {@code arctan(x)}. */
    public static NDArray arctan(Object x) {
        return Ufunc.ARCTAN.call(x);
    }

    /** NumPy's {@code sinh(x)}. */
    public static NDArray sinh(Object x) {
        return Ufunc.SINH.call(x);
    }

    /** NumPy's {@code cosh(x)}. */
    public static NDArray cosh(Object x) {
        return Ufunc.COSH.call(x);
    }

    /** NumPy's {@code tanh(x)}. */
    public static NDArray tanh(Object x) {
        return Ufunc.TANH.call(x);
    }

    /** NumPy's {@code arcsinh(x)}. */
    public static NDArray arcsinh(Object x) {
        return Ufunc.ARCSINH.call(x);
    }

    /** NumPy's {@code arccosh(x)}. */
    public static NDArray arccosh(Object x) {
        return Ufunc.ARCCOSH.call(x);
    }

    /** NumPy's {@code arctanh(x)}. */
    public static NDArray arctanh(Object x) {
        return Ufunc.ARCTANH.call(x);
    }

    /** NumPy's {@code deg2rad(x)}. */
    public static NDArray deg2rad(Object x) {
        return Ufunc.DEG2RAD.call(x);
    }

    /** NumPy's {@code rad2deg(x)}. */
    public static NDArray rad2deg(Object x) {
        return Ufunc.RAD2DEG.call(x);
    }

    /** NumPy's {@code floor(x)}. */
    public static NDArray floor(Object x) {
        return Ufunc.FLOOR.call(x);
    }

    /** NumPy's {@code ceil(x)}. */
    public static NDArray ceil(Object x) {
        return Ufunc.CEIL.call(x);
    }

    /** NumPy's {@code trunc(x)}. */
    public static NDArray trunc(Object x) {
        return Ufunc.TRUNC.call(x);
    }

    /** NumPy's {@code rint(x)}. */
    public static NDArray rint(Object x) {
        return Ufunc.RINT.call(x);
    }

    /** NumPy's {@code isnan(x)}. */
    public static NDArray isnan(Object x) {
        return Ufunc.ISNAN.call(x);
    }

    /** NumPy's {@code isinf(x)}. */
    public static NDArray isinf(Object x) {
        return Ufunc.ISINF.call(x);
    }

    /** NumPy's {@code isfinite(x)}. */
    public static NDArray isfinite(Object x) {
        return Ufunc.ISFINITE.call(x);
    }

    /** NumPy's {@code signbit(x)}. */
    public static NDArray signbit(Object x) {
        return Ufunc.SIGNBIT.call(x);
    }

    /** NumPy's {@code logical_not(x)}. */
    public static NDArray logicalNot(Object x) {
        return Ufunc.LOGICAL_NOT.call(x);
    }

    /** NumPy's {@code invert(x)}. */
    public static NDArray invert(Object x) {
        return Ufunc.INVERT.call(x);
    }

    /** NumPy's {@code conjugate(x)}. */
    public static NDArray conjugate(Object x) {
        return Ufunc.CONJUGATE.call(x);
    }

    /** NumPy's {@code real(x)}. */
    public static NDArray real(Object x) {
        return Ufunc.REAL.call(x);
    }

    /** NumPy's {@code imag(x)}. */
    public static NDArray imag(Object x) {
        return Ufunc.IMAG.call(x);
    }

    /** NumPy's {@code divide} (true division). */
    public static NDArray divide(Object x1, Object x2) {
        return Ufunc.TRUE_DIVIDE.call(x1, x2);
    }

    /** NumPy's {@code mod} (remainder with the divisor's sign). */
    public static NDArray mod(Object x1, Object x2) {
        return Ufunc.REMAINDER.call(x1, x2);
    }

    /** NumPy's {@code abs}. */
    public static NDArray abs(Object x) {
        return Ufunc.ABSOLUTE.call(x);
    }

    /** NumPy's {@code conj}. */
    public static NDArray conj(Object x) {
        return Ufunc.CONJUGATE.call(x);
    }

    /** NumPy's {@code round} to 0 decimals (half to even, like {@code rint}). */
    public static NDArray round(Object x) {
        return Ufunc.RINT.call(x);
    }

    /** NumPy's {@code where(condition, x, y)}: x where the condition holds, y elsewhere. */
    public static NDArray where(Object condition, Object x, Object y) {
        return NDArray.wrap(Ufuncs.where(Operands.of(condition), Operands.of(x), Operands.of(y), Optional.empty()));
    }

    /** NumPy's {@code clip(a, a_min, a_max)}: {@code minimum(maximum(a, a_min), a_max)}. */
    public static NDArray clip(Object a, Object aMin, Object aMax) {
        return minimum(maximum(a, aMin), aMax);
    }
}
