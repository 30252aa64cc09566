package dev.legate.numeric.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;

/**
 * What numeric knows about one storage: which deferred arrays read it. Before anything writes
 * the storage, those arrays are computed, so they see the values they were defined on.
 *
 * <p>A storage whose store has left numeric (handed to another library, or wrapped from one)
 * is <em>shared</em>: others may write it without telling numeric, so expressions reading it
 * are never deferred.
 */
public final class Base {
    private final ArrayList<WeakReference<ArrayImpl>> readers = new ArrayList<>(2);
    private int pruneAt = 8;
    private volatile boolean shared;
    /** The pool's tracking record of this storage, if it is recyclable. */
    Object tracker;

    Base(boolean shared) {
        this.shared = shared;
    }

    /** Whether other code may write this storage behind numeric's back. */
    public boolean isShared() {
        return shared;
    }

    /** Marks the storage as reachable by other code (it is then never recycled). */
    void share(Ctx ctx) {
        shared = true;
        ctx.pool().untrack(this);
    }

    /** Records that the deferred array {@code a} reads this storage. */
    synchronized void addReader(ArrayImpl a) {
        if (readers.size() >= pruneAt) {
            readers.removeIf(r -> {
                ArrayImpl x = r.get();
                return x == null || !x.isDeferred();
            });
            pruneAt = Math.max(8, readers.size() * 2);
        }
        readers.add(new WeakReference<>(a));
    }

    /**
     * Computes every deferred array that reads this storage (call before writing it). When large
     * deferred arrays that were inlined into other expressions are pending, most are dead
     * temporaries the collector has not found yet; the pool is asked for a collection first, so
     * those are skipped instead of computed.
     */
    void flushReaders(Ctx ctx) {
        if (consumedBytes() >= StorePool.BIG && ctx.pool().collect()) {
            prune();
        }
        for (ArrayImpl x : takeReaders()) {
            x.materialize();
        }
    }

    private synchronized long consumedBytes() {
        long n = 0;
        for (WeakReference<ArrayImpl> r : readers) {
            ArrayImpl x = r.get();
            if (x != null) {
                n += x.consumedBytes();
            }
        }
        return n;
    }

    private synchronized void prune() {
        readers.removeIf(r -> r.get() == null);
    }

    private synchronized ArrayImpl[] takeReaders() {
        ArrayImpl[] pending = new ArrayImpl[readers.size()];
        int n = 0;
        for (WeakReference<ArrayImpl> r : readers) {
            ArrayImpl x = r.get();
            if (x != null && x.isDeferred()) {
                pending[n++] = x;
            }
        }
        readers.clear();
        return java.util.Arrays.copyOf(pending, n);
    }
}
