package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventQuery;

import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.PointWork;
import java.util.ArrayDeque;
import jcuda.driver.CUevent;
import jcuda.driver.CUresult;

/**
 * The work of one {@link GpuProcessor} that was issued and has not completed, in submission
 * order. The processor's streams are ordered among themselves (see {@link GpuProcessor}), so
 * device work finishes in submission order: only the oldest unit needs querying, and reporting
 * completions in this order means a completed unit implies that every earlier one completed.
 *
 * <p>Used only on the processor's thread.
 */
final class InFlight {
    private record Unit(PointWork work, Throwable failure, CUevent[] events, java.util.List<Allocation> scratch) {
    }

    private final GpuProcessor processor;
    private final ArrayDeque<Unit> units = new ArrayDeque<>();

    InFlight(GpuProcessor processor) {
        this.processor = processor;
    }

    void add(PointWork work, Throwable failure, CUevent[] events, java.util.List<Allocation> scratch) {
        units.add(new Unit(work, failure, events, scratch));
    }

    boolean isEmpty() {
        return units.isEmpty();
    }

    /** Completes the units whose device work has finished; true when at least one did. */
    boolean poll() {
        boolean progress = false;
        while (!units.isEmpty()) {
            Unit u = units.peek();
            int rc = query(u);
            if (rc == CUresult.CUDA_ERROR_NOT_READY) {
                break;
            }
            units.poll();
            finish(u, rc);
            progress = true;
        }
        return progress;
    }

    /** CUDA_SUCCESS when all events fired, CUDA_ERROR_NOT_READY while some have not, else the error. */
    private static int query(Unit u) {
        for (CUevent e : u.events) {
            int rc = cuEventQuery(e);
            if (rc != CUresult.CUDA_SUCCESS) {
                return rc;
            }
        }
        return CUresult.CUDA_SUCCESS;
    }

    private void finish(Unit u, int rc) {
        Throwable failure = u.failure;
        if (rc != CUresult.CUDA_SUCCESS) {
            failure = add(failure, new CudaCallException("device work of " + u.work + " on " + processor.name()
                    + " (reported by cuEventQuery)", rc));
        }
        for (Allocation a : u.scratch) {
            try {
                a.close();
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        for (CUevent e : u.events) {
            processor.retire(e);
        }
        try {
            u.work.completed(failure);
        } catch (RuntimeException | Error e) {
            System.err.println("legate-cuda: reporting the completion of " + u.work + " on " + processor.name()
                    + " failed: " + e);
            e.printStackTrace();
        }
    }

    private static Throwable add(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
