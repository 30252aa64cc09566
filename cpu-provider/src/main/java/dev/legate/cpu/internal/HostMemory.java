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
 * machines this project runs on, about 3 ms per MiB for pages the guest has not used lately and
 * some thirty times less for huge pages it freed a moment ago), while a reused block is already
 * mapped. Stores are freed when the garbage collector finds them unreachable, which it only
 * looks for under heap pressure that off-heap blocks do not create. So, like the JDK's direct
 * buffers, an allocation that finds no block to reuse may first ask for a collection, wait
 * briefly for the cleaner to return the blocks of dropped stores, and look again; in a loop that
 * drops what it allocates, memory is then recycled rather than taken fresh. A collection is due
 * when the fresh bytes since the last one would cost more in faults than a collection takes
 * (fault cost measured once, on a small block; collections timed) and the last collection was at
 * least ten of its durations ago, so collections take at most about a tenth of the time and a
 * loop recycles a pool of several arrays per collection. A collection that finds little
 * garbage (a set-up phase building what it keeps) doubles that spacing; one that finds plenty
 * resets it. Before taking fresh memory, cached blocks of other sizes go back to the C heap, so
 * the pages they hold are recycled rather than the guest's untouched ones.
 */
final class HostMemory implements MemorySpace {
    private static final long ALIGN = 64;
    static final long SMALL_MAX = 256 << 10;
    private static final long SLAB = 4L << 20;
    private static final long MIN_BUDGET = 16L << 20;
    /** Collections come at most once per this many times their own duration. */
    private static final double PERIOD = 10;
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
    /** Milliseconds the last collection took, waiting for the cleaner included. */
    private volatile double collectMillis = 20;
    /** When the last collection ended ({@link System#nanoTime()}). */
    private volatile long lastCollection = System.nanoTime();
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

    /** Bytes held from the system: slabs and large blocks, live or cached. */
    long reserved() {
        return reserved.get();
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
                releaseOtherSizes(size);
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

    /**
     * Before taking {@code size} fresh bytes, returns at least as many bytes of cached blocks of
     * other sizes (largest first) to the C heap. The C library or the kernel hands those pages out
     * again at once, already backed: on this project's virtual machines a recycled huge page faults
     * in some thirty times faster than one the guest has not touched lately. Cached blocks of sizes
     * nobody asks for any more (a program's set-up phase leaves many) would otherwise force every
     * new size onto fresh memory.
     */
    private void releaseOtherSizes(long size) {
        List<Block> drop = new ArrayList<>();
        synchronized (this) {
            if (largeCached == 0) {
                return;
            }
            List<Long> sizes = new ArrayList<>(largeCache.keySet());
            sizes.sort(java.util.Comparator.reverseOrder());
            long freed = 0;
            for (long s : sizes) {
                ArrayDeque<Block> q = largeCache.get(s);
                while (freed < size && s != size && !q.isEmpty()) {
                    Block b = q.pop();
                    largeCached -= b.size;
                    freed += b.size;
                    drop.add(b);
                }
                if (q.isEmpty()) {
                    largeCache.remove(s);
                }
                if (freed >= size) {
                    break;
                }
            }
        }
        for (Block b : drop) {
            b.free();
        }
    }

    private boolean collectionDue(long size) {
        if (reserved.get() + size > capacity) {
            return true;
        }
        long fresh = sinceCollection.get() + size;
        if (fresh > MAX_BUDGET) {
            return true;
        }
        double fault = faultMillisPerMib;
        if (fault < 0) {
            fault = measureFaultCost();
        }
        // Worth it only once the faults it may save exceed its cost, and at most one collection
        // per PERIOD of its own duration, so that collections take no more than about a tenth of
        // the time (a loop that drops an array per iteration then recycles a pool of several).
        double mib = fresh / (double) (1 << 20);
        double elapsed = (System.nanoTime() - lastCollection) / 1e6;
        return fresh >= MIN_BUDGET && mib * fault >= collectMillis && elapsed >= PERIOD * budgetScale * collectMillis;
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
        lastCollection = System.nanoTime();
        // The next collection costs about what this one did (the live heap changes slowly); an
        // average would carry a set-up phase's long collections into the loop after it.
        collectMillis = (lastCollection - t0) / 1e6;
        // A collection that finds little (a set-up phase building what it keeps) doubles the
        // budget; one that finds plenty (a loop dropping what it made) resets it, so a loop after
        // a long set-up is not left with the set-up's budget.
        budgetScale = recovered < handedOut / 4 ? Math.min(8, budgetScale * 2) : 1;
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
