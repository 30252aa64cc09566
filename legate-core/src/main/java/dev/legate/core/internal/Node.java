package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.PointWork;
import java.util.Arrays;
import java.util.Optional;

/**
 * A vertex of the execution graph: a point task, a copy between memories, a fold of reduction
 * buffers or the assembly of an unbound store. A node runs once every predecessor has finished.
 *
 * <p>Overview: {@code pending} starts at 1 (a guard held while the analysis adds edges); each
 * edge adds 1 and each finished predecessor subtracts 1; the node is dispatched when it reaches
 * 0. Successor lists are guarded by the node's monitor, so an edge added after the node has
 * finished is simply not added.
 */
abstract class Node implements PointWork {
    final RuntimeImpl runtime;
    final NodeGroup group;
    ExecutionProcessor processor;
    /** Unmet predecessors plus the analysis guard; updated through {@link #PENDING}. */
    private volatile int pending = 1;
    private static final java.lang.invoke.VarHandle PENDING;

    static {
        try {
            PENDING = java.lang.invoke.MethodHandles.lookup().findVarHandle(Node.class, "pending", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private Node[] successors = EMPTY;
    private int successorCount;
    private volatile boolean done;
    /** Enqueued on an in-order processor: successors there need not wait (guarded by this). */
    private boolean issued;
    /**
     * A thread waits in {@link #await} (guarded by this). Completion notifies only then: a
     * notification inflates the node's monitor, which costs more than a small task's body.
     */
    private boolean awaited;
    private volatile boolean upstreamFailed;
    volatile Throwable failure;
    long startNanos;
    long endNanos;
    /** Device instances this node uses; their pending counts drop when it finishes. */
    private Residency.Resident[] held;
    private static final Node[] EMPTY = new Node[0];

    Node(RuntimeImpl runtime, NodeGroup group) {
        this.runtime = runtime;
        this.group = group;
        group.add(runtime);
    }

    /** A node the caller has already counted in {@code group} (see {@link NodeGroup#add(RuntimeImpl, int)}). */
    Node(RuntimeImpl runtime, NodeGroup group, boolean counted) {
        this.runtime = runtime;
        this.group = group;
        if (!counted) {
            group.add(runtime);
        }
    }

    /** Makes {@code next} wait for this node; false (and no edge) when this node has finished. */
    final boolean addSuccessor(Node next) {
        if (next == this) {
            return false;
        }
        synchronized (this) {
            if (done) {
                if (failure != null || upstreamFailed) {
                    next.upstreamFailed = true;
                }
                return false;
            }
            if (issued && sameInOrderProcessor(next)) {
                return false;
            }
            if (successorCount == successors.length) {
                successors = Arrays.copyOf(successors, Math.max(4, successorCount * 2));
            }
            successors[successorCount++] = next;
            PENDING.getAndAdd(next, 1);
            return true;
        }
    }

    private boolean sameInOrderProcessor(Node next) {
        return processor != null && next.processor == processor && processor.inOrder();
    }

    /**
     * The in-order processor has enqueued this node's work: successors mapped to the same
     * processor are released now, since they will run after it anyway.
     */
    @Override
    public final void issued() {
        Node[] early = null;
        int n = 0;
        synchronized (this) {
            if (done || issued || upstreamFailed) {
                return;
            }
            issued = true;
            int kept = 0;
            for (int i = 0; i < successorCount; i++) {
                Node s = successors[i];
                if (sameInOrderProcessor(s)) {
                    if (early == null) {
                        early = new Node[successorCount];
                    }
                    early[n++] = s;
                } else {
                    successors[kept++] = s;
                }
            }
            java.util.Arrays.fill(successors, kept, successorCount, null);
            successorCount = kept;
        }
        for (int i = 0; i < n; i++) {
            if (early[i].releaseOne()) {
                runtime.dispatch(early[i]);
            }
        }
    }

    /** Drops one pending count; true when the node became ready (and was not dispatched). */
    final boolean releaseOne() {
        return (int) PENDING.getAndAdd(this, -1) == 1;
    }

    final boolean isDone() {
        return done;
    }

    /** Whether the node finished without doing its work (it failed, or a predecessor did). */
    final boolean failed() {
        return done && (failure != null || upstreamFailed);
    }

    /** The work itself, on the processor's thread. */
    abstract void execute(Optional<DeviceContext> device) throws Exception;

    /** Records a use of a device instance (analysis lock). */
    final void hold(Residency.Resident r) {
        held = held == null ? new Residency.Resident[] {r} : Arrays.copyOf(held, held.length + 1);
        held[held.length - 1] = r;
    }

    /** Called once the node's work has completed (or failed), before successors are released. */
    void finished() {
    }

    /** Called instead of {@link #execute} when a predecessor failed; releases what the node owns. */
    void skipped() {
    }

    /** The library whose work this is, for events. */
    String library() {
        return "legate.core";
    }

    /** The point in the launch domain, for events. */
    String point() {
        return "";
    }

    /** Label for traces. */
    abstract String label();

    @Override
    public final void run(Optional<DeviceContext> device) {
        if (upstreamFailed) {
            skipped();
            return;
        }
        PointTaskEvent event = new PointTaskEvent();
        event.begin();
        startNanos = System.nanoTime();
        try {
            execute(device);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new WrappedTaskFailure(e);
        } finally {
            endNanos = System.nanoTime();
            event.end();
            if (event.shouldCommit()) {
                event.library = library();
                event.task = label();
                event.point = point();
                event.processor = processor == null ? "host" : processor.name();
                event.commit();
            }
        }
    }

    @Override
    public final void completed(Throwable error) {
        complete(error);
        group.finished(runtime);
    }

    /**
     * Everything {@link #completed} does except retiring the node from its group, which the
     * caller does (a batch retires its nodes together: one update of the group's counter
     * instead of one per node).
     */
    final void complete(Throwable error) {
        if (error instanceof WrappedTaskFailure w) {
            error = w.getCause();
        }
        if (error != null) {
            failure = error;
            runtime.recordFailure(this, error);
        }
        if (!upstreamFailed && error == null) {
            runtime.trace(this);
        }
        finished();
        if (held != null) {
            for (Residency.Resident r : held) {
                if (r.pending.decrementAndGet() == 0) {
                    r.budget.released();
                }
            }
            held = null;
        }
        Node[] succ;
        int n;
        synchronized (this) {
            done = true;
            succ = successors;
            n = successorCount;
            successors = EMPTY;
            successorCount = 0;
            if (awaited) {
                notifyAll();
            }
        }
        boolean failed = error != null || upstreamFailed;
        for (int i = 0; i < n; i++) {
            Node s = succ[i];
            if (failed) {
                s.upstreamFailed = true;
            }
            if (s.releaseOne()) {
                runtime.dispatch(s);
            }
        }
    }

    /** Waits until the node has finished. */
    final void await() {
        if (done) {
            return;
        }
        boolean interrupted = false;
        synchronized (this) {
            while (!done) {
                awaited = true;
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a checked exception of a task body to {@link #completed}. */
    static final class WrappedTaskFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrappedTaskFailure(Throwable cause) {
            super(cause);
        }
    }
}
