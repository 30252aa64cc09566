package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.CU_MEMHOSTREGISTER_PORTABLE;
import static jcuda.driver.JCudaDriver.cuMemHostRegister;
import static jcuda.driver.JCudaDriver.cuMemHostUnregister;

import dev.legate.core.spi.Allocation;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jcuda.driver.CUresult;

/**
 * Page-locks host allocations that take part in copies, so that copies between them and device
 * memory run as asynchronous DMA at full speed.
 *
 * <p>Overview: the first copy that touches a host allocation of at least {@code minBytes}
 * registers the whole pages inside it with {@code cuMemHostRegister} (portable: valid for every
 * GPU's context); the few bytes before its first and after its last whole page stay pageable, so
 * two allocations never register the same page. The registration is kept until the host memory
 * returns the block to the system ({@link #forget}, through the runtime's free listener):
 * blocks are reused by the host memory's cache, so a store's second copy, and the next store
 * that gets the same block, cost nothing extra. Smaller allocations are
 * copied as pageable memory: the driver stages them and the copy still runs in stream order.
 *
 * <p>Thread-safety: synchronised; called on GPU processor threads.
 */
final class HostPinning {
    static final long PAGE = 4096;

    /** A registered range inside one host allocation: [start, end). */
    record Pinned(MemorySegment segment, long start, long end, boolean owned) {
    }

    private final GpuDevice anyDevice;
    private final long minBytes;
    private final Map<Allocation, Pinned> pinned = new IdentityHashMap<>();
    private long pinnedBytes;
    private long registrations;
    private long registerNanos;
    private String lastFailure;

    HostPinning(GpuDevice anyDevice, long minBytes) {
        this.anyDevice = anyDevice;
        this.minBytes = minBytes;
    }

    /**
     * The registered range of {@code host}, registering it on first use; null when it stays
     * pageable (too small, or the driver refused to register it).
     */
    synchronized Pinned pinned(Allocation host) {
        Pinned p = pinned.get(host);
        if (p != null) {
            return p;
        }
        MemorySegment seg = host.segment();
        long base = seg.address();
        long start = (base + PAGE - 1) / PAGE * PAGE;
        long end = (base + seg.byteSize()) / PAGE * PAGE;
        if (seg.byteSize() < minBytes || end <= start) {
            return null;
        }
        long t0 = System.nanoTime();
        int rc = anyDevice.withContext(() ->
                cuMemHostRegister(Handles.host(start), end - start, CU_MEMHOSTREGISTER_PORTABLE));
        registerNanos += System.nanoTime() - t0;
        if (rc == CUresult.CUDA_SUCCESS) {
            p = new Pinned(seg, start, end, true);
            pinnedBytes += end - start;
            registrations++;
        } else if (rc == CUresult.CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED) {
            p = new Pinned(seg, start, end, false);
        } else {
            lastFailure = "cuMemHostRegister(" + (end - start) + " bytes) failed: " + CUresult.stringFor(rc);
            return null;
        }
        pinned.put(host, p);
        return p;
    }

    /** Unregisters the range of a host block that is about to be freed. */
    synchronized void forget(Allocation host) {
        Pinned p = pinned.remove(host);
        if (p != null) {
            unregister(List.of(p));
        }
    }

    private void unregister(List<Pinned> list) {
        if (list.isEmpty()) {
            return;
        }
        anyDevice.withContext(() -> {
            for (Pinned p : list) {
                if (p.owned) {
                    Cuda.check(cuMemHostUnregister(Handles.host(p.start)), "cuMemHostUnregister(0x"
                            + Long.toHexString(p.start) + ", " + (p.end - p.start) + " bytes)");
                    pinnedBytes -= p.end - p.start;
                }
            }
            return null;
        });
    }

    /** Unregisters everything; at shutdown, when no copy is in flight. */
    synchronized void close() {
        List<Pinned> all = new ArrayList<>(pinned.values());
        pinned.clear();
        unregister(all);
    }

    /** A line for {@code describe()}. */
    synchronized String statistics() {
        return "host pinning: " + pinned.size() + " allocation(s), " + Cuda.bytes(pinnedBytes) + " page-locked; "
                + registrations + " registration(s) took " + registerNanos / 1_000_000 + " ms; allocations under "
                + Cuda.bytes(minBytes) + " are copied as pageable memory"
                + (lastFailure == null ? "" : "; last failure: " + lastFailure);
    }
}
