package dev.legate.cpu.internal;

import dev.legate.core.ProcessorKind;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.PointWork;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/** One CPU processor: a daemon worker thread running its queue in order. */
final class CpuProcessor implements ExecutionProcessor {
    private static final PointWork STOP = new PointWork() {
        @Override
        public void run(Optional<dev.legate.core.DeviceContext> device) {
        }

        @Override
        public void completed(Throwable failure) {
        }
    };
    private final int index;
    private final HostMemory memory;
    private final ConcurrentLinkedQueue<PointWork> queue = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean parked;

    CpuProcessor(int index, HostMemory memory) {
        this.index = index;
        this.memory = memory;
        this.thread = Thread.ofPlatform().daemon().name("legate-cpu" + index).unstarted(this::loop);
        thread.start();
    }

    private PointWork next() {
        int spins = 0;
        while (true) {
            PointWork w = queue.poll();
            if (w != null) {
                return w;
            }
            if (++spins < 200) {
                Thread.onSpinWait();
                continue;
            }
            parked = true;
            if (queue.isEmpty()) {
                LockSupport.park(this);
            }
            parked = false;
            spins = 0;
        }
    }

    private void loop() {
        while (true) {
            PointWork w = next();
            if (w == STOP) {
                return;
            }
            Throwable failure = null;
            try {
                w.run(Optional.empty());
            } catch (Throwable t) {
                failure = t;
            }
            w.completed(failure);
        }
    }

    @Override
    public void execute(PointWork work) {
        queue.add(work);
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    void shutdown() {
        execute(STOP);
    }

    @Override
    public ProcessorKind kind() {
        return ProcessorKind.CPU;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return "cpu" + index;
    }

    @Override
    public MemorySpace memory() {
        return memory;
    }

    @Override
    public String toString() {
        return name();
    }
}
