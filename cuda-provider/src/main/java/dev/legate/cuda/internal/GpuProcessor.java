package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;
import static jcuda.driver.JCudaDriver.cuStreamWaitEvent;

import dev.legate.core.DeviceContext;
import dev.legate.core.ProcessorKind;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.PointWork;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jcuda.driver.CUevent;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * One GPU as an {@linkplain #inOrder() in-order} processor: a dedicated host thread with the
 * GPU's context current that issues work in submission order onto three non-blocking streams
 * (tasks, host-to-device copies, device-to-host copies) and reports each unit as completed once
 * the events recorded after its device work have fired.
 *
 * <p>Overview: the thread never waits for the device. It runs a unit ({@code run} only
 * enqueues), records an event on each stream the unit used, calls {@link PointWork#issued()}
 * (the runtime then hands over successors mapped here at once), and goes on with the next unit;
 * between units, and while idle with work in flight, it polls the oldest unit's events
 * ({@link InFlight}), spinning for {@code cuda.completionSpin} µs after progress and then
 * sleeping in short waits that new work ends. Streams are ordered among themselves: the first
 * time a unit uses a stream, that stream waits (on the device, {@code cuStreamWaitEvent}) for
 * the latest events of the other streams; within a unit, moving from one stream to another
 * makes the new one wait for the unit's work on the previous one ({@link TaskDevice#use}). So
 * every unit's device work runs in the order it was issued and after that of all earlier units,
 * which is what in-order means, and the copy streams still let the driver use its copy engines.
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
    private static final long SLEEP_MICROS = 50;
    private static final ThreadLocal<TaskDevice> CURRENT = new ThreadLocal<>();
    private final int index;
    private final GpuDevice device;
    private final DeviceMemory memory;
    private final Kernels kernels;
    private final boolean logical;
    private final EventPool events;
    private BlasHandle blas;
    private final CUstream[] streams = new CUstream[3];
    /** Per stream: the event recorded after the last unit that used it (null once completed). */
    private final CUevent[] lastEvent = new CUevent[3];
    private final long[] lastSeq = new long[3];
    /** waited[s][t]: the sequence number of stream t's event that stream s last waited for. */
    private final long[][] waited = new long[3][3];
    private long seq;
    private final long maxBlocks;
    private final long spinNanos;
    private final LinkedBlockingQueue<PointWork> queue = new LinkedBlockingQueue<>();
    private final InFlight inFlight = new InFlight(this);
    private final Thread thread;

    /**
     * A processor on {@code device} with its own memory and streams; {@code kernels} are the
     * device's loaded modules, shared by the logical processors of one GPU.
     */
    GpuProcessor(int index, GpuDevice device, DeviceMemory memory, long completionSpinMicros, Kernels kernels,
                 boolean logical) {
        this.index = index;
        this.device = device;
        this.memory = memory;
        this.kernels = kernels;
        this.logical = logical;
        this.events = new EventPool(device);
        this.maxBlocks = (long) device.multiprocessors * 16;
        this.spinNanos = completionSpinMicros * 1000;
        device.withContext(() -> {
            for (int i = 0; i < streams.length; i++) {
                streams[i] = new CUstream();
                Cuda.check(cuStreamCreate(streams[i], CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate on gpu "
                        + device.ordinal);
            }
            return null;
        });
        this.thread = Thread.ofPlatform().daemon().name("legate-gpu" + index).unstarted(this::loop);
        thread.start();
    }

    private void loop() {
        device.makeCurrent();
        long lastProgress = System.nanoTime();
        boolean stopping = false;
        while (true) {
            PointWork w;
            if (inFlight.isEmpty()) {
                if (stopping) {
                    return;
                }
                w = take();
            } else {
                w = stopping ? null : queue.poll();
            }
            if (w == STOP) {
                stopping = true;
                continue;
            }
            if (w != null) {
                issue(w);
                if (inFlight.poll()) {
                    lastProgress = System.nanoTime();
                }
                continue;
            }
            if (inFlight.poll()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress < spinNanos) {
                Thread.onSpinWait();
            } else {
                w = stopping ? sleep() : poll();
                if (w == STOP) {
                    stopping = true;
                } else if (w != null) {
                    issue(w);
                }
            }
        }
    }

    private PointWork take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // The processor stops only through STOP.
            }
        }
    }

    private PointWork poll() {
        try {
            return queue.poll(SLEEP_MICROS, TimeUnit.MICROSECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }

    private PointWork sleep() {
        try {
            Thread.sleep(0, (int) (SLEEP_MICROS * 1000));
        } catch (InterruptedException e) {
            // Keep draining.
        }
        return null;
    }

    /** Runs one unit, records its events and hands it to {@link InFlight}. */
    private void issue(PointWork w) {
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
            recorded = record(d);
            List<CUevent> joins = d.joins();
            if (!joins.isEmpty()) {
                CUevent[] all = java.util.Arrays.copyOf(recorded, recorded.length + joins.size());
                for (int i = 0; i < joins.size(); i++) {
                    all[recorded.length + i] = joins.get(i);
                }
                recorded = all;
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
            recorded = new CUevent[0];
        }
        inFlight.add(w, failure, recorded, d.scratchBlocks());
        if (failure == null) {
            w.issued();
        }
    }

    /** Records an event on each stream the unit used; they become those streams' latest events. */
    private CUevent[] record(TaskDevice d) {
        boolean[] used = d.usedStreams();
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        CUevent[] out = new CUevent[n];
        int k = 0;
        for (int s = 0; s < used.length; s++) {
            if (used[s]) {
                CUevent e = events.take();
                Cuda.check(cuEventRecord(e, streams[s]), "cuEventRecord on gpu " + device.ordinal);
                out[k++] = e;
                lastEvent[s] = e;
                lastSeq[s] = ++seq;
            }
        }
        return out;
    }

    /**
     * Makes stream {@code s} wait on the device for the latest work of the other streams, the
     * first time a unit uses it (on this processor's thread).
     */
    void orderStream(int s) {
        for (int t = 0; t < streams.length; t++) {
            if (t != s && lastEvent[t] != null && lastSeq[t] > waited[s][t]) {
                Cuda.check(cuStreamWaitEvent(streams[s], lastEvent[t], 0), "cuStreamWaitEvent on gpu " + device.ordinal);
                waited[s][t] = lastSeq[t];
            }
        }
    }

    /**
     * Makes stream {@code to} wait on the device for the work enqueued so far on stream
     * {@code from}; returns the event used, to be retired once the unit has completed.
     */
    CUevent join(int from, int to) {
        CUevent e = events.take();
        Cuda.check(cuEventRecord(e, streams[from]), "cuEventRecord on gpu " + device.ordinal);
        Cuda.check(cuStreamWaitEvent(streams[to], e, 0), "cuStreamWaitEvent on gpu " + device.ordinal);
        return e;
    }

    /** An event of a completed unit: no stream needs to wait for it any more; back to the pool. */
    void retire(CUevent e) {
        for (int s = 0; s < lastEvent.length; s++) {
            if (lastEvent[s] == e) {
                lastEvent[s] = null;
            }
        }
        events.give(e);
    }

    /**
     * Runs {@code op} with this processor's stream of {@code kind}: as part of the current unit
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

    /** True: a unit's device work runs after that of every unit given to this processor before it. */
    @Override
    public boolean inOrder() {
        return true;
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

    /** The device's L2 (logical GPUs of one device share it). */
    @Override
    public long sharedCacheBytes() {
        return device.l2Bytes;
    }

    /** Stops the thread after the queued and in-flight work, then releases streams, events and modules. */
    void shutdown() {
        queue.add(STOP);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        device.withContext(() -> {
            for (CUstream s : streams) {
                cuStreamSynchronize(s);
                cuStreamDestroy(s);
            }
            return null;
        });
        if (blas != null) {
            blas.close();
            blas = null;
        }
        events.close();
    }

    /**
     * This processor's cuBLAS handle, created on first use; on the processor's thread (inside a
     * unit of work), whose current context is the GPU's.
     */
    BlasHandle blas() {
        if (blas == null) {
            blas = BlasHandle.create(this);
        }
        return blas;
    }

    @Override
    public String toString() {
        return name() + " on " + device + (logical ? " (a logical GPU: cuda.logicalGpus)" : "");
    }
}
