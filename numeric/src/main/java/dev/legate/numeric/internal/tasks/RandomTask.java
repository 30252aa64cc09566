package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.TileIter;
import dev.legate.numeric.internal.kernels.Philox;
import dev.legate.numeric.internal.kernels.PhiloxIntegers;
import dev.legate.numeric.internal.kernels.PhiloxNormal;

/**
 * Fills the output with random numbers from a Philox4x32-10 stream: element i (the row-major
 * linear index in the whole output) is a function of (seed, stream, i) only, so the array is
 * the same for any number of processors and tiles.
 *
 * <p>Scalars: kind (0 uniform [0, 1), 1 standard normal, 2 integers on [low, low + span]),
 * seed, stream, and for integers low and span.
 */
public final class RandomTask {
    private RandomTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        int kind = ctx.scalar(0).asInt();
        long seed = ctx.scalar(1).asLong();
        int stream = ctx.scalar(2).asInt();
        long low = kind == 2 ? ctx.scalar(3).asLong() : 0;
        long span = kind == 2 ? ctx.scalar(4).asLong() : 0;
        PhysicalStore out = ctx.output(0).data();
        TypeCode t = out.type().code();
        long[] lin = ArgReduceTask.strides(out.storeShape().extents());
        TileIter.forEachRow(out.rect(), new PhysicalStore[] {out}, true, (offs, strides, len, coords) -> {
            long first = 0;
            for (int d = 0; d < coords.length; d++) {
                first += coords[d] * lin[d];
            }
            long off = offs[0];
            long st = strides[0];
            switch (kind) {
                case 0 -> {
                    if (t == TypeCode.FLOAT32) {
                        Philox.fillUniformFloats(seed, stream, first, out.segment(), off, st, len);
                    } else {
                        Philox.fillUniformDoubles(seed, stream, first, out.segment(), off, st, len);
                    }
                }
                case 1 -> {
                    if (t == TypeCode.FLOAT32) {
                        PhiloxNormal.fillFloats(seed, stream, first, out.segment(), off, st, len);
                    } else {
                        PhiloxNormal.fillDoubles(seed, stream, first, out.segment(), off, st, len);
                    }
                }
                case 2 -> {
                    if (t == TypeCode.INT32 || t == TypeCode.UINT32) {
                        PhiloxIntegers.fillInts(seed, stream, first, (int) low, (int) span, out.segment(), off, st, len);
                    } else {
                        PhiloxIntegers.fillLongs(seed, stream, first, low, span, out.segment(), off, st, len);
                    }
                }
                default -> throw new IllegalArgumentException("unknown random kind " + kind);
            }
        });
    }
}
