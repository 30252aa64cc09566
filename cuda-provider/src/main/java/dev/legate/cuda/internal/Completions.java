package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventQuery;

import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.PointWork;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jcuda.driver.CUevent;
import jcuda.driver.CUresult;

/**
 * Reports the work of one {@link GpuProcessor} as completed when the events recorded after its
 * stream work have fired, without synchronising the device: a thread polls the pending events
 * with {@code cuEventQuery}. Work on different streams completes in any order.
 *
 * <p>Overview: while work is pending the thread spins for up to {@code spinMicros} after the
 * last progress (option {@code cuda.completionSpin}, default 200 µs: a completion is often
 * imminent, and a sleeping thread wakes 50-100 µs late on Linux), then sleeps in short waits
 * that new work interrupts. Completing a unit frees its scratch memory, returns its events and calls
 * {@link PointWork#completed}, which may dispatch successors; so this thread must never block on
 * the runtime.
 */
final class Completions {
    private static final long SLEEP_MICROS = 50;

    private record Pending(PointWork work, Throwable failure, CUevent[] events, List<Allocation> scratch) {
    }

    private final GpuProcessor processor;
    private final long spinNanos;
    private final LinkedBlockingQueue<Pending> incoming = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    Completions(GpuProcessor processor, long spinMicros) {
        this.processor = processor;
        this.spinNanos = spinMicros * 1000;
        this.thread = Thread.ofPlatform().daemon().name("legate-gpu" + processor.index() + "-completions")
                .unstarted(this::loop);
        thread.start();
    }

    /** Hands over work whose stream work was enqueued and marked by {@code events}. */
    void submit(PointWork work, Throwable failure, CUevent[] events, List<Allocation> scratch) {
        incoming.add(new Pending(work, failure, events, scratch));
    }

    private void loop() {
        processor.device().makeCurrent();
        List<Pending> pending = new ArrayList<>();
        long lastProgress = System.nanoTime();
        while (true) {
            if (pending.isEmpty()) {
                if (stopping && incoming.isEmpty()) {
                    return;
                }
                Pending p = poll(10_000);
                if (p == null) {
                    continue;
                }
                pending.add(p);
                lastProgress = System.nanoTime();
            }
            incoming.drainTo(pending);
            boolean progress = false;
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                int rc = query(p);
                if (rc != CUresult.CUDA_ERROR_NOT_READY) {
                    it.remove();
                    finish(p, rc);
                    progress = true;
                }
            }
            long now = System.nanoTime();
            if (progress) {
                lastProgress = now;
            } else if (now - lastProgress < spinNanos) {
                Thread.onSpinWait();
            } else {
                Pending p = poll(SLEEP_MICROS);
                if (p != null) {
                    pending.add(p);
                }
            }
        }
    }

    private Pending poll(long micros) {
        try {
            return incoming.poll(micros, TimeUnit.MICROSECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }

    /** CUDA_SUCCESS when all events fired, CUDA_ERROR_NOT_READY while some have not, else the error. */
    private static int query(Pending p) {
        for (CUevent e : p.events) {
            int rc = cuEventQuery(e);
            if (rc != CUresult.CUDA_SUCCESS) {
                return rc;
            }
        }
        return CUresult.CUDA_SUCCESS;
    }

    private void finish(Pending p, int rc) {
        Throwable failure = p.failure;
        if (rc != CUresult.CUDA_SUCCESS) {
            CudaCallException e = new CudaCallException("stream work of " + p.work + " on " + processor.name()
                    + " (reported by cuEventQuery)", rc);
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        for (Allocation a : p.scratch) {
            try {
                a.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        for (CUevent e : p.events) {
            processor.events().give(e);
        }
        try {
            p.work.completed(failure);
        } catch (RuntimeException | Error e) {
            System.err.println("legate-cuda: reporting the completion of " + p.work + " on " + processor.name()
                    + " failed: " + e);
            e.printStackTrace();
        }
    }

    /** Finishes the pending work and stops the thread. */
    void shutdown() {
        stopping = true;
        GpuProcessor.join(thread);
    }
}
