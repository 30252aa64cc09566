package dev.legate.numeric;

import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.ops.Operands;
import dev.legate.numeric.internal.ops.UFunc;
import dev.legate.numeric.internal.ops.Ufuncs;
import java.util.Optional;

/**
 * NumPy's universal functions as values: {@code Ufunc.ADD.call(a, b)} is {@code np.add(a, b)}
 * and {@code Ufunc.ADD.into(out, a, b)} is {@code np.add(a, b, out=out)}. The same functions
 * are static methods of {@link Numeric}. Operands are "array_like" (see {@link NDArray}); types
 * promote and shapes broadcast as in NumPy.
 */
public enum Ufunc {
    /** NumPy's {@code add}. */
    ADD,
    /** NumPy's {@code subtract}. */
    SUBTRACT,
    /** NumPy's {@code multiply}. */
    MULTIPLY,
    /** NumPy's {@code true_divide}. */
    TRUE_DIVIDE,
    /** NumPy's {@code floor_divide}. */
    FLOOR_DIVIDE,
    /** NumPy's {@code remainder}. */
    REMAINDER,
    /** NumPy's {@code fmod}. */
    FMOD,
    /** NumPy's {@code power}. */
    POWER,
    /** NumPy's {@code maximum}. */
    MAXIMUM,
    /** NumPy's {@code minimum}. */
    MINIMUM,
    /** NumPy's {@code fmax}. */
    FMAX,
    /** NumPy's {@code fmin}. */
    FMIN,
    /** NumPy's {@code equal}. */
    EQUAL,
    /** NumPy's {@code not_equal}. */
    NOT_EQUAL,
    /** NumPy's {@code less}. */
    LESS,
    /** NumPy's {@code less_equal}. */
    LESS_EQUAL,
    /** NumPy's {@code greater}. */
    GREATER,
    /** NumPy's {@code greater_equal}. */
    GREATER_EQUAL,
    /** NumPy's {@code logical_and}. */
    LOGICAL_AND,
    /** NumPy's {@code logical_or}. */
    LOGICAL_OR,
    /** NumPy's {@code logical_xor}. */
    LOGICAL_XOR,
    /** NumPy's {@code bitwise_and}. */
    BITWISE_AND,
    /** NumPy's {@code bitwise_or}. */
    BITWISE_OR,
    /** NumPy's {@code bitwise_xor}. */
    BITWISE_XOR,
    /** NumPy's {@code left_shift}. */
    LEFT_SHIFT,
    /** NumPy's {@code right_shift}. */
    RIGHT_SHIFT,
    /** NumPy's {@code arctan2}. */
    ARCTAN2,
    /** NumPy's {@code hypot}. */
    HYPOT,
    /** NumPy's {@code copysign}. */
    COPYSIGN,
    /** NumPy's {@code negative}. */
    NEGATIVE,
    /** NumPy's {@code positive}. */
    POSITIVE,
    /** NumPy's {@code absolute}. */
    ABSOLUTE,
    /** NumPy's {@code sign}. */
    SIGN,
    /** NumPy's {@code sqrt}. */
    SQRT,
    /** NumPy's {@code cbrt}. */
    CBRT,
    /** NumPy's {@code square}. */
    SQUARE,
    /** NumPy's {@code reciprocal}. */
    RECIPROCAL,
    /** NumPy's {@code exp}. */
    EXP,
    /** NumPy's {@code expm1}. */
    EXPM1,
    /** NumPy's {@code exp2}. */
    EXP2,
    /** NumPy's {@code log}. */
    LOG,
    /** NumPy's {@code log1p}. */
    LOG1P,
    /** NumPy's {@code log2}. */
    LOG2,
    /** NumPy's {@code log10}. */
    LOG10,
    /** NumPy's {@code sin}. */
    SIN,
    /** NumPy's {@code cos}. */
    COS,
    /** NumPy's {@code tan}. */
    TAN,
    /** NumPy's {@code arcsin}. */
    ARCSIN,
    /** NumPy's {@code arccos}. */
    ARCCOS,
    /** NumPy's {@code arctan}. */
    ARCTAN,
    /** NumPy's {@code sinh}. */
    SINH,
    /** NumPy's {@code cosh}. */
    COSH,
    /** NumPy's {@code tanh}. */
    TANH,
    /** NumPy's {@code arcsinh}. */
    ARCSINH,
    /** NumPy's {@code arccosh}. */
    ARCCOSH,
    /** NumPy's {@code arctanh}. */
    ARCTANH,
    /** NumPy's {@code deg2rad}. */
    DEG2RAD,
    /** NumPy's {@code rad2deg}. */
    RAD2DEG,
    /** NumPy's {@code floor}. */
    FLOOR,
    /** NumPy's {@code ceil}. */
    CEIL,
    /** NumPy's {@code trunc}. */
    TRUNC,
    /** NumPy's {@code rint}. */
    RINT,
    /** NumPy's {@code isnan}. */
    ISNAN,
    /** NumPy's {@code isinf}. */
    ISINF,
    /** NumPy's {@code isfinite}. */
    ISFINITE,
    /** NumPy's {@code signbit}. */
    SIGNBIT,
    /** NumPy's {@code logical_not}. */
    LOGICAL_NOT,
    /** NumPy's {@code invert}. */
    INVERT,
    /** NumPy's {@code conjugate}. */
    CONJUGATE,
    /** NumPy's {@code real}. */
    REAL,
    /** NumPy's {@code imag}. */
    IMAG;

    private UFunc impl() {
        return UFunc.valueOf(name());
    }

    /** NumPy's name of the function. */
    public String npName() {
        return impl().npName();
    }

    /** The number of operands the function takes. */
    public int nin() {
        return impl().arity();
    }

    /**
     * Applies the function to {@code operands}, returning a new array.
     *
     * @throws IllegalArgumentException when the number of operands is not {@link #nin()}
     * @throws dev.legate.core.ShapeMismatchException when the shapes do not broadcast
     * @throws dev.legate.core.TypeMismatchException when NumPy has no loop for the types
     */
    public NDArray call(Object... operands) {
        return NDArray.wrap(Ufuncs.apply(impl(), Optional.empty(), Operands.all(operands)));
    }

    /**
     * Applies the function writing into {@code out} (NumPy's {@code out=}; "same_kind"
     * casting), and returns {@code out}.
     */
    public NDArray into(NDArray out, Object... operands) {
        Ufuncs.apply(impl(), Optional.of(Bridge.unwrap(out)), Operands.all(operands));
        return out;
    }
}
