package dev.legate.numeric.internal;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Shape;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recycles the 1-d storages of arrays numeric allocated once nothing can use them any more.
 *
 * <p>Overview: this is a workaround for the core's host allocator, which gets memory back only
 * when the garbage collector finds a store unreachable, and hands out fresh, zero-filled
 * blocks meanwhile; on this kind of machine touching fresh memory costs about 3 ms per MiB (4 KiB
 * page faults), a hundred times more than reusing warm memory. Each storage numeric allocates is
 * tracked by a phantom reference to its {@link Base}, which every view, every deferred
 * expression reading it and every array over it keeps reachable. When the base is collected
 * the storage goes to a free list keyed by type and length, and the next allocation of that
 * size takes it: the runtime orders the new writes after any task still reading the old
 * contents. Storages handed to other code ({@link Base#isShared()}) and storages under 1 MiB
 * are never recycled. A large
 * allocation that misses the free list first asks for a collection (cheap while the heap is
 * small), since dead arrays are only found that way. Runtime option {@code numeric.pool=false}
 * turns recycling off.
 *
 * <p>In device mode ({@link Ctx#deviceResident()}) arrays live in GPU memory, where a fresh block
 * costs microseconds but a full collection milliseconds (13 to 20 on an H100 host, against 20
 * for a whole 8192^3 GEMM): a miss allocates fresh memory, and a collection runs only once the
 * fresh bytes since the last one pass the garbage budget, so that dead arrays, which hold device
 * memory until a collection finds them, never take much more than that budget. The collection
 * first waits for the work queued so far (which bounds how far the host runs ahead of the GPUs);
 * what it finds dead is kept for reuse up to the budget.
 */
final class StorePool {
    /** Allocations from this size on may trigger a collection when they miss the free list. */
    static final long BIG = 8L << 20;
    /**
     * Storages smaller than this are not recycled: the host allocator reuses small blocks well,
     * and tracking them would only keep them alive through an extra collection.
     */
    private static final long MIN_TRACKED = 1L << 20;
    /** No collection is requested while more heap than this is in use (a full collection would be slow). */
    private static final long HEAP_LIMIT = 512L << 20;
    /** The most bytes kept on the free lists. */
    private static final long CAPACITY = 1L << 30;
    /**
     * Bytes per size on the free list: a free storage still holds what the runtime remembers of
     * its last accesses (their tasks and arguments), so few small storages are kept.
     */
    private static final long PER_SIZE = 64L << 20;
    /** The most storages per size, however small. */
    private static final int MAX_PER_SIZE = 16;

    private record Key(DType type, long volume) {
    }

    private static final class Tracked extends PhantomReference<Base> {
        final LogicalStore root;
        final Key key;
        final long bytes;

        Tracked(Base base, ReferenceQueue<Base> q, LogicalStore root, Key key, long bytes) {
            super(base, q);
            this.root = root;
            this.key = key;
            this.bytes = bytes;
        }
    }

    private final java.lang.ref.WeakReference<LegateRuntime> runtime;
    private final boolean enabled;
    /** Device mode: collect per garbage budget, not per miss. */
    private final boolean device;
    /** In device mode, the fresh bytes after which a miss collects first. */
    private final long budget;
    /** Fresh bytes allocated since the last collection (device mode). */
    private long fresh;
    private long collections;
    private long snapshots;
    private final ReferenceQueue<Base> queue = new ReferenceQueue<>();
    private final Set<Tracked> tracked = ConcurrentHashMap.newKeySet();
    private final Map<Key, ArrayDeque<LogicalStore>> free = new HashMap<>();
    private long freeBytes;
    /**
     * Whether a collection ran since the last allocation (a write that had to compute deferred
     * arrays asks for one just before the allocation it leads to; one is enough for both).
     */
    private boolean collectedSinceTake;
    /** The longest wait for the storages a collection found dead, in milliseconds. */
    private static final long WAIT_MS = 30;

    StorePool(LegateRuntime runtime, boolean enabled, boolean device, long budget) {
        this.runtime = new java.lang.ref.WeakReference<>(runtime);
        this.enabled = enabled;
        this.device = device;
        this.budget = budget;
    }

    private LegateRuntime runtime() {
        LegateRuntime rt = runtime.get();
        if (rt == null) {
            throw new IllegalStateException("the runtime of this pool is gone");
        }
        return rt;
    }

    /** A 1-d store of {@code volume} elements of {@code type}: recycled when one is free. */
    synchronized LogicalStore take(DType type, long volume) {
        long bytes = volume * type.size();
        if (!enabled || bytes < MIN_TRACKED) {
            return runtime().createStore(type, Shape.of(volume));
        }
        Key key = new Key(type, volume);
        drain();
        LogicalStore s = poll(key, bytes);
        if (s == null && device) {
            if (fresh + bytes > budget && !tracked.isEmpty()) {
                // Work still queued holds the arrays it uses, dead or not: wait for it first, so the
                // collection frees everything that died meanwhile. This also keeps the host from
                // running more than one budget of fresh memory ahead of the GPUs, which would
                // otherwise fill them with the queued iterations' arrays and evict live data.
                runtime().fence();
                gc();
                awaitDrain();
                s = poll(key, bytes);
            }
        } else if (s == null && wantCollection(bytes)) {
            if (!collectedSinceTake) {
                gc();
            }
            s = awaitKey(key, bytes);
        }
        collectedSinceTake = false;
        if (s == null) {
            s = runtime().createStore(type, Shape.of(volume));
            fresh += bytes;
        }
        return s;
    }

    /**
     * Asks for a collection when one is cheap (the heap is small), and takes in the storages it
     * found dead; returns whether a collection ran.
     */
    synchronized boolean collect() {
        Runtime r = Runtime.getRuntime();
        if (!enabled || r.totalMemory() - r.freeMemory() > HEAP_LIMIT) {
            return false;
        }
        gc();
        awaitDrain();
        return true;
    }

    private void gc() {
        System.gc();
        collections++;
        collectedSinceTake = true;
        fresh = 0;
    }

    /** Collections so far (for tests and diagnostics). */
    synchronized long collections() {
        return collections;
    }

    /** Records a copy-on-write snapshot ({@link Base}). */
    synchronized void countSnapshot() {
        snapshots++;
    }

    /** Snapshots so far (for tests and diagnostics). */
    synchronized long snapshots() {
        return snapshots;
    }

    /** Takes in dead storages as the collector reports them, until one of {@code key} is free. */
    private LogicalStore awaitKey(Key key, long bytes) {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        try {
            while (true) {
                LogicalStore s = poll(key, bytes);
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (s != null || left <= 0 || !hasTracked(key)) {
                    return s;
                }
                Reference<? extends Base> r = queue.remove(left);
                if (r != null) {
                    release((Tracked) r);
                    drain();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean hasTracked(Key key) {
        for (Tracked t : tracked) {
            if (t.key.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Starts tracking {@code root}, which {@code base} now owns. */
    void track(Base base, LogicalStore root) {
        if (!enabled || root.volume() * root.type().size() < MIN_TRACKED) {
            return;
        }
        Key key = new Key(root.type(), root.volume());
        Tracked t = new Tracked(base, queue, root, key, root.volume() * root.type().size());
        tracked.add(t);
        base.tracker = t;
    }

    /** Stops tracking the storage of {@code base}: other code may hold it. */
    void untrack(Base base) {
        if (base.tracker instanceof Tracked t) {
            tracked.remove(t);
            t.clear();
            base.tracker = null;
        }
    }

    private boolean wantCollection(long bytes) {
        if (tracked.isEmpty() && free.isEmpty()) {
            return false;
        }
        Runtime r = Runtime.getRuntime();
        if (r.totalMemory() - r.freeMemory() > HEAP_LIMIT) {
            return false;
        }
        return bytes >= BIG;
    }

    private LogicalStore poll(Key key, long bytes) {
        ArrayDeque<LogicalStore> q = free.get(key);
        if (q == null || q.isEmpty()) {
            return null;
        }
        freeBytes -= bytes;
        return q.pop();
    }

    private void drain() {
        Reference<? extends Base> r;
        while ((r = queue.poll()) != null) {
            release((Tracked) r);
        }
    }

    /** Drains references the collector is still enqueueing (it does so on another thread). */
    private void awaitDrain() {
        try {
            Reference<? extends Base> r = queue.remove(5);
            while (r != null) {
                release((Tracked) r);
                r = queue.remove(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release(Tracked t) {
        if (!tracked.remove(t)) {
            return;
        }
        // In device mode the free lists may hold up to the garbage budget: what a collection found
        // dead is then reused by the next allocations instead of waiting for the following one.
        long capacity = device ? Math.max(CAPACITY, budget) : CAPACITY;
        if (freeBytes + t.bytes > capacity) {
            return;
        }
        ArrayDeque<LogicalStore> q = free.computeIfAbsent(t.key, k -> new ArrayDeque<>());
        long cap = Math.max(2, Math.min(MAX_PER_SIZE, (device ? capacity : PER_SIZE) / Math.max(1, t.bytes)));
        if (q.size() >= cap) {
            return;
        }
        q.push(t.root);
        freeBytes += t.bytes;
    }
}
