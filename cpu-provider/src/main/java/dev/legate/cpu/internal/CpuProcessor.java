package dev.legate.cpu.internal;

import dev.legate.core.ProcessorKind;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.PointWork;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;

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
    private final LinkedBlockingQueue<PointWork> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    CpuProcessor(int index, HostMemory memory) {
        this.index = index;
        this.memory = memory;
        this.thread = Thread.ofPlatform().daemon().name("legate-cpu" + index).unstarted(this::loop);
        thread.start();
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
    }

    void shutdown() {
        queue.add(STOP);
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
