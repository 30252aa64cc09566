package dev.legate.core.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nodes one operation contributes to the graph (its point tasks, or a fold, copy or
 * assembly step); an {@link OpAccess} is retired once its group has finished, and the runtime
 * is idle when no group is outstanding.
 */
final class NodeGroup {
    final long opId;
    /** What the group does (a name, or the task id, turned into text only when printed). */
    private final Object what;
    private final AtomicInteger remaining = new AtomicInteger();

    NodeGroup(long opId, Object what) {
        this.opId = opId;
        this.what = what;
    }

    /** Adds a node; the first one makes the group outstanding in the runtime. */
    void add(RuntimeImpl rt) {
        if (remaining.getAndIncrement() == 0) {
            rt.groupStarted();
        }
    }

    /** Adds {@code n} nodes at once (nodes created as already counted). */
    void add(RuntimeImpl rt, int n) {
        if (remaining.getAndAdd(n) == 0) {
            rt.groupStarted();
        }
    }

    /**
     * A node finished; the last one retires the group. All nodes of a group are created before
     * any of them is released, so the count cannot reach zero early.
     */
    void finished(RuntimeImpl rt) {
        if (remaining.decrementAndGet() == 0) {
            rt.groupFinished();
        }
    }

    /** {@code n} nodes finished (see {@link #finished(RuntimeImpl)}). */
    void finished(RuntimeImpl rt, int n) {
        if (remaining.addAndGet(-n) == 0) {
            rt.groupFinished();
        }
    }

    boolean isDone() {
        return remaining.get() == 0;
    }

    @Override
    public String toString() {
        return what + "#" + opId;
    }
}
