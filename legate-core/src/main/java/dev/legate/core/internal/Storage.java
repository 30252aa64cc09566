package dev.legate.core.internal;

import dev.legate.core.DType;
import dev.legate.core.Rect;
import dev.legate.core.Shape;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.MemorySpace;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The root of one or more store views: the N-d index space, the element type, the instances in
 * each memory, the accesses of operations not yet retired and the coherence state.
 *
 * <p>Dependence and coherence fields are guarded by the runtime's analysis lock. Instances are
 * freed by a {@link Cleaner} once no view, operation or cache refers to the storage.
 */
public final class Storage {
    final long id;
    final DType type;
    final boolean bitmap;
    final RuntimeImpl runtime;
    private volatile long[] shape;
    /** Counted down when an unbound storage gets its size; null for storages made bound. */
    private final CountDownLatch bound;
    private volatile long[] rootStrides;
    final Resources resources;
    /** Accesses of operations that may not have finished (analysis lock). */
    final ArrayList<OpAccess> accesses = new ArrayList<>(4);
    /** Where valid data live (analysis lock); null while only one memory exists. */
    Coherence coherence;
    /** Planned instances in device memories (analysis lock). */
    private Residency.Resident[] residents;

    /** Bumped by every write; keys cached data-dependent partitions (analysis lock). */
    long version;
    /**
     * Writes submitted so far, in program order: bumped when an operation that writes this
     * storage is recorded, before it runs; see {@link dev.legate.core.LogicalStore#writeCount}.
     */
    final java.util.concurrent.atomic.AtomicLong submittedWrites = new java.util.concurrent.atomic.AtomicLong();
    /** Cached image partitions by key, valid for {@link #version} of this storage. */
    Map<Object, Rect[]> imageCache;
    long imageCacheVersion = -1;

    Storage(RuntimeImpl runtime, long id, DType type, long[] shape, boolean bitmap) {
        this.runtime = runtime;
        this.id = id;
        this.type = type;
        this.bitmap = bitmap;
        this.shape = shape == null ? null : shape.clone();
        this.bound = shape == null ? new CountDownLatch(1) : null;
        this.resources = new Resources(id, runtime.leakTracker());
        runtime.cleaner().register(this, resources);
    }

    /** The extents, waiting for the producing task of an unbound storage. */
    long[] shape() {
        long[] s = shape;
        if (s == null) {
            runtime.flushAndWaitBound(this);
            s = shape;
        }
        return s;
    }

    /** The extents if known, else null. */
    long[] shapeIfBound() {
        return shape;
    }

    boolean isBound() {
        return shape != null;
    }

    void bind(long[] s) {
        shape = s.clone();
        if (bound != null) {
            bound.countDown();
        }
    }

    void awaitBound() throws InterruptedException {
        if (bound != null) {
            bound.await();
        }
    }

    int ndim() {
        long[] s = shape;
        return s == null ? 1 : s.length;
    }

    /** Bytes per element (bitmaps: counted in bits, see {@link #bytes()}). */
    long elementSize() {
        return bitmap ? 1 : type.size();
    }

    /** Bytes of a whole instance. */
    long bytes() {
        long v = Shape.of(shape()).volume();
        return bitmap ? (v + 7) / 8 : v * type.size();
    }

    /** Row-major element strides of an instance. */
    long[] rootStrides() {
        long[] st = rootStrides;
        if (st == null) {
            long[] s = shape();
            st = new long[s.length];
            long acc = 1;
            for (int d = s.length - 1; d >= 0; d--) {
                st[d] = acc;
                acc *= Math.max(1, s[d]);
            }
            rootStrides = st;
        }
        return st;
    }

    Rect rootRect() {
        return Shape.of(shape()).rect();
    }

    /** This storage's resident record for a device memory's budget (analysis lock). */
    Residency.Resident resident(Residency.Budget b) {
        if (residents != null) {
            for (Residency.Resident r : residents) {
                if (r.budget == b) {
                    return r;
                }
            }
        }
        Residency.Resident r = new Residency.Resident(this, b, bytes());
        residents = residents == null ? new Residency.Resident[] {r}
                : java.util.Arrays.copyOf(residents, residents.length + 1);
        residents[residents.length - 1] = r;
        resources.track(r);
        return r;
    }

