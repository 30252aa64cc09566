package dev.legate.numeric.internal;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.Library;
import dev.legate.core.Memory;
import dev.legate.core.MemoryKind;
import dev.legate.core.ProcessorKind;
import dev.legate.core.TaskId;
import dev.legate.numeric.internal.tasks.NumericTask;

/**
 * Numeric's state for one runtime: the task ids of its library, looked up once, and the
 * tile granule that reductions align their blocks to.
 */
public final class Ctx {
    /**
     * Runtime option ({@code -Dlegate.option.numeric.fusion=false}) that computes every
     * element-wise operation at once instead of deferring and fusing chains of them.
     */
    public static final String FUSION_OPTION = "numeric.fusion";
    /** Runtime option ({@code -Dlegate.option.numeric.pool=false}) that turns storage recycling off. */
    public static final String POOL_OPTION = "numeric.pool";
    /**
     * Runtime option ({@code -Dlegate.option.numeric.memory=host|device|auto}) that says where
     * numeric's arrays live, which decides how it finds dead ones (see {@link StorePool} and
     * {@link Base}); {@code auto} (the default) is {@code device} when the element-wise task has a
     * GPU variant in this runtime, else {@code host}.
     */
    public static final String MEMORY_OPTION = "numeric.memory";
    private static volatile Ctx last;
    /** One context per runtime, dropped with the runtime. */
    private static final java.util.Map<LegateRuntime, Ctx> ALL = new java.util.WeakHashMap<>();

    /** Weak, so that the map of contexts does not keep closed runtimes; stores keep live ones reachable. */
    private final java.lang.ref.WeakReference<LegateRuntime> runtime;
    private final TaskId[] ids;
    private final long granule;
    private final int cpus;
    private final boolean fusion;
    private final boolean deviceResident;
    private final StorePool pool;

    private Ctx(LegateRuntime runtime) {
        this.runtime = new java.lang.ref.WeakReference<>(runtime);
        Library lib = runtime.library(NumericLibrary.NAME);
        NumericTask[] all = NumericTask.values();
        this.ids = new TaskId[all.length];
        for (NumericTask t : all) {
            ids[t.ordinal()] = lib.task(t.taskName());
        }
        this.granule = runtime.config().tileGranule();
        this.cpus = runtime.config().effectiveCpus();
        this.fusion = !"false".equalsIgnoreCase(runtime.config().options().getOrDefault(FUSION_OPTION, "true"));
        this.deviceResident = switch (runtime.config().options().getOrDefault(MEMORY_OPTION, "auto").trim()
                .toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> lib.variants(ids[NumericTask.ELEMENTWISE.ordinal()]).contains(ProcessorKind.GPU);
            case "device" -> true;
            case "host" -> false;
            default -> throw new IllegalArgumentException("option " + MEMORY_OPTION + " must be host, device or auto, got '"
                    + runtime.config().options().get(MEMORY_OPTION) + "'");
        };
        this.pool = new StorePool(runtime,
                !"false".equalsIgnoreCase(runtime.config().options().getOrDefault(POOL_OPTION, "true")),
                deviceResident, garbageBudget(runtime));
    }

    /**
     * The bytes of fresh device allocations after which the pool collects dead arrays in device
     * mode: a quarter of the smallest GPU memory (1 GiB without GPUs), so that garbage waiting for
     * a collection leaves most of the device to live data.
     */
    private static long garbageBudget(LegateRuntime runtime) {
        long min = Long.MAX_VALUE;
        for (Memory m : runtime.machine().memories()) {
            if (m.kind() == MemoryKind.DEVICE) {
                min = Math.min(min, m.capacity());
            }
        }
        return min == Long.MAX_VALUE ? 1L << 30 : Math.max(1L << 20, min / 4);
    }

    /** The context of {@code runtime}. */
    public static Ctx of(LegateRuntime runtime) {
        Ctx c = last;
        if (c != null && c.runtime.get() == runtime) {
            return c;
        }
        synchronized (Ctx.class) {
            c = ALL.computeIfAbsent(runtime, Ctx::new);
            last = c;
            return c;
        }
    }

    /** The context of the default runtime. */
    public static Ctx current() {
        return of(Legate.runtime());
    }

    public LegateRuntime runtime() {
        LegateRuntime rt = runtime.get();
        if (rt == null) {
            throw new IllegalStateException("the runtime of this numeric context is gone");
        }
        return rt;
    }

    /** The id of {@code task} in this runtime. */
    public TaskId id(NumericTask task) {
        return ids[task.ordinal()];
    }

    /** Block length of deterministic reductions (the runtime's tile granule). */
    public long granule() {
        return granule;
    }

    /** The recycler of numeric's storages. */
    StorePool pool() {
        return pool;
    }

    /**
     * Whether numeric's arrays live in device memory (option {@link #MEMORY_OPTION}): dead arrays
     * are then found by occasional collections, and deferred readers of a storage about to be
     * written are protected by a snapshot rather than by a collection (see {@link Base}).
     */
    public boolean deviceResident() {
        return deviceResident;
    }

    /** Whether element-wise operations are deferred and fused. */
    public boolean fusion() {
        return fusion;
    }

    /** The number of CPU processors. */
    public int cpus() {
        return cpus;
    }
}
