package dev.legate.core.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The storages holding instances, so closing the runtime can free them all. Opened and closed
 * from processor threads and the cleaner; kept as an identity set under one lock (cheaper per
 * storage than a concurrent map).
 */
final class LeakTracker {
    private final IdentityHashMap<Storage.Resources, Boolean> open = new IdentityHashMap<>();

    synchronized void opened(Storage.Resources r) {
        open.put(r, Boolean.TRUE);
    }

    synchronized void closed(Storage.Resources r) {
        open.remove(r);
    }

    synchronized int live() {
        return open.size();
    }

    /** Frees every instance still held. */
    void releaseAll() {
        List<Storage.Resources> all;
        synchronized (this) {
            all = new ArrayList<>(open.keySet());
        }
        for (Storage.Resources r : all) {
            r.run();
        }
    }
}
