package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Compiled;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.Program;
import dev.legate.numeric.internal.expr.TileIter;
import java.lang.foreign.MemorySegment;

/**
 * The fused element-wise task. Scalar 0 is the program text, the remaining scalars its
 * constants; inputs are the program's input leaves, each aligned with the single output.
 */
public final class ElementwiseTask {
    private ElementwiseTask() {
    }

    private static boolean unitStrides(long[] strides) {
        for (long s : strides) {
            if (s != 1) {
                return false;
            }
        }
        return true;
    }

    /** The task body. */
    public static void run(TaskContext ctx) {
        String text = ctx.scalar(0).asString();
        Program p = Program.of(text);
        PhysicalStore out = ctx.output(0).data();
        int n = p.inputs();
        PhysicalStore[] ins = new PhysicalStore[n];
        PhysicalStore[] all = new PhysicalStore[n + 1];
        for (int i = 0; i < n; i++) {
            ins[i] = ctx.input(i).data();
            all[i] = ins[i];
        }
        all[n] = out;
        Scalar[] consts = new Scalar[ctx.scalars().size() - 1];
        for (int i = 0; i < consts.length; i++) {
            consts[i] = ctx.scalar(i + 1);
        }
        // The interpreter is built on the first row the compiled kernel cannot take.
        Interpreter[] interp = new Interpreter[1];
        TypeCode t = out.type().code();
        MemorySegment os = out.segment();
        long[] off = new long[n];
        long[] str = new long[n];
        boolean positional = p.positional();
        boolean direct = t == TypeCode.FLOAT64 && p.resultType() == TypeCode.FLOAT64;
        Compiled.Kernel kernel = direct ? Compiled.of(p, text).orElse(null) : null;
        MemorySegment[] segs = new MemorySegment[n];
        for (int i = 0; i < n; i++) {
            segs[i] = ins[i].segment();
        }
        double[] cv = new double[consts.length];
        for (int i = 0; i < cv.length; i++) {
            cv[i] = consts[i].asDouble();
        }
        TileIter.forEachRow(out.rect(), all, positional, (offs, strides, len, coords) -> {
            if (kernel != null && unitStrides(strides)) {
                for (long j0 = 0; j0 < len; j0 += 1 << 30) {
                    int c = (int) Math.min(1 << 30, len - j0);
                    for (int k = 0; k < n; k++) {
                        off[k] = offs[k] + j0;
                    }
                    kernel.run(segs, off, cv, os, offs[n] + j0, c);
                }
                return;
            }
            Interpreter it = interp[0];
            if (it == null) {
                it = new Interpreter(p, ins, consts, out.storeShape().extents());
                interp[0] = it;
            }
            long[] cc = positional ? coords.clone() : coords;
            int last = cc.length - 1;
            for (long j0 = 0; j0 < len; j0 += Interpreter.CHUNK) {
                int c = (int) Math.min(Interpreter.CHUNK, len - j0);
                for (int k = 0; k < n; k++) {
                    off[k] = offs[k] + j0 * strides[k];
                    str[k] = strides[k];
                }
                if (positional && last >= 0) {
                    cc[last] = coords[last] + j0;
                }
                long o = offs[n] + j0 * strides[n];
                it.target(direct && strides[n] == 1 ? os : null, o);
                it.eval(off, str, c, cc);
                it.store(os, t, o, strides[n], c);
            }
        });
    }
}
