package dev.legate.core;

import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.PointWork;
import dev.legate.core.spi.Provider;
import dev.legate.core.spi.ProviderFactory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider for the core's own tests: worker-thread processors over one memory. With
 * {@code gpu} set, its processors are of kind GPU and its memory is separate from the host's
 * (but host-backed), which exercises the coherence layer's copies.
 */
final class TestProvider implements Provider {
    private final String name;
    private final Mem memory;
    private final List<Proc> procs = new ArrayList<>();
    final AtomicLong copies = new AtomicLong();
    static final Map<String, TestProvider> LAST = new ConcurrentHashMap<>();

    TestProvider(String name, int n, boolean gpu, boolean async, long capacity) {
        this.name = name;
        this.memory = new Mem(gpu ? "fakefb" : "testmem", gpu && async ? MemoryKind.DEVICE : MemoryKind.HOST,
                capacity);
        for (int i = 0; i < n; i++) {
            procs.add(new Proc(i, gpu ? ProcessorKind.GPU : ProcessorKind.CPU, memory, async));
        }
        LAST.put(name, this);
    }

    /**
     * A factory; with {@code async} its processors behave like GPUs with one stream each: work
     * is queued on a stream thread and reported issued at once, completed when the stream ran
     * it, after a random delay. An asynchronous GPU's memory is of kind DEVICE (host-backed:
     * bodies reach it through {@link #device(PhysicalStore)}).
     */
    record Factory(String name, int n, boolean gpu, boolean async, long capacity) implements ProviderFactory {
        Factory(String name, int n, boolean gpu) {
            this(name, n, gpu, false, Long.MAX_VALUE);
        }

        Factory(String name, int n, boolean gpu, boolean async) {
            this(name, n, gpu, async, Long.MAX_VALUE);
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public Provider create(RuntimeConfig config) {
            return new TestProvider(name, n, gpu, async, capacity);
        }
    }

    @Override
    public String name() {
        return name;
    }

    long memoryPeak() {
        return memory.peak.get();
    }

    @Override
    public List<? extends ExecutionProcessor> processors() {
        return procs;
    }

    @Override
    public List<? extends MemorySpace> memories() {
        return List.of(memory);
    }

    @Override
    public void copy(Allocation src, long srcOffset, Allocation dst, long dstOffset, long bytes) {
        copies.incrementAndGet();
        MemorySegment.copy(src.segment(), srcOffset, dst.segment(), dstOffset, bytes);
    }

    @Override
    public String describe() {
        return procs.size() + " test processors";
    }

    @Override
    public void close() {
        for (Proc p : procs) {
            p.queue.add(STOP);
            if (p.stream != null) {
                p.stream.shutdown();
            }
        }
    }

    private static final PointWork STOP = new PointWork() {
        @Override
        public void run(Optional<DeviceContext> device) {
        }

        @Override
        public void completed(Throwable failure) {
        }
    };

    static final class Proc implements ExecutionProcessor {
        final int index;
        final ProcessorKind kind;
        final Mem memory;
        final LinkedBlockingQueue<PointWork> queue = new LinkedBlockingQueue<>();
        final java.util.concurrent.ExecutorService stream;

        Proc(int index, ProcessorKind kind, Mem memory, boolean async) {
            this.index = index;
            this.kind = kind;
            this.memory = memory;
            this.stream = async ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "test-stream" + index);
                t.setDaemon(true);
                return t;
            }) : null;
            Thread.ofPlatform().daemon().name("test-" + kind + index).start(this::loop);
        }

        private void loop() {
            while (true) {
                PointWork w;
                try {
                    w = queue.take();
                } catch (InterruptedException e) {
                    continue;
                }
                if (w == STOP) {
                    return;
                }
                if (stream != null) {
                    PointWork work = w;
                    stream.execute(() -> {
                        try {
                            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(2));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        Throwable f = null;
                        try {
                            work.run(Optional.empty());
                        } catch (Throwable t) {
                            f = t;
                        }
                        work.completed(f);
                    });
                    w.issued();
                    continue;
                }
                Throwable f = null;
                try {
                    w.run(Optional.empty());
                } catch (Throwable t) {
                    f = t;
                }
                w.completed(f);
            }
        }

        @Override
        public void execute(PointWork work) {
            queue.add(work);
        }

        @Override
        public MemorySpace memory() {
            return memory;
        }

        @Override
        public boolean inOrder() {
            return stream != null;
        }

        @Override
        public ProcessorKind kind() {
            return kind;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public String name() {
            return kind.name().toLowerCase() + index;
        }
    }

    /** The memory of a tile in a fake device memory, addressed by element index. */
    static MemorySegment device(PhysicalStore s) {
        return MemorySegment.ofAddress(s.deviceAddress()).reinterpret(Long.MAX_VALUE);
    }

    static final class Mem implements MemorySpace {
        private final String name;
        private final MemoryKind kind;
        private final long capacity;
        final AtomicLong peak = new AtomicLong();
        final AtomicLong used = new AtomicLong();
        final Map<Long, Block> live = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();

        Mem(String name, MemoryKind kind, long capacity) {
            this.name = name;
            this.kind = kind;
            this.capacity = capacity;
        }

        @Override
        public Allocation allocate(long bytes) {
            if (used.get() + bytes > capacity) {
                throw new OutOfMemoryError(name + ": cannot allocate " + bytes + " bytes, " + used.get() + " of "
                        + capacity + " in use");
            }
            Arena a = Arena.ofShared();
            Block b = new Block(this, a, a.allocate(bytes, 64), ids.incrementAndGet());
            peak.accumulateAndGet(used.addAndGet(bytes), Math::max);
            live.put(b.id, b);
            return b;
        }

        @Override
        public void trim() {
        }

        @Override
        public List<String> leaks() {
            return live.values().stream().map(b -> name + " block #" + b.id + " of " + b.seg.byteSize()).toList();
        }

        @Override
        public MemoryKind kind() {
            return kind;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long capacity() {
            return capacity;
        }

        @Override
        public long used() {
            return used.get();
        }
    }

    record Block(Mem mem, Arena arena, MemorySegment seg, long id) implements Allocation {
        @Override
        public MemorySpace memory() {
            return mem;
        }

        @Override
        public long size() {
            return seg.byteSize();
        }

        @Override
        public long address() {
            return seg.address();
        }

        @Override
        public MemorySegment segment() {
            return seg;
        }

        @Override
        public void close() {
            if (mem.live.remove(id) == null) {
                throw new IllegalStateException("double free of block " + id);
            }
            mem.used.addAndGet(-seg.byteSize());
            arena.close();
        }
    }
}
