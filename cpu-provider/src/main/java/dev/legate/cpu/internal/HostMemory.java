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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Host memory: 64-byte aligned off-heap blocks from the C heap ({@link NativeHeap}) with
 * accounting against a limit.
 *
 * <p>Overview: small blocks (up to {@link #SMALL_MAX} bytes) come in power-of-two classes
 * carved from slabs, so that small arrays cost one C-heap call per slab. Large blocks are
 * allocated one by one and, once freed, are kept by size for reuse (a loop that makes a new
 * array per iteration reuses the previous one's memory, already touched). Stores are freed when the garbage collector
 * finds them unreachable, which it only looks for under heap pressure that off-heap blocks do
 * not create; so, like the JDK's direct buffers, an allocation that takes the bytes in use past
 * a threshold first asks for a collection and gives the cleaner a moment, and the threshold
 * then grows with what survived.
 */
final class HostMemory implements MemorySpace {
    private static final long ALIGN = 64;
    static final long SMALL_MAX = 256 << 10;
    private static final long SLAB = 4L << 20;
    private static final long GC_FLOOR = 512L << 20;
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
    private volatile long gcThreshold = GC_FLOOR;
    private final Map<Long, Block> live = new ConcurrentHashMap<>();

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
        b.open(ids.incrementAndGet(), trackSites ? new Throwable("allocated here") : null, bytes);
        live.put(b.id, b);
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

    /** Accounts {@code size} more bytes from the system, collecting garbage first if that is due. */
    private void reserve(long size) {
        long now = reserved.get() + size;
        if (now > gcThreshold || now > capacity) {
            trimLarge();
            if (reserved.get() + size > gcThreshold || reserved.get() + size > capacity) {
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
        long before = used.get();
        System.gc();
        for (int i = 0; i < 20; i++) {
            try {
                Thread.sleep(i < 5 ? 1 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            trimLarge();
            if (used.get() < before && reserved.get() + size <= capacity) {
                break;
            }
        }
        gcThreshold = Math.max(GC_FLOOR, 2 * (used.get() + size));
    }

    private OutOfMemoryError outOfMemory(long bytes) {
        return new OutOfMemoryError("legate host memory '" + name() + "': cannot allocate " + bytes + " bytes; "
                + used.get() + " bytes in use, " + reserved.get() + " held, limit "
                + (capacity == Long.MAX_VALUE ? "none" : Long.toString(capacity)) + " (raise --sysmem / LEGATE_SYSMEM)");
    }

    void release(Block b) {
        if (live.remove(b.id) == null) {
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

    /** Free blocks of one small size, carved from slabs on demand. */
    private final class SizeClass {
        final long size;
        private final ArrayDeque<Block> free = new ArrayDeque<>();

        SizeClass(long size) {
            this.size = size;
        }

        synchronized Block take() {
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
