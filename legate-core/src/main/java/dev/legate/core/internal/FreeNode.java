package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.spi.MemorySpace;
import java.util.Optional;

/** Frees a storage's instance in one memory (an eviction), after the data it held were saved. */
final class FreeNode extends Node {
    private final Storage storage;
    private final MemorySpace memory;

    FreeNode(RuntimeImpl rt, NodeGroup group, Storage storage, MemorySpace memory) {
        super(rt, group);
        this.storage = storage;
        this.memory = memory;
    }

    @Override
    void execute(Optional<DeviceContext> device) {
        storage.resources.free(memory);
    }

    @Override
    String label() {
        return "evict " + storage + " from " + memory.name();
    }
}
