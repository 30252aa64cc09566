package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TaskContext;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.Program;

/**
 * The fused program a task evaluates: its text is scalar {@code first}, its constants the
 * scalars after it, its input leaves the first inputs of the task.
 */
final class ProgramArgs {
    final Program program;
    final PhysicalStore[] inputs;
    final Scalar[] consts;

    private ProgramArgs(Program program, PhysicalStore[] inputs, Scalar[] consts) {
        this.program = program;
        this.inputs = inputs;
        this.consts = consts;
    }

    static ProgramArgs read(TaskContext ctx, int first) {
        Program p = Program.of(ctx.scalar(first).asString());
        PhysicalStore[] ins = new PhysicalStore[p.inputs()];
        for (int i = 0; i < ins.length; i++) {
            ins[i] = ctx.input(i).data();
        }
        Scalar[] consts = new Scalar[p.constants()];
        for (int i = 0; i < consts.length; i++) {
            consts[i] = ctx.scalar(first + 1 + i);
        }
        return new ProgramArgs(p, ins, consts);
    }

    /** An interpreter over an iteration space of {@code shape}. */
    Interpreter interpreter(long[] shape) {
        return new Interpreter(program, inputs, consts, shape);
    }

    /** The inputs followed by {@code extra}, for walking tiles together. */
    PhysicalStore[] with(PhysicalStore... extra) {
        PhysicalStore[] all = new PhysicalStore[inputs.length + extra.length];
        System.arraycopy(inputs, 0, all, 0, inputs.length);
        System.arraycopy(extra, 0, all, inputs.length, extra.length);
        return all;
    }

    /** Chunk offsets for the inputs: {@code offs}/{@code strides} of a row advanced by {@code j0}. */
    void chunk(long[] offs, long[] strides, long j0, long[] off, long[] str) {
        for (int k = 0; k < inputs.length; k++) {
            off[k] = offs[k] + j0 * strides[k];
            str[k] = strides[k];
        }
    }
}
