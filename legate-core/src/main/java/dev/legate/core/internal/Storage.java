package dev.legate.core.internal;

import dev.legate.core.DType;
import dev.legate.core.Rect;
import dev.legate.core.Shape;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.MemorySpace;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private final CountDownLatch bound;
    final Resources resources;
    /** Accesses of operations that may not have finished (analysis lock). */
    final ArrayList<OpAccess> accesses = new ArrayList<>(4);
    /** Where valid data live (analysis lock); null while only one memory exists. */
    Coherence coherence;
    /** Bumped by every write; keys cached data-dependent partitions (analysis lock). */
    long version;
    /** Cached image partitions by key, valid for {@link #version} of this storage. */
    final Map<Object, Rect[]> imageCache = new HashMap<>(2);
    long imageCacheVersion = -1;

    Storage(RuntimeImpl runtime, long id, DType type, long[] shape, boolean bitmap) {
        this.runtime = runtime;
        this.id = id;
        this.type = type;
        this.bitmap = bitmap;
        this.shape = shape == null ? null : shape.clone();
        this.bound = new CountDownLatch(shape == null ? 1 : 0);
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
        bound.countDown();
    }

    void awaitBound() throws InterruptedException {
        bound.await();
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
        long[] s = shape();
        long[] st = new long[s.length];
        long acc = 1;
        for (int d = s.length - 1; d >= 0; d--) {
            st[d] = acc;
            acc *= Math.max(1, s[d]);
        }
        return st;
    }

    Rect rootRect() {
        return Shape.of(shape()).rect();
    }

    /** The instance in {@code memory}, allocated on first use. Called on processor threads. */
    Allocation instance(MemorySpace memory) {
        return resources.instance(memory, this::bytes);
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
        private final Map<MemorySpace, Allocation> instances = new HashMap<>(2);
        private boolean released;

        Resources(long id, LeakTracker leaks) {
            this.id = id;
            this.leaks = leaks;
        }

        synchronized Allocation instance(MemorySpace memory, java.util.function.LongSupplier bytes) {
            if (released) {
                throw new IllegalStateException("storage#" + id + " was released");
            }
            Allocation a = instances.get(memory);
            if (a == null) {
                a = memory.allocate(Math.max(1, bytes.getAsLong()));
                instances.put(memory, a);
                leaks.opened(this);
            }
            return a;
        }

        synchronized Allocation existing(MemorySpace memory) {
            return instances.get(memory);
        }

        /** Frees the instance in one memory (eviction), if any. */
        synchronized void free(MemorySpace memory) {
            Allocation a = instances.remove(memory);
            if (a != null) {
                a.close();
            }
            if (instances.isEmpty()) {
                leaks.closed(this);
            }
        }

        synchronized List<MemorySpace> memories() {
            return new ArrayList<>(instances.keySet());
        }

        @Override
        public synchronized void run() {
            if (released) {
                return;
            }
            released = true;
            if (!instances.isEmpty()) {
                for (Allocation a : instances.values()) {
                    a.close();
                }
                instances.clear();
                leaks.closed(this);
            }
        }

        @Override
        public String toString() {
            return "storage#" + id;
        }
    }
}
