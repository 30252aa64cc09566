package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.TileIter;
import dev.legate.numeric.internal.reduce.RedOp;

/**
 * Reductions whose result does not depend on the combination order (integer and boolean
 * reductions, which wrap exactly; floating min and max): each point reduces its tile and
 * combines the result into the 0-d reduction argument, which the runtime folds.
 *
 * <p>Scalars: op ordinal, then the program. The reduction store's type is the result type.
 */
public final class ScalarReduceTask {
    private ScalarReduceTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        RedOp op = RedOp.of(ctx.scalar(0).asInt());
        ProgramArgs pa = ProgramArgs.read(ctx, 1);
        PhysicalStore red = ctx.reduction(0).data();
        TypeCode rt = red.type().code();
        boolean floating = rt.isFloating();
        boolean unsigned = pa.program.resultType() == TypeCode.UINT64;
        long[] shape = pa.inputs[0].storeShape().extents();
        Interpreter it = pa.interpreter(shape);
        int n = pa.inputs.length;
        long[] off = new long[n];
        long[] str = new long[n];
        double[] dacc = {op.identityDouble()};
        long[] lacc = {op.identityLong(unsigned)};
        TileIter.forEachRow(pa.inputs[0].rect(), pa.inputs, false, (offs, strides, len, coords) -> {
            for (long j0 = 0; j0 < len; j0 += Interpreter.CHUNK) {
                int c = (int) Math.min(Interpreter.CHUNK, len - j0);
                pa.chunk(offs, strides, j0, off, str);
                it.eval(off, str, c, coords);
                if (floating) {
                    dacc[0] = op.combine(dacc[0], op.reduce(it.doubles(), c));
                } else {
                    lacc[0] = op.combine(lacc[0], op.reduce(it.longs(), c, unsigned), unsigned);
                }
            }
        });
        long i = red.index(new long[red.ndim()]);
        long byteOff = i * red.type().size();
        Scalar old = Scalar.read(red.type(), red.segment(), byteOff);
        Scalar now = floating ? Scalar.of(red.type(), op.combine(old.asDouble(), dacc[0]))
                : Scalar.ofInteger(red.type(), op.combine(old.asLong(), lacc[0], unsigned));
        now.write(red.segment(), byteOff);
    }
}
