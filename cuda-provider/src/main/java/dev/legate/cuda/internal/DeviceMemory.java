package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;

import dev.legate.core.MemoryKind;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.MemorySpace;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;

/**
 * One GPU's memory: blocks from {@code cuMemAlloc} in {@linkplain SizeClasses size classes},
 * kept for reuse when released (freeing synchronises the device, allocating costs
 * microseconds), with accounting against a limit.
 *
 * <p>Thread-safety: all methods may be called from any thread; releasing a block (which the
 * runtime's cleaner does) only returns it to the cache and makes no driver call. Blocks are
 * released only when no queued device work uses them: the runtime frees instances after the
 * tasks using them completed, and the provider frees scratch after its task's stream work.
 *
 * <p>When the limit is reached, cached blocks are freed first; then the allocation fails with an
 * {@link OutOfMemoryError} naming this memory, the request and the usage. Evicting instances (to
 * keep the planned instances within the capacity) is the runtime's decision, not this allocator's.
 */
final class DeviceMemory implements MemorySpace {
    private final GpuDevice device;
    private final String name;
    private final long capacity;
    private final boolean trackSites;
    private final TreeMap<Long, ArrayDeque<Block>> cache = new TreeMap<>();
    private final Map<Long, Block> live = new ConcurrentHashMap<>();
    private long used;
    private long cached;
    private long peak;
    private long allocations;
    private long reuses;
    private long ids;

    DeviceMemory(GpuDevice device, String name, long capacity, boolean trackSites) {
        this.device = device;
        this.name = name;
        this.capacity = capacity;
        this.trackSites = trackSites;
    }

