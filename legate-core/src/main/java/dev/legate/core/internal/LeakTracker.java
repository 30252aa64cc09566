package dev.legate.core.internal;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The storages holding instances, so closing the runtime can free them all. */
final class LeakTracker {
    private final Set<Storage.Resources> open = ConcurrentHashMap.newKeySet();

    void opened(Storage.Resources r) {
        open.add(r);
    }

    void closed(Storage.Resources r) {
        open.remove(r);
    }

    int live() {
        return open.size();
    }

    /** Frees every instance still held. */
    void releaseAll() {
        for (Storage.Resources r : new ArrayList<>(open)) {
            r.run();
        }
    }
}
