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
 * contents. Storages handed to other code ({@link Base#isShared()}) are never recycled. A large
 * allocation that misses the free list first asks for a collection (cheap while the heap is
 * small), since dead arrays are only found that way. Runtime option {@code numeric.pool=false}
 * turns recycling off.
 */
final class StorePool {
    /** Allocations from this size on may trigger a collection when they miss the free list. */
    private static final long BIG = 8L << 20;
    /** Fresh bytes of smaller allocations after which a collection is requested. */
    private static final long SMALL_BUDGET = 64L << 20;
    /** No collection is requested while more heap than this is in use (a full collection would be slow). */
    private static final long HEAP_LIMIT = 512L << 20;
    /** The most bytes kept on the free lists. */
    private static final long CAPACITY = 4L << 30;

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

    private final LegateRuntime runtime;
    private final boolean enabled;
    private final ReferenceQueue<Base> queue = new ReferenceQueue<>();
    private final Set<Tracked> tracked = ConcurrentHashMap.newKeySet();
    private final Map<Key, ArrayDeque<LogicalStore>> free = new HashMap<>();
    private long freeBytes;
    private long smallSinceGc;

    StorePool(LegateRuntime runtime, boolean enabled) {
        this.runtime = runtime;
        this.enabled = enabled;
    }

    /** A 1-d store of {@code volume} elements of {@code type}: recycled when one is free. */
    synchronized LogicalStore take(DType type, long volume) {
        if (!enabled) {
            return runtime.createStore(type, Shape.of(volume));
        }
        Key key = new Key(type, volume);
        long bytes = volume * type.size();
        drain();
        LogicalStore s = poll(key, bytes);
        if (s == null && wantCollection(bytes)) {
            System.gc();
            awaitDrain();
            smallSinceGc = 0;
            s = poll(key, bytes);
        }
        if (s == null) {
            s = runtime.createStore(type, Shape.of(volume));
            if (bytes < BIG) {
                smallSinceGc += bytes;
            }
        }
        return s;
    }

    /** Starts tracking {@code root}, which {@code base} now owns. */
    void track(Base base, LogicalStore root) {
        if (!enabled) {
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
        return bytes >= BIG || smallSinceGc >= SMALL_BUDGET;
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
        if (freeBytes + t.bytes > CAPACITY) {
            return;
        }
        free.computeIfAbsent(t.key, k -> new ArrayDeque<>()).push(t.root);
        freeBytes += t.bytes;
    }
}
