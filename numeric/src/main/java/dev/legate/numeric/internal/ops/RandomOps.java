package dev.legate.numeric.internal.ops;

import dev.legate.core.AutoTask;
import dev.legate.core.DType;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.tasks.NumericTask;
import dev.legate.numeric.internal.types.Types;

/** Launches of the Philox random task into new arrays. */
public final class RandomOps {
    private RandomOps() {
    }

    /** Uniform [0, 1) floats of {@code dtype} (float64 or float32). */
    public static ArrayImpl uniform(Ctx ctx, long seed, int stream, Shape shape, DType dtype) {
        requireFloat(dtype, "random");
        return launch(ctx, 0, seed, stream, shape, dtype, 0, 0);
    }

    /** Standard normal floats of {@code dtype}. */
    public static ArrayImpl normal(Ctx ctx, long seed, int stream, Shape shape, DType dtype) {
        requireFloat(dtype, "standard_normal");
        return launch(ctx, 1, seed, stream, shape, dtype, 0, 0);
    }

    /** Integers uniform on {@code [low, high)} as {@code dtype} (int64, int32, uint64 or uint32). */
    public static ArrayImpl integers(Ctx ctx, long seed, int stream, Shape shape, DType dtype, long low, long high) {
        if (high <= low) {
            throw new IllegalArgumentException("integers: low >= high (" + low + " >= " + high + ")");
        }
        boolean wide = dtype.equals(DType.INT64) || dtype.equals(DType.UINT64);
        boolean narrow = dtype.equals(DType.INT32) || dtype.equals(DType.UINT32);
        if (!wide && !narrow) {
            ArrayImpl r = integers(ctx, seed, stream, shape, DType.INT64, low, high);
            Types.checkIntFits(low, dtype);
            Types.checkIntFits(high - 1, dtype);
            return Ufuncs.astype(r, dtype);
        }
        if (narrow) {
            Types.checkIntFits(low, dtype);
            Types.checkIntFits(high - 1, dtype);
        }
        return launch(ctx, 2, seed, stream, shape, dtype, low, high - 1 - low);
    }

    private static void requireFloat(DType t, String name) {
        if (!t.equals(DType.FLOAT64) && !t.equals(DType.FLOAT32)) {
            throw new TypeMismatchException(name + " supports float64 and float32, not " + t.name());
        }
    }

    private static ArrayImpl launch(Ctx ctx, int kind, long seed, int stream, Shape shape, DType dtype, long low,
                                    long span) {
        ArrayImpl out = ArrayImpl.allocate(ctx, shape, dtype);
        if (shape.volume() == 0) {
            return out;
        }
        AutoTask t = ctx.runtime().createTask(ctx.id(NumericTask.RANDOM));
        t.addOutput(out.store());
        t.addScalar(Scalar.of(kind)).addScalar(Scalar.of(seed)).addScalar(Scalar.of(stream));
        if (kind == 2) {
            t.addScalar(Scalar.of(low)).addScalar(Scalar.of(span));
        }
        t.execute();
        return out;
    }
}
