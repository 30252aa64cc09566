package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.Ctx;

/**
 * Converts NumPy "array_like" arguments of the public API into operands: an {@link NDArray}
 * stays an array, a Java number or boolean becomes a {@link Weak} scalar, and Java arrays
 * ({@code double[]}, {@code long[]}, {@code int[]}, {@code float[]}, {@code boolean[]} and
 * their 2-d forms) become new arrays.
 */
public final class Operands {
    private Operands() {
    }

    /** The operand for {@code x}. */
    public static Object of(Object x) {
        return switch (x) {
            case NDArray a -> Bridge.unwrap(a);
            case Double d -> Weak.of(d);
            case Float f -> Weak.of(f.doubleValue());
            case Long l -> Weak.of(l);
            case Integer i -> Weak.of(i.longValue());
            case Short s -> Weak.of(s.longValue());
            case Byte b -> Weak.of(b.longValue());
            case Boolean b -> Weak.of(b);
            case null -> throw new IllegalArgumentException("null is not an array_like value");
            default -> array(Ctx.current(), x);
        };
    }

    /** {@code x} as an array (Java numbers become 0-d arrays of their default type). */
    public static ArrayImpl array(Ctx ctx, Object x) {
        return switch (x) {
            case NDArray a -> Bridge.unwrap(a);
            case double[] d -> Creation.fromDoubles(ctx, d, Shape.of(d.length), DType.FLOAT64);
            case float[] f -> {
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                yield Creation.fromDoubles(ctx, d, Shape.of(d.length), DType.FLOAT32);
            }
            case long[] l -> Creation.fromLongs(ctx, l, Shape.of(l.length), DType.INT64);
            case int[] i -> {
                long[] l = new long[i.length];
                for (int k = 0; k < i.length; k++) {
                    l[k] = i[k];
                }
                yield Creation.fromLongs(ctx, l, Shape.of(l.length), DType.INT32);
            }
            case boolean[] b -> {
                long[] l = new long[b.length];
                for (int k = 0; k < b.length; k++) {
                    l[k] = b[k] ? 1 : 0;
                }
                yield Creation.fromLongs(ctx, l, Shape.of(l.length), DType.BOOL);
            }
            case double[][] m -> {
                long cols = m.length == 0 ? 0 : m[0].length;
                double[] d = new double[Math.toIntExact(m.length * cols)];
                for (int r = 0; r < m.length; r++) {
                    if (m[r].length != cols) {
                        throw new IllegalArgumentException("inhomogeneous rows: row 0 has " + cols + " elements, row "
                                + r + " has " + m[r].length);
                    }
                    System.arraycopy(m[r], 0, d, (int) (r * cols), (int) cols);
                }
                yield Creation.fromDoubles(ctx, d, Shape.of(m.length, cols), DType.FLOAT64);
            }
            case long[][] m -> {
                long cols = m.length == 0 ? 0 : m[0].length;
                long[] d = new long[Math.toIntExact(m.length * cols)];
                for (int r = 0; r < m.length; r++) {
                    if (m[r].length != cols) {
                        throw new IllegalArgumentException("inhomogeneous rows: row 0 has " + cols + " elements, row "
                                + r + " has " + m[r].length);
                    }
                    System.arraycopy(m[r], 0, d, (int) (r * cols), (int) cols);
                }
                yield Creation.fromLongs(ctx, d, Shape.of(m.length, cols), DType.INT64);
            }
            case Double d -> Creation.fromDoubles(ctx, new double[] {d}, Shape.of(), DType.FLOAT64);
            case Float f -> Creation.fromDoubles(ctx, new double[] {f}, Shape.of(), DType.FLOAT32);
            case Long l -> Creation.fromLongs(ctx, new long[] {l}, Shape.of(), DType.INT64);
            case Integer i -> Creation.fromLongs(ctx, new long[] {i}, Shape.of(), DType.INT64);
            case Boolean b -> Creation.fromLongs(ctx, new long[] {b ? 1 : 0}, Shape.of(), DType.BOOL);
            case null -> throw new IllegalArgumentException("null is not an array_like value");
            default -> throw new IllegalArgumentException("not an array_like value: " + x.getClass().getName());
        };
    }

    /** Unwraps every element of {@code xs} with {@link #of}. */
    public static Object[] all(Object... xs) {
        Object[] r = new Object[xs.length];
        for (int i = 0; i < xs.length; i++) {
            r[i] = of(xs[i]);
        }
        return r;
    }
}
