package dev.legate.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The storages holding instances, so closing the runtime can free them all. Opened and closed
 * from processor threads and the cleaner, under this tracker's lock; kept as an intrusive
 * doubly linked list through the {@link Storage.Resources} themselves (no hashing or allocation
 * per storage: small arrays open and close one each).
 */
final class LeakTracker {
    /** Sentinel of the circular list. */
    private final Storage.Resources head = Storage.Resources.sentinel();
    private int live;

    synchronized void opened(Storage.Resources r) {
        if (r.trackNext != null) {
            return;
        }
        r.trackPrev = head;
        r.trackNext = head.trackNext;
        head.trackNext.trackPrev = r;
        head.trackNext = r;
        live++;
    }

    synchronized void closed(Storage.Resources r) {
        if (r.trackNext == null) {
            return;
        }
        r.trackPrev.trackNext = r.trackNext;
        r.trackNext.trackPrev = r.trackPrev;
        r.trackPrev = null;
        r.trackNext = null;
        live--;
    }

    synchronized int live() {
        return live;
    }

    /** Frees every instance still held. */
    void releaseAll() {
        List<Storage.Resources> all = new ArrayList<>();
        synchronized (this) {
            for (Storage.Resources r = head.trackNext; r != head; r = r.trackNext) {
                all.add(r);
            }
        }
        for (Storage.Resources r : all) {
            r.run();
        }
    }
}
