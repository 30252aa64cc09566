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

    /**
     * The mask of inputs with stride 0 when the output's stride is 1 and every other input's is
     * 1 (bit {@code k} for input {@code k}; 0 for a row of unit strides); -1 when the row has
     * another layout, or a stride-0 input past the 64 a mask holds.
     */
    private static long scalarInputs(long[] strides, int n) {
        if (strides[n] != 1) {
            return -1;
        }
        long mask = 0;
        for (int k = 0; k < n; k++) {
            if (strides[k] == 0) {
                if (k >= 64) {
                    return -1;
                }
                mask |= 1L << k;
            } else if (strides[k] != 1) {
                return -1;
            }
        }
        return mask;
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
        // The kernel for rows where some inputs are one element for the whole row (stride 0: a 0-d
        // array such as a reduction's result, or a broadcast dimension), with the mask it is for.
        long[] lastMask = {0};
        Compiled.Kernel[] lastKernel = {kernel};
        MemorySegment[] segs = new MemorySegment[n];
        for (int i = 0; i < n; i++) {
            segs[i] = ins[i].segment();
        }
        double[] cv = new double[consts.length];
        for (int i = 0; i < cv.length; i++) {
            cv[i] = consts[i].asDouble();
        }
        TileIter.forEachRow(out.rect(), all, positional, (offs, strides, len, coords) -> {
            long scalars = kernel == null ? -1 : scalarInputs(strides, n);
            if (scalars >= 0) {
                if (scalars != lastMask[0]) {
                    lastMask[0] = scalars;
                    lastKernel[0] = Compiled.of(p, text, scalars).orElse(null);
                }
                Compiled.Kernel k0 = lastKernel[0];
                if (k0 != null) {
                    for (long j0 = 0; j0 < len; j0 += 1 << 30) {
                        int c = (int) Math.min(1 << 30, len - j0);
                        for (int k = 0; k < n; k++) {
                            off[k] = strides[k] == 0 ? offs[k] : offs[k] + j0;
                        }
                        k0.run(segs, off, cv, os, offs[n] + j0, c);
                    }
                    return;
                }
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
