package dev.legate.numeric.internal.tasks;

import dev.legate.core.TaskBody;
import dev.legate.core.TaskSignature;

/** Every task of the numeric library: its registered name, argument counts and CPU body. */
public enum NumericTask {
    /** A fused element-wise program (see {@link ElementwiseTask}). */
    ELEMENTWISE("elementwise", new TaskSignature(TaskSignature.ANY, 1, 0, TaskSignature.ANY), ElementwiseTask::run);

    private final String taskName;
    private final TaskSignature signature;
    private final TaskBody body;

    NumericTask(String taskName, TaskSignature signature, TaskBody body) {
        this.taskName = taskName;
        this.signature = signature;
        this.body = body;
    }

    /** The name the task is registered under. */
    public String taskName() {
        return taskName;
    }

    /** Its argument counts. */
    public TaskSignature signature() {
        return signature;
    }

    /** Its CPU variant. */
    public TaskBody body() {
        return body;
    }
}
