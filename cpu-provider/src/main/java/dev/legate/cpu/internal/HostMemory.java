package dev.legate.cpu.internal;

import dev.legate.core.MemoryKind;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.MemorySpace;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Host memory: 64-byte aligned off-heap blocks from the C heap ({@link NativeHeap}) with
 * accounting against a limit.
 *
 * <p>Overview: small blocks (up to {@link #SMALL_MAX} bytes) come in power-of-two classes
 * carved from slabs, so that small arrays cost one C-heap call per slab. Large blocks are
 * allocated one by one and, once freed, are kept by size for reuse (a loop that makes a new
 * array per iteration reuses the previous one's memory, already touched).
 *
 * <p>Reuse matters more than it seems: touching fresh memory costs page faults (on the virtual
 * machines this project runs on, about 150 ms per 32 MiB; huge pages, asked for with
 * {@code madvise}, roughly halve that), while a reused block is already mapped. Stores are
 * freed when the garbage collector finds them unreachable, which it only looks for under heap
 * pressure that off-heap blocks do not create. So, like the JDK's direct buffers, once the
 * bytes handed out since the last collection pass a budget, the next allocation that finds no
 * block to reuse first asks for a collection, waits briefly for the cleaner to return the
 * blocks of dropped stores, and looks again; in a loop that drops what it allocates, memory is
 * then recycled rather than taken fresh. The budget weighs what a collection costs (timed)
 * against what touching fresh memory costs (measured once, on a small block): a collection is
 * worth it once it saves four times its own time in page faults (on this project's virtual
 * machines a few tens of MiB; on bare metal, hundreds). A collection that finds little garbage
 * doubles the budget, one that finds plenty halves it back.
 */
final class HostMemory implements MemorySpace {
    private static final long ALIGN = 64;
    static final long SMALL_MAX = 256 << 10;
    private static final long SLAB = 4L << 20;
    private static final long MIN_BUDGET = 16L << 20;
    private static final long MAX_BUDGET = 1L << 30;
    private final long capacity;
    private final boolean trackSites;
    /** Bytes of live blocks. */
    private final AtomicLong used = new AtomicLong();
    /** Bytes held from the system: slabs and large blocks, live or cached. */
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final SizeClass[] classes;
    private final Map<Long, ArrayDeque<Block>> largeCache = new HashMap<>();
    private long largeCached;
    private final long largeCacheLimit;
    private final List<MemorySegment> slabs = new ArrayList<>();
    private final NativeHeap heap = new NativeHeap();
    private final List<java.util.function.Consumer<Allocation>> freeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Bytes handed out since the last collection. */
    private final AtomicLong sinceCollection = new AtomicLong();
    /** Multiplies the page-fault budget: grows while collections find little garbage. */
    private volatile double budgetScale = 1;
    /** Milliseconds to fault in one fresh MiB (measured once, lazily). */
    private volatile double faultMillisPerMib = -1;
    /** Milliseconds the last collections took (moving average). */
    private volatile double collectMillis = 20;
    /** Live blocks, as an intrusive list (no per-block map entry), for naming leaks. */
    private final Block liveHead = new Block(null, MemorySegment.NULL, 0, null);

    HostMemory(long capacity, boolean trackSites) {
        this.capacity = capacity;
        this.trackSites = trackSites;
        this.largeCacheLimit = Math.min(capacity / 4, 4L << 30);
        int n = Long.numberOfTrailingZeros(SMALL_MAX) - Long.numberOfTrailingZeros(ALIGN) + 1;
        classes = new SizeClass[n];
        for (int i = 0; i < n; i++) {
            classes[i] = new SizeClass(ALIGN << i);
        }
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
        Block b;
        if (bytes <= SMALL_MAX) {
            SizeClass c = classes[63 - Long.numberOfLeadingZeros(Math.max(ALIGN, Long.highestOneBit(bytes - 1) << 1))
                    - Long.numberOfTrailingZeros(ALIGN)];
            b = c.take();
        } else {
            long size = (bytes + ALIGN - 1) / ALIGN * ALIGN;
            b = takeLarge(size);
            if (b == null && collectionDue(size)) {
                collect(size);
                b = takeLarge(size);
            }
            if (b == null) {
                reserve(size);
                MemorySegment seg = heap.allocate(size, ALIGN);
                if (seg == null) {
                    reserved.addAndGet(-size);
                    throw outOfMemory(bytes);
                }
                b = new Block(this, seg, size, null);
            }
        }
        used.addAndGet(b.size);
        sinceCollection.addAndGet(b.size);
        b.open(ids.incrementAndGet(), trackSites ? new Throwable("allocated here") : null, bytes);
        synchronized (liveHead) {
            b.next = liveHead.next;
            b.prev = liveHead;
            if (liveHead.next != null) {
                liveHead.next.prev = b;
            }
            liveHead.next = b;
        }
        return b;
    }

    private synchronized Block takeLarge(long size) {
        ArrayDeque<Block> q = largeCache.get(size);
        if (q == null || q.isEmpty()) {
            return null;
        }
        largeCached -= size;
        return q.pop();
    }

    private boolean collectionDue(long size) {
        return sinceCollection.get() + size > freshBudget() || reserved.get() + size > capacity;
    }

    /** Fresh bytes after which a collection pays for itself in page faults it saves. */
    private long freshBudget() {
        double fault = faultMillisPerMib;
        if (fault < 0) {
            fault = measureFaultCost();
        }
        double mib = 4 * collectMillis / Math.max(1e-3, fault);
        return Math.clamp((long) (budgetScale * mib * (1 << 20)), MIN_BUDGET, MAX_BUDGET);
    }

    /** Times touching a fresh 4 MiB block once (then frees it). */
    private synchronized double measureFaultCost() {
        if (faultMillisPerMib >= 0) {
            return faultMillisPerMib;
        }
        long bytes = 4L << 20;
        MemorySegment probe = heap.allocate(bytes, ALIGN);
        if (probe == null) {
            faultMillisPerMib = 0.5;
            return faultMillisPerMib;
        }
        long t0 = System.nanoTime();
        for (long off = 0; off < bytes; off += 4096) {
            probe.set(java.lang.foreign.ValueLayout.JAVA_BYTE, off, (byte) 1);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        heap.free(probe);
        faultMillisPerMib = ms / 4;
        return faultMillisPerMib;
    }

    /** Accounts {@code size} more bytes from the system, freeing cached blocks first if over the limit. */
    private void reserve(long size) {
        if (reserved.get() + size > capacity) {
            trimLarge();
            if (reserved.get() + size > capacity) {
                collect(size);
            }
        }
        long after = reserved.addAndGet(size);
        if (after > capacity) {
            reserved.addAndGet(-size);
            throw outOfMemory(size);
        }
    }

    /** Asks the collector to find unreachable stores and waits briefly for their blocks to return. */
    private void collect(long size) {
        long handedOut = sinceCollection.getAndSet(0);
        long before = used.get();
        long t0 = System.nanoTime();
        System.gc();
        collectMillis = 0.5 * collectMillis + 0.5 * (System.nanoTime() - t0) / 1e6;
        // The cleaner returns the blocks of collected stores on its own thread: wait until it
        // has made progress and then stopped, or for at most about 20 ms.
        long last = used.get();
        for (int i = 0, quiet = 0; i < 20 && quiet < 2; i++) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = used.get();
            quiet = now < last ? 0 : (now < before ? quiet + 1 : 0);
            last = now;
        }
        long recovered = before - used.get();
        budgetScale = recovered < handedOut / 4 ? Math.min(64, budgetScale * 2) : Math.max(1, budgetScale / 2);
        if (reserved.get() + size > capacity) {
            trimLarge();
        }
    }

    private OutOfMemoryError outOfMemory(long bytes) {
        return new OutOfMemoryError("legate host memory '" + name() + "': cannot allocate " + bytes + " bytes; "
                + used.get() + " bytes in use, " + reserved.get() + " held, limit "
                + (capacity == Long.MAX_VALUE ? "none" : Long.toString(capacity)) + " (raise --sysmem / LEGATE_SYSMEM)");
    }

    void release(Block b) {
        boolean wasLive;
        synchronized (liveHead) {
            wasLive = b.prev != null;
            if (wasLive) {
                b.prev.next = b.next;
                if (b.next != null) {
                    b.next.prev = b.prev;
                }
                b.prev = null;
                b.next = null;
            }
        }
        if (!wasLive) {
            throw new IllegalStateException("host allocation #" + b.id + " of " + b.requested
                    + " bytes was released twice");
        }
        used.addAndGet(-b.size);
        if (b.sizeClass != null) {
            b.sizeClass.give(b);
            return;
        }
        synchronized (this) {
            if (largeCached + b.size <= largeCacheLimit) {
                largeCache.computeIfAbsent(b.size, k -> new ArrayDeque<>()).push(b);
                largeCached += b.size;
                return;
            }
        }
        b.free();
    }

    private void trimLarge() {
        List<Block> drop = new ArrayList<>();
        synchronized (this) {
            for (ArrayDeque<Block> q : largeCache.values()) {
                drop.addAll(q);
            }
            largeCache.clear();
            largeCached = 0;
        }
        for (Block b : drop) {
            b.free();
        }
    }

    @Override
    public void trim() {
        trimLarge();
    }

    @Override
    public void addFreeListener(java.util.function.Consumer<Allocation> listener) {
        freeListeners.add(listener);
    }

    /** Frees every slab; the provider calls it once no block can be in use any more. */
    void closeSlabs() {
        synchronized (slabs) {
            for (MemorySegment s : slabs) {
                heap.free(s);
            }
            slabs.clear();
        }
    }

    @Override
    public List<String> leaks() {
        List<String> out = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        synchronized (liveHead) {
            for (Block b = liveHead.next; b != null; b = b.next) {
                blocks.add(b);
            }
        }
        for (Block b : blocks) {
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

    /** Free blocks of one small size, carved from slabs on demand. */
    private final class SizeClass {
        final long size;
        private final ArrayDeque<Block> free = new ArrayDeque<>();

        SizeClass(long size) {
            this.size = size;
        }

        Block take() {
            Block b = poll();
            if (b == null && collectionDue(size)) {
                collect(size);
                b = poll();
            }
            return b != null ? b : carve();
        }

        private synchronized Block poll() {
            return free.poll();
        }

        private synchronized Block carve() {
            Block b = free.poll();
            if (b != null) {
                return b;
            }
            long slab = Math.max(SLAB, size * 16);
            reserve(slab);
            MemorySegment seg = heap.allocate(slab, ALIGN);
            if (seg == null) {
                reserved.addAndGet(-slab);
                throw outOfMemory(size);
            }
            synchronized (slabs) {
                slabs.add(seg);
            }
            for (long off = slab - size; off > 0; off -= size) {
                free.push(new Block(HostMemory.this, seg.asSlice(off, size), size, this));
            }
            return new Block(HostMemory.this, seg.asSlice(0, size), size, this);
        }

        synchronized void give(Block b) {
            free.push(b);
        }
    }

    /** One block: a slice of a slab, or a large block of its own. */
    static final class Block implements Allocation {
        private final HostMemory memory;
        private final MemorySegment segment;
        final long size;
        final SizeClass sizeClass;
        long id;
        long requested;
        Throwable site;
        String thread;
        /** Neighbours in the memory's list of live blocks (guarded by its head). */
        Block prev;
        Block next;

        Block(HostMemory memory, MemorySegment segment, long size, SizeClass sizeClass) {
            this.memory = memory;
            this.segment = segment;
            this.size = size;
            this.sizeClass = sizeClass;
        }

        void open(long id, Throwable site, long requested) {
            this.id = id;
            this.site = site;
            this.requested = requested;
            this.thread = Thread.currentThread().getName();
        }

        void free() {
            for (var l : memory.freeListeners) {
                l.accept(this);
            }
            memory.reserved.addAndGet(-size);
            memory.heap.free(segment);
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
