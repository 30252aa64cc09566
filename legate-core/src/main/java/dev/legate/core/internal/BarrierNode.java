package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import java.util.Optional;

/** A node with no work: the host waits on it for everything it depends on. */
final class BarrierNode extends Node {
    BarrierNode(RuntimeImpl rt, NodeGroup group) {
        super(rt, group);
    }

    @Override
    void execute(Optional<DeviceContext> device) {
    }

    @Override
    String label() {
        return "barrier";
    }
}