    @Override
    public MemoryKind kind() {
        return MemoryKind.DEVICE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    /** Bytes in blocks handed out (block sizes, not requests). */
    @Override
    public synchronized long used() {
        return used;
    }

    /** Bytes in released blocks kept for reuse. */
    synchronized long cached() {
        return cached;
    }

    /** The device this memory belongs to. */
    GpuDevice device() {
        return device;
    }

    @Override
    public Allocation allocate(long bytes) {
        long size = SizeClasses.blockSize(bytes);
        Block b;
        synchronized (this) {
            b = takeCached(size);
            if (b == null) {
                if (used + cached + size > capacity) {
                    freeCached();
                }
                if (used + size > capacity) {
                    throw outOfMemory(bytes, null);
                }
                b = allocateNew(bytes, size);
                allocations++;
            } else {
                reuses++;
            }
            used += b.size;
            peak = Math.max(peak, used);
            b.open(++ids, bytes, trackSites ? new Throwable("allocated here") : null);
            live.put(b.id, b);
        }
        return b;
    }

    private Block takeCached(long size) {
        var e = cache.ceilingEntry(size);
        if (e == null || e.getKey() > SizeClasses.largestReusable(size)) {
            return null;
        }
        Block b = e.getValue().pop();
        if (e.getValue().isEmpty()) {
            cache.remove(e.getKey());
        }
        cached -= b.size;
        return b;
    }

    private Block allocateNew(long requested, long size) {
        CUdeviceptr p = new CUdeviceptr();
        int rc = device.withContext(() -> cuMemAlloc(p, size));
        if (rc == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            freeCached();
            rc = device.withContext(() -> cuMemAlloc(p, size));
            if (rc == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
                throw outOfMemory(requested, "the driver has no " + Cuda.bytes(size) + " left on the device ("
                        + Cuda.bytes(device.freeMemory()) + " free; other processes may hold the rest)");
            }
        }
        Cuda.check(rc, "cuMemAlloc(" + size + " bytes) on " + name);
        return new Block(this, p, size);
    }

    private OutOfMemoryError outOfMemory(long requested, String detail) {
        return new OutOfMemoryError("legate device memory '" + name + "' (" + device.name + "): cannot allocate "
                + requested + " bytes (" + Cuda.bytes(requested) + "); " + Cuda.bytes(used) + " in use by " + live.size()
                + " allocation(s), " + Cuda.bytes(cached) + " cached, limit " + Cuda.bytes(capacity)
                + (detail == null ? "" : "; " + detail)
                + ". Raise --fbmem / LEGATE_FBMEM, or use smaller stores: the instances the running tasks need do not"
                + " fit even after evicting the others");
    }

    private void release(Block b) {
        synchronized (this) {
            if (live.remove(b.id) == null) {
                throw new IllegalStateException("device allocation #" + b.id + " of " + b.requested + " bytes in " + name
                        + " was released twice");
            }
            used -= b.size;
            cache.computeIfAbsent(b.size, k -> new ArrayDeque<>()).push(b);
            cached += b.size;
        }
    }

    /** Frees every cached block (the caller holds the lock). */
    private void freeCached() {
        if (cache.isEmpty()) {
            return;
        }
        List<Block> drop = new ArrayList<>();
        for (ArrayDeque<Block> q : cache.values()) {
            drop.addAll(q);
        }
        cache.clear();
        cached = 0;
        device.withContext(() -> {
            for (Block b : drop) {
                Cuda.check(cuMemFree(b.pointer), "cuMemFree(" + b.size + " bytes) on " + name);
            }
            return null;
        });
    }

    @Override
    public synchronized void trim() {
        freeCached();
    }

    /** Frees the blocks still handed out; for shutdown, after {@link #leaks()} was reported. */
    synchronized void freeAll() {
        freeCached();
        device.withContext(() -> {
            for (Block b : live.values()) {
                cuMemFree(b.pointer);
            }
            return null;
        });
        live.clear();
        used = 0;
    }

    @Override
    public List<String> leaks() {
        List<String> out = new ArrayList<>();
        for (Block b : live.values()) {
            out.add("device allocation #" + b.id + " of " + b.requested + " bytes in " + name + ", allocated on thread "
                    + b.thread + (b.site == null ? " (set option cuda.trackAllocations=true to record where)"
                    : " at " + firstOutsideRuntime(b.site)));
        }
        return out;
    }

    private static String firstOutsideRuntime(Throwable site) {
        for (StackTraceElement e : site.getStackTrace()) {
            if (!e.getClassName().startsWith("dev.legate.cuda") && !e.getClassName().startsWith("dev.legate.core")) {
                return e.toString();
            }
        }
        return site.getStackTrace().length > 0 ? site.getStackTrace()[0].toString() : "unknown";
    }

    /** Counters for {@code describe()} and the self-test. */
    synchronized String statistics() {
        return name + ": " + Cuda.bytes(used) + " in use (peak " + Cuda.bytes(peak) + "), " + Cuda.bytes(cached)
                + " cached, limit " + Cuda.bytes(capacity) + "; " + allocations + " cuMemAlloc, " + reuses + " reuses";
    }

    /** A block of device memory. */
    static final class Block implements Allocation {
        private final DeviceMemory memory;
        final CUdeviceptr pointer;
        final long address;
        final long size;
        long id;
        long requested;
        Throwable site;
        String thread;

        Block(DeviceMemory memory, CUdeviceptr pointer, long size) {
            this.memory = memory;
            this.pointer = pointer;
            this.address = Handles.address(pointer);
            this.size = size;
        }

        void open(long id, long requested, Throwable site) {
            this.id = id;
            this.requested = requested;
            this.site = site;
            this.thread = Thread.currentThread().getName();
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
            return address;
        }

        @Override
        public MemorySegment segment() {
            throw new UnsupportedOperationException("device allocation #" + id + " in " + memory.name
                    + " has no host segment; use its device address");
        }

        @Override
        public void close() {
            memory.release(this);
        }

        @Override
        public String toString() {
            return "device allocation #" + id + " of " + requested + " bytes at 0x" + Long.toHexString(address) + " in "
                    + memory.name;
        }
    }
}
