package dev.legate.core.internal;

import dev.legate.core.ProcessorKind;
import dev.legate.core.TaskBody;
import dev.legate.core.TaskId;
import dev.legate.core.TaskSignature;
import java.util.EnumMap;
import java.util.Map;

/** A task and its variants. */
record RegisteredTask(TaskId id, TaskSignature signature, Map<ProcessorKind, TaskBody> variants) {
    RegisteredTask {
        variants = new EnumMap<>(variants);
    }

    TaskBody variant(ProcessorKind kind) {
        return variants.get(kind);
    }
}
