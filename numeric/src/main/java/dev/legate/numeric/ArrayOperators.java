package dev.legate.numeric;

import dev.legate.core.DType;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.ops.Creation;
import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.UFunc;
import dev.legate.numeric.internal.ops.Ufuncs;
import java.util.Optional;

/** Conversions and element-wise operators of {@link NDArray}; see there. */
abstract class ArrayOperators {
    ArrayOperators() {
    }

    /** The state behind this array. */
    abstract ArrayImpl impl();

    /** This array as an {@link NDArray}. */
    final NDArray self() {
        return (NDArray) this;
    }

    // ---- conversion ----------------------------------------------------------------------

    /** A copy converted to {@code dtype} (NumPy's {@code astype}, unsafe casting). */
    public NDArray astype(DType dtype) {
        return NDArray.wrap(Ufuncs.astype(impl(), dtype));
    }

    /** A copy that shares nothing with this array. */
    public NDArray copy() {
        return NDArray.wrap(Creation.copy(impl()));
    }

    // ---- element-wise operators ----------------------------------------------------------

    private NDArray binary(UFunc f, Object other) {
        return NDArray.wrap(Ufuncs.apply(f, Optional.empty(), impl(), Operands.of(other)));
    }

    private NDArray inPlace(UFunc f, Object other) {
        Ufuncs.apply(f, Optional.of(impl()), impl(), Operands.of(other));
        return self();
    }

    /** {@code this + other}. */
    public NDArray add(Object other) {
        return binary(UFunc.ADD, other);
    }

    /** {@code this - other}. */
    public NDArray subtract(Object other) {
        return binary(UFunc.SUBTRACT, other);
    }

    /** {@code this * other}. */
    public NDArray multiply(Object other) {
        return binary(UFunc.MULTIPLY, other);
    }

    /** {@code this / other} (true division: integers give float64). */
    public NDArray divide(Object other) {
        return binary(UFunc.TRUE_DIVIDE, other);
    }

    /** {@code this // other} (floor division, Python's sign rules). */
    public NDArray floorDivide(Object other) {
        return binary(UFunc.FLOOR_DIVIDE, other);
    }

    /** {@code this % other} (the sign of the divisor, as Python). */
    public NDArray mod(Object other) {
        return binary(UFunc.REMAINDER, other);
    }

    /** {@code this ** other}. */
    public NDArray power(Object other) {
        return binary(UFunc.POWER, other);
    }

    /** {@code -this}. */
    public NDArray negative() {
        return NDArray.wrap(Ufuncs.apply(UFunc.NEGATIVE, Optional.empty(), impl()));
    }

    /** {@code abs(this)}. */
    public NDArray abs() {
        return NDArray.wrap(Ufuncs.apply(UFunc.ABSOLUTE, Optional.empty(), impl()));
    }

    /** The real part (a copy; the array itself for real types). */
    public NDArray real() {
        return NDArray.wrap(Ufuncs.apply(UFunc.REAL, Optional.empty(), impl()));
    }

    /** The imaginary part (zeros for real types). */
    public NDArray imag() {
        return NDArray.wrap(Ufuncs.apply(UFunc.IMAG, Optional.empty(), impl()));
    }

    /** The complex conjugate. */
    public NDArray conj() {
        return NDArray.wrap(Ufuncs.apply(UFunc.CONJUGATE, Optional.empty(), impl()));
    }

    /** {@code this & other} (bitwise; logical for booleans). */
    public NDArray and(Object other) {
        return binary(UFunc.BITWISE_AND, other);
    }

    /** {@code this | other}. */
    public NDArray or(Object other) {
        return binary(UFunc.BITWISE_OR, other);
    }

    /** {@code this ^ other}. */
    public NDArray xor(Object other) {
        return binary(UFunc.BITWISE_XOR, other);
    }

    /** {@code ~this} (bitwise not; logical not for booleans). */
    public NDArray invert() {
        return NDArray.wrap(Ufuncs.apply(UFunc.INVERT, Optional.empty(), impl()));
    }

    /** {@code this == other}, element-wise. */
    public NDArray eq(Object other) {
        return binary(UFunc.EQUAL, other);
    }

    /** {@code this != other}, element-wise. */
    public NDArray ne(Object other) {
        return binary(UFunc.NOT_EQUAL, other);
    }

    /** {@code this < other}, element-wise. */
    public NDArray lt(Object other) {
        return binary(UFunc.LESS, other);
    }

    /** {@code this <= other}, element-wise. */
    public NDArray le(Object other) {
        return binary(UFunc.LESS_EQUAL, other);
    }

    /** {@code this > other}, element-wise. */
    public NDArray gt(Object other) {
        return binary(UFunc.GREATER, other);
    }

    /** {@code this >= other}, element-wise. */
    public NDArray ge(Object other) {
        return binary(UFunc.GREATER_EQUAL, other);
    }

    /** {@code this += other}; returns this array. */
    public NDArray iadd(Object other) {
        return inPlace(UFunc.ADD, other);
    }

    /** {@code this -= other}; returns this array. */
    public NDArray isubtract(Object other) {
        return inPlace(UFunc.SUBTRACT, other);
    }

    /** {@code this *= other}; returns this array. */
    public NDArray imultiply(Object other) {
        return inPlace(UFunc.MULTIPLY, other);
    }

    /** {@code this /= other}; returns this array. */
    public NDArray idivide(Object other) {
        return inPlace(UFunc.TRUE_DIVIDE, other);
    }

    /** {@code this //= other}; returns this array. */
    public NDArray ifloorDivide(Object other) {
        return inPlace(UFunc.FLOOR_DIVIDE, other);
    }

    /** {@code this %= other}; returns this array. */
    public NDArray imod(Object other) {
        return inPlace(UFunc.REMAINDER, other);
    }

    /** {@code this **= other}; returns this array. */
    public NDArray ipower(Object other) {
        return inPlace(UFunc.POWER, other);
    }

    /** Sets every element to {@code value}; returns this array. */
    public NDArray fill(Object value) {
        Ufuncs.assign(impl(), Operands.of(value));
        return self();
    }


    /** Whether every element is close to {@code other}'s (NumPy's {@code allclose}, rtol 1e-5, atol 1e-8; waits). */
    public boolean allclose(Object other) {
        return Numeric.allclose(self(), other);
    }
}
