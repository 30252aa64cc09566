package dev.legate.numeric.internal;

import dev.legate.core.LogicalStore;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.ops.Launch;
import java.lang.ref.WeakReference;
import java.util.ArrayList;

/**
 * What numeric knows about one storage: which deferred arrays read it. Before anything writes
 * the storage, those arrays are computed, so they see the values they were defined on.
 *
 * <p>In device mode ({@link Ctx#deviceResident()}), when computing them would write more than the
 * storage holds (a chain such as {@code (u[a] + u[b] + u[c]) * 0.25} leaves one reader per link,
 * most of them dead temporaries that only a collection would tell apart), the storage is copied
 * once instead and the readers are moved onto the copy, which they read later as if it were the
 * original (copy-on-write); the write then needs no temporary of its own either.
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
    /** The whole storage as a store (no view), when numeric allocated it; else null. */
    private final LogicalStore root;

    Base(boolean shared) {
        this(shared, null);
    }

    /** The base of {@code root}'s storage (a store that is no view), which numeric allocated. */
    Base(boolean shared, LogicalStore root) {
        this.shared = shared;
        this.root = root;
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
        if (ctx.deviceResident()) {
            flushOnDevice(ctx);
            return;
        }
        if (consumedBytes() >= StorePool.BIG && ctx.pool().collect()) {
            prune();
        }
        for (ArrayImpl x : takeReaders()) {
            x.materialize();
        }
    }

    /** Device mode: one copy of the storage for the readers, or each reader computed. */
    private void flushOnDevice(Ctx ctx) {
        ArrayImpl[] pending = takeReaders();
        if (pending.length == 0) {
            return;
        }
        long bytes = 0;
        for (ArrayImpl x : pending) {
            bytes += x.deferredBytes();
        }
        LogicalStore r = root;
        if (r == null || shared || bytes <= r.volume() * r.type().size()) {
            for (ArrayImpl x : pending) {
                x.materialize();
            }
            return;
        }
        LogicalStore copy = ctx.pool().take(r.type(), r.volume());
        Launch.elementwise(ctx, Expr.input(r), copy);
        Base snapshot = new Base(false, copy);
        ctx.pool().track(snapshot, copy);
        ctx.pool().countSnapshot();
        for (ArrayImpl x : pending) {
            x.rebase(this, r, snapshot, copy);
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
