package dev.legate.core.internal;

import dev.legate.core.Rect;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps each device memory's instances within its capacity by evicting least-recently-used
 * instances that no unfinished node needs, writing back first the data valid nowhere else.
 *
 * <p>Overview: decisions are made during analysis, under the analysis lock and in program
 * order, like coherence. Every node that will use a storage's instance in a device memory
 * registers the use ({@link #use}); the first use plans the instance and, if the planned bytes
 * would pass the capacity, evicts: a {@link CopyNode} writes sole copies back to host memory,
 * a {@link FreeNode} on the memory's processor frees the instance after it, and the new user
 * waits for the free. A use is pending until its node finishes; pending instances are never
 * evicted.
 */
final class Residency {
    /** One memory's bookkeeping. */
    static final class Budget {
        final MemorySpace memory;
        final ExecutionProcessor processor;
        final AtomicLong planned = new AtomicLong();
        /** Residents in least-recently-used order (analysis lock). */
        final LinkedHashMap<Resident, Boolean> lru = new LinkedHashMap<>();
        long evictions;

        /** Wakes an analysis waiting for room (a resident's last pending use finished). */
        synchronized void released() {
            notifyAll();
        }

        Budget(MemorySpace memory, ExecutionProcessor processor) {
            this.memory = memory;
            this.processor = processor;
        }
    }

    /** A storage's (planned) instance in one device memory. */
    static final class Resident {
        final WeakReference<Storage> storage;
        final Budget budget;
        final long bytes;
        final AtomicInteger pending = new AtomicInteger();
        /** The launch that last registered a use (analysis lock). */
        long lastLaunch;
        /** Whether the instance is counted in the budget (analysis lock, or the cleaner once dead). */
        volatile boolean planned;
        volatile boolean dead;

        Resident(Storage storage, Budget budget, long bytes) {
            this.storage = new WeakReference<>(storage);
            this.budget = budget;
            this.bytes = bytes;
        }

        /** The storage was collected: its instances are freed and no longer count. */
        void died() {
            dead = true;
            if (planned) {
                planned = false;
                budget.planned.addAndGet(-bytes);
            }
        }
    }

    private final RuntimeImpl rt;
    private final Map<MemorySpace, Budget> budgets = new LinkedHashMap<>();
    /** The launch being analysed; uses by its nodes and by the copies made for it carry it. */
    private long launch;

    Residency(RuntimeImpl rt, Map<MemorySpace, ExecutionProcessor> deviceMemories) {
        this.rt = rt;
        deviceMemories.forEach((m, p) -> budgets.put(m, new Budget(m, p)));
    }

    boolean isEmpty() {
        return budgets.isEmpty();
    }

    /** Evictions so far from {@code memory}. */
    long evictions(MemorySpace memory) {
        Budget b = budgets.get(memory);
        return b == null ? 0 : b.evictions;
    }

    /** Starts the analysis of launch {@code id}: earlier launches' uses may be waited for, its own not. */
    void beginLaunch(long id) {
        launch = id;
    }

    /** Registers that {@code user} will use {@code s}'s instance in {@code m} (analysis lock). */
    void use(Storage s, MemorySpace m, Node user) {
        Budget b = budgets.get(m);
        if (b == null) {
            return;
        }
        Resident r = s.resident(b);
        if (!r.planned) {
            makeRoom(b, r.bytes, user);
            r.planned = true;
            b.planned.addAndGet(r.bytes);
        }
        r.pending.incrementAndGet();
        r.lastLaunch = launch;
        user.hold(r);
        b.lru.remove(r);
        b.lru.put(r, Boolean.TRUE);
    }

    /**
     * Evicts until {@code need} more bytes fit; when every candidate is still in use by earlier
     * launches, waits for them to finish. Gives up (the allocation will then fail with the
     * memory's own error) only when what is in use belongs to the launch being analysed.
     */
    private void makeRoom(Budget b, long need, Node user) {
        long cap = b.memory.capacity();
        while (b.planned.get() + need > cap) {
            if (!evictSome(b, need, user)) {
                if (!waitForEarlierUsers(b)) {
                    return;
                }
            }
        }
    }

    private boolean waitForEarlierUsers(Budget b) {
        boolean any = false;
        for (Resident r : b.lru.keySet()) {
            if (r.planned && !r.dead && r.pending.get() > 0 && r.lastLaunch != launch) {
                any = true;
                break;
            }
        }
        if (!any) {
            return false;
        }
        synchronized (b) {
            try {
                b.wait(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean evictSome(Budget b, long need, Node user) {
        long cap = b.memory.capacity();
        List<Resident> victims = new ArrayList<>();
        long freed = 0;
        for (Iterator<Resident> it = b.lru.keySet().iterator(); it.hasNext(); ) {
            Resident r = it.next();
            if (r.dead || r.storage.get() == null) {
                it.remove();
                continue;
            }
            if (r.pending.get() == 0 && r.planned) {
                victims.add(r);
                freed += r.bytes;
                if (b.planned.get() - freed + need <= cap) {
                    break;
                }
            }
        }
        for (Resident r : victims) {
            evict(r, user);
        }
        return !victims.isEmpty();
    }

    private void evict(Resident r, Node user) {
        Storage s = r.storage.get();
        Budget b = r.budget;
        b.lru.remove(r);
        if (s == null) {
            return;
        }
        FreeNode free = new FreeNode(rt, new NodeGroup(rt.nextOpId(), "evict"), s, b.memory);
        free.processor = b.processor;
        if (s.coherence != null) {
            for (Rect rect : s.coherence.soleIn(b.memory)) {
                CopyNode back = rt.newCopy(s, rect, b.memory, rt.hostMemory());
                s.coherence.producerOf(rect, b.memory).ifPresent(p -> p.addSuccessor(back));
                s.coherence.addValid(rect, rt.hostMemory(), back);
                back.addSuccessor(free);
                rt.release(back);
            }
            s.coherence.forget(b.memory);
        }
        free.addSuccessor(user);
        r.planned = false;
        b.planned.addAndGet(-r.bytes);
        b.evictions++;
        rt.release(free);
    }
}
