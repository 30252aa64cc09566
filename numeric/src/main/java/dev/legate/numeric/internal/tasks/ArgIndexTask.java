package dev.legate.numeric.internal.tasks;

import dev.legate.core.DType;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import java.lang.foreign.ValueLayout;

/** Copies the index field of a 0-d argmin/argmax pair (input 0) into a 0-d int64 (output 0). */
public final class ArgIndexTask {
    private ArgIndexTask() {
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        PhysicalStore in = ctx.input(0).data();
        PhysicalStore out = ctx.output(0).data();
        DType.Struct st = (DType.Struct) in.type();
        long at = in.index(new long[in.ndim()]) * st.size() + st.offset(1);
        long idx = in.segment().get(ValueLayout.JAVA_LONG_UNALIGNED, at);
        out.segment().setAtIndex(ValueLayout.JAVA_LONG, out.index(new long[out.ndim()]), idx);
    }
}
