package dev.legate.core.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nodes one operation contributes to the graph (its point tasks, or a fold, copy or
 * assembly step); an {@link OpAccess} is retired once its group has finished.
 */
final class NodeGroup {
    final long opId;
    final String name;
    private final AtomicInteger remaining = new AtomicInteger();

    NodeGroup(long opId, String name) {
        this.opId = opId;
        this.name = name;
    }

    void add() {
        remaining.incrementAndGet();
    }

    void finished() {
        remaining.decrementAndGet();
    }

    boolean isDone() {
        return remaining.get() == 0;
    }

    @Override
    public String toString() {
        return name + "#" + opId;
    }
}
