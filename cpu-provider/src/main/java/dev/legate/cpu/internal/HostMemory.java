package dev.legate.cpu.internal;

import dev.legate.core.MemoryKind;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.MemorySpace;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Host memory: 64-byte aligned off-heap blocks, each in its own shared arena, with accounting
 * against a limit and a cache of freed blocks by size.
 *
 * <p>Overview: stores are freed when the garbage collector finds them unreachable, which it
 * only looks for under heap pressure; off-heap blocks do not create heap pressure. So, like
 * the JDK's direct buffers, an allocation that would take the blocks in use past a threshold
 * first asks for a collection and gives the cleaner a moment, and the threshold then grows
 * with what survives.
 */
final class HostMemory implements MemorySpace {
    private static final long ALIGN = 64;
    private static final long GC_FLOOR = 256L << 20;
    private final long capacity;
    private final boolean trackSites;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, ArrayDeque<Block>> cache = new HashMap<>();
    private long cached;
    private final long cacheLimit;
    private volatile long gcThreshold = GC_FLOOR;
    private final Map<Long, Block> live = new ConcurrentHashMap<>();

    HostMemory(long capacity, boolean trackSites) {
        this.capacity = capacity;
        this.trackSites = trackSites;
        this.cacheLimit = Math.min(capacity / 4, 2L << 30);
    }

    @Override
    public MemoryKind kind() {
        return MemoryKind.HOST;
    }

    @Override
    public String name() {
        return "sysmem";
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public long used() {
        return used.get();
    }

    @Override
    public Allocation allocate(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("allocation size must be positive, got " + bytes);
        }
        long size = (bytes + ALIGN - 1) / ALIGN * ALIGN;
        Block b = takeCached(size);
        if (b == null) {
            reserve(size);
            Arena arena = Arena.ofShared();
            MemorySegment seg;
            try {
                seg = arena.allocate(size, ALIGN);
            } catch (OutOfMemoryError e) {
                arena.close();
                used.addAndGet(-size);
                throw outOfMemory(bytes);
            }
            b = new Block(this, arena, seg, size);
        }
        b.open(ids.incrementAndGet(), trackSites ? new Throwable("allocated here") : null, bytes);
        live.put(b.id, b);
        return b;
    }

    private synchronized Block takeCached(long size) {
        ArrayDeque<Block> q = cache.get(size);
        if (q == null || q.isEmpty()) {
            return null;
        }
        cached -= size;
        return q.pop();
    }

    private void reserve(long size) {
        long now = used.get() + size;
        if (now > gcThreshold || now > capacity) {
            trim();
            if (used.get() + size > gcThreshold || used.get() + size > capacity) {
                collect(size);
            }
        }
        long after = used.addAndGet(size);
        if (after > capacity) {
            used.addAndGet(-size);
            throw outOfMemory(size);
        }
        gcThreshold = Math.max(gcThreshold, Math.max(GC_FLOOR, 2 * after));
    }

    /** Asks the collector to find unreachable stores and waits briefly for their blocks to return. */
    private void collect(long size) {
        long before = used.get();
        System.gc();
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(i < 5 ? 1 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            trim();
            if (used.get() + size <= capacity && used.get() < before) {
                break;
            }
        }
        gcThreshold = Math.max(GC_FLOOR, 2 * (used.get() + size));
    }

    private OutOfMemoryError outOfMemory(long bytes) {
        return new OutOfMemoryError("legate host memory '" + name() + "': cannot allocate " + bytes + " bytes; "
                + used.get() + " of " + (capacity == Long.MAX_VALUE ? "unlimited" : capacity) + " bytes in use"
                + " (raise --sysmem / LEGATE_SYSMEM)");
    }

    void release(Block b) {
        if (live.remove(b.id) == null) {
            throw new IllegalStateException("host allocation #" + b.id + " of " + b.size + " bytes was released twice");
        }
        synchronized (this) {
            if (cached + b.size <= cacheLimit) {
                cache.computeIfAbsent(b.size, k -> new ArrayDeque<>()).push(b);
                cached += b.size;
                return;
            }
        }
        b.free();
    }

    @Override
    public void trim() {
        List<Block> drop = new ArrayList<>();
        synchronized (this) {
            for (ArrayDeque<Block> q : cache.values()) {
                drop.addAll(q);
            }
            cache.clear();
            cached = 0;
        }
        for (Block b : drop) {
            b.free();
        }
    }

    @Override
    public List<String> leaks() {
        List<String> out = new ArrayList<>();
        for (Block b : live.values()) {
            out.add("host allocation #" + b.id + " of " + b.requested + " bytes, allocated on thread " + b.thread
                    + (b.site == null ? " (set option cpu.trackAllocations=true to record where)"
                    : " at " + firstOutsideRuntime(b.site)));
        }
        return out;
    }

    private static String firstOutsideRuntime(Throwable site) {
        for (StackTraceElement e : site.getStackTrace()) {
            if (!e.getClassName().startsWith("dev.legate.cpu") && !e.getClassName().startsWith("dev.legate.core")) {
                return e.toString();
            }
        }
        return site.getStackTrace().length > 0 ? site.getStackTrace()[0].toString() : "unknown";
    }

    /** One block: a segment in its own arena. */
    static final class Block implements Allocation {
        private final HostMemory memory;
        private final Arena arena;
        private final MemorySegment segment;
        final long size;
        long id;
        long requested;
        Throwable site;
        String thread;

        Block(HostMemory memory, Arena arena, MemorySegment segment, long size) {
            this.memory = memory;
            this.arena = arena;
            this.segment = segment;
            this.size = size;
        }

        void open(long id, Throwable site, long requested) {
            this.id = id;
            this.site = site;
            this.requested = requested;
            this.thread = Thread.currentThread().getName();
        }

        void free() {
            memory.used.addAndGet(-size);
            arena.close();
        }

        @Override
        public MemorySpace memory() {
            return memory;
        }

        @Override
        public long size() {
            return requested;
        }

        @Override
        public long address() {
            return segment.address();
        }

        @Override
        public MemorySegment segment() {
            return segment;
        }

        @Override
        public void close() {
            memory.release(this);
        }
    }
}