    /** Whether an instance exists in {@code memory} (a copy from a memory without one has nothing to copy). */
    boolean hasInstance(MemorySpace memory) {
        return resources.has(memory);
    }

    /** The instance in {@code memory}, allocated on first use. Called on processor threads. */
    Allocation instance(MemorySpace memory) {
        Allocation a = resources.first(memory);
        return a != null ? a : resources.instance(memory, this::bytes);
    }

    @Override
    public String toString() {
        long[] s = shape;
        return "storage#" + id + "(" + type.name() + (s == null ? ", unbound" : ", " + Shape.of(s)) + ")";
    }

    /**
     * The instances of one storage. Kept apart from {@link Storage} so the cleaner can free them
     * once the storage is unreachable.
     */
    static final class Resources implements Runnable {
        private final long id;
        private final LeakTracker leaks;
        /** Instances by memory; a storage has at most a few (one per memory it was used in). */
        private MemorySpace[] memories = new MemorySpace[1];
        private Allocation[] instances = new Allocation[1];
        private int count;
        private boolean released;
        private Residency.Resident[] residents;
        /** Neighbours in the {@link LeakTracker}'s list while this holds instances (tracker's lock). */
        Resources trackPrev;
        Resources trackNext;

        Resources(long id, LeakTracker leaks) {
            this.id = id;
            this.leaks = leaks;
        }

        /** The head of a {@link LeakTracker}'s list: an empty circle. */
        static Resources sentinel() {
            Resources s = new Resources(-1, null);
            s.trackPrev = s;
            s.trackNext = s;
            return s;
        }

        /** The first instance, readable without the lock (most storages live in one memory). */
        private volatile MemorySpace firstMemory;
        private volatile Allocation firstInstance;

        /** The first instance if it is in {@code memory}, else null; without the lock. */
        Allocation first(MemorySpace memory) {
            Allocation a = firstInstance;
            return a != null && firstMemory == memory ? a : null;
        }

        Allocation instance(MemorySpace memory, java.util.function.LongSupplier bytes) {
            Allocation a = firstInstance;
            if (a != null && firstMemory == memory) {
                return a;
            }
            return instanceLocked(memory, bytes);
        }

        private synchronized Allocation instanceLocked(MemorySpace memory, java.util.function.LongSupplier bytes) {
            if (released) {
                throw new IllegalStateException("storage#" + id + " was released");
            }
            for (int i = 0; i < count; i++) {
                if (memories[i] == memory) {
                    return instances[i];
                }
            }
            Allocation a = memory.allocate(Math.max(1, bytes.getAsLong()));
            if (count == memories.length) {
                memories = java.util.Arrays.copyOf(memories, count * 2);
                instances = java.util.Arrays.copyOf(instances, count * 2);
            }
            memories[count] = memory;
            instances[count++] = a;
            if (count == 1) {
                leaks.opened(this);
                firstInstance = a;
                firstMemory = memory;
            }
            return a;
        }

        synchronized boolean has(MemorySpace memory) {
            for (int i = 0; i < count; i++) {
                if (memories[i] == memory) {
                    return true;
                }
            }
            return false;
        }

        synchronized void track(Residency.Resident r) {
            residents = residents == null ? new Residency.Resident[] {r}
                    : java.util.Arrays.copyOf(residents, residents.length + 1);
            residents[residents.length - 1] = r;
        }

        /** Frees the instance in one memory (eviction); the storage stays usable. */
        synchronized void free(MemorySpace memory) {
            if (firstMemory == memory) {
                firstInstance = null;
                firstMemory = null;
            }
            for (int i = 0; i < count; i++) {
                if (memories[i] == memory) {
                    instances[i].close();
                    memories[i] = memories[count - 1];
                    instances[i] = instances[count - 1];
                    memories[--count] = null;
                    instances[count] = null;
                    if (count == 0) {
                        leaks.closed(this);
                    }
                    return;
                }
            }
        }

        @Override
        public synchronized void run() {
            if (released) {
                return;
            }
            released = true;
            firstInstance = null;
            firstMemory = null;
            if (residents != null) {
                for (Residency.Resident r : residents) {
                    r.died();
                }
            }
            for (int i = 0; i < count; i++) {
                instances[i].close();
                instances[i] = null;
            }
            if (count > 0) {
                leaks.closed(this);
            }
            count = 0;
        }

        @Override
        public String toString() {
            return "storage#" + id;
        }
    }
}
