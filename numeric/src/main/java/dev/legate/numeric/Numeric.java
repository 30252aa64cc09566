package dev.legate.numeric;

/**
 * NumPy's functions for {@link NDArray}s, meant to be imported statically:
 * {@code import static dev.legate.numeric.Numeric.*;}.
 *
 * <p>Arrays are created on the default runtime ({@link dev.legate.core.Legate#runtime()}).
 * Arguments typed {@code Object} are "array_like": an {@code NDArray}, a Java number or
 * boolean, or a Java array. Names follow NumPy in camelCase ({@code floor_divide} is
 * {@link #floorDivide}); types promote and shapes broadcast as in NumPy 2.
 */
public final class Numeric extends NumericIO {
    /** NumPy's {@code numpy.linalg}: {@code linalg.norm(x)}, {@code linalg.solve(a, b)}, ... */
    public static final Linalg linalg = new Linalg();

    private Numeric() {
    }
}
