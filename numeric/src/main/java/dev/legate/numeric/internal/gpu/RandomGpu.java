package dev.legate.numeric.internal.gpu;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;

/**
 * The GPU variant of the Philox random task ({@code RandomTask}): element {@code i} (the row-major
 * linear index in the whole output) is computed from {@code (seed, stream, i)} by the kernels of
 * {@code numeric.cu}, ports of {@code Philox}, {@code PhiloxNormal} (with {@code PortableMath}) and
 * {@code PhiloxIntegers} that use the same integer and IEEE operations, so the numbers are the CPU's
 * bit for bit.
 *
 * <p>Scalars: kind (0 uniform [0, 1), 1 standard normal, 2 integers on [low, low + span]), seed,
 * stream, and for integers low and span.
 */
final class RandomGpu {
    private RandomGpu() {
    }

    /** The task body. */
    static void run(TaskContext ctx) {
        int kind = ctx.scalar(0).asInt();
        long seed = ctx.scalar(1).asLong();
        int stream = ctx.scalar(2).asInt();
        long low = kind == 2 ? ctx.scalar(3).asLong() : 0;
        long span = kind == 2 ? ctx.scalar(4).asLong() : 0;
        PhysicalStore out = ctx.output(0).data();
        if (out.volume() == 0) {
            return;
        }
        TypeCode t = out.type().code();
        boolean wide = t == TypeCode.FLOAT64 || t == TypeCode.INT64 || t == TypeCode.UINT64;
        String name = switch (kind) {
            case 0 -> "numeric_uniform_" + (t == TypeCode.FLOAT32 ? "f32" : "f64");
            case 1 -> "numeric_normal_" + (t == TypeCode.FLOAT32 ? "f32" : "f64");
            case 2 -> "numeric_integers_" + (wide ? "i64" : "i32");
            default -> throw new IllegalArgumentException("unknown random kind " + kind);
        };
        if (kind < 2 && t != TypeCode.FLOAT32 && t != TypeCode.FLOAT64) {
            throw new TypeMismatchException("random floats are float32 or float64, not " + t);
        }
        DeviceContext d = Gpu.device(ctx);
        long size = t.size();
        Rank3.of(out).forEach((origin, r) -> Gpu.launch(d, name, r.volume(), d.address(out) + origin * size,
                r.e0(), r.e1(), r.e2(), r.s0(), r.s1(), r.s2(), r.l0(), r.l1(), r.l2(), r.first(), seed, stream, low,
                span));
    }
}
