package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import dev.legate.core.DeviceContext;
import dev.legate.core.ProcessorKind;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.PointWork;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import jcuda.driver.CUevent;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * One GPU as a processor: a dedicated host thread that runs work in submission order with the
 * GPU's context current, three non-blocking streams (tasks, host-to-device copies,
 * device-to-host copies) so that copies overlap kernels of independent work, and a
 * {@link Completions} thread that reports each unit of work as completed once the stream work
 * it enqueued has finished.
 *
 * <p>Overview: {@code run} only enqueues; the host thread never waits for the device, so it can
 * queue the next work while the GPU runs the previous one. Ordering between units of work is the
 * runtime's: it dispatches a unit only after its predecessors reported completion, so work on
 * different streams needs no device-side ordering.
 */
final class GpuProcessor implements ExecutionProcessor {
    private static final PointWork STOP = new PointWork() {
        @Override
        public void run(Optional<DeviceContext> device) {
        }

        @Override
        public void completed(Throwable failure) {
        }
    };
    private static final ThreadLocal<TaskDevice> CURRENT = new ThreadLocal<>();
    private final int index;
    private final GpuDevice device;
    private final DeviceMemory memory;
    private final Kernels kernels;
    private final EventPool events;
    private final CUstream[] streams = new CUstream[3];
    private final long maxBlocks;
    private final LinkedBlockingQueue<PointWork> queue = new LinkedBlockingQueue<>();
    private final Completions completions;
    private final Thread thread;

    GpuProcessor(int index, GpuDevice device, DeviceMemory memory, long completionSpinMicros) {
        this.index = index;
        this.device = device;
        this.memory = memory;
        this.kernels = new Kernels(device);
        this.events = new EventPool(device);
        this.maxBlocks = (long) device.multiprocessors * 16;
        device.withContext(() -> {
            for (int i = 0; i < streams.length; i++) {
                streams[i] = new CUstream();
                Cuda.check(cuStreamCreate(streams[i], CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate on gpu "
                        + device.ordinal);
            }
            return null;
        });
        this.completions = new Completions(this, completionSpinMicros);
        this.thread = Thread.ofPlatform().daemon().name("legate-gpu" + index).unstarted(this::loop);
        thread.start();
    }

    private void loop() {
        device.makeCurrent();
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
            TaskDevice d = new TaskDevice(this);
            CURRENT.set(d);
            Throwable failure = null;
            try {
                w.run(Optional.of(d));
            } catch (Throwable t) {
                failure = t;
            } finally {
                CURRENT.remove();
            }
            CUevent[] recorded;
            try {
                recorded = d.recordEvents(events);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
                recorded = new CUevent[0];
            }
            if (recorded.length == 0 && d.scratchBlocks().isEmpty()) {
                w.completed(failure);
            } else {
                completions.submit(w, failure, recorded, d.scratchBlocks());
            }
        }
    }

    /**
     * Runs {@code op} with this processor's stream of {@code kind}: as part of the current work
     * when called on this processor's thread (asynchronous), otherwise with the context pushed
     * and the stream synchronised before returning.
     */
    void onStream(int kind, Consumer<CUstream> op) {
        TaskDevice d = CURRENT.get();
        if (d != null && d.processor() == this) {
            op.accept(d.use(kind));
            return;
        }
        device.withContext(() -> {
            op.accept(streams[kind]);
            Cuda.check(cuStreamSynchronize(streams[kind]), "cuStreamSynchronize on gpu " + device.ordinal);
            return null;
        });
    }

    @Override
    public void execute(PointWork work) {
        queue.add(work);
    }

    CUstream stream(int kind) {
        return streams[kind];
    }

    GpuDevice device() {
        return device;
    }

    Kernels kernels() {
        return kernels;
    }

    EventPool events() {
        return events;
    }

    long maxBlocks() {
        return maxBlocks;
    }

    @Override
    public DeviceMemory memory() {
        return memory;
    }

    @Override
    public ProcessorKind kind() {
        return ProcessorKind.GPU;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return "gpu" + index;
    }

    /** Stops the threads after the queued work, then releases streams, events and modules. */
    void shutdown() {
        queue.add(STOP);
        join(thread);
        completions.shutdown();
        device.withContext(() -> {
            for (CUstream s : streams) {
                cuStreamSynchronize(s);
                cuStreamDestroy(s);
            }
            return null;
        });
        events.close();
        kernels.close();
    }

    static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name() + " on " + device;
    }
}
