package dev.legate.core.spi;

import dev.legate.core.ProcessorKind;
import dev.legate.core.TaskBody;
import dev.legate.core.TaskId;
import dev.legate.core.TaskSignature;
import java.util.Map;

/** Where a library registers its tasks at start-up. */
public interface TaskRegistry {
    /**
     * Registers task {@code name} with one body per processor kind it supports; launches are
     * checked against {@code signature}.
     *
     * @throws IllegalArgumentException when the name is taken in this library or no variant is given
     */
    TaskId register(String name, TaskSignature signature, Map<ProcessorKind, TaskBody> variants);

    /** Registers a task with unchecked argument counts. */
    default TaskId register(String name, Map<ProcessorKind, TaskBody> variants) {
        return register(name, TaskSignature.UNCHECKED, variants);
    }

    /** Registers a task that only has a CPU variant. */
    default TaskId register(String name, TaskSignature signature, TaskBody cpu) {
        return register(name, signature, Map.of(ProcessorKind.CPU, cpu));
    }

    /** Registers a CPU-only task with unchecked argument counts. */
    default TaskId register(String name, TaskBody cpu) {
        return register(name, TaskSignature.UNCHECKED, Map.of(ProcessorKind.CPU, cpu));
    }

    /** Whether a processor kind is present in this runtime (e.g. to skip GPU-only set-up). */
    boolean hasProcessors(ProcessorKind kind);
}
