package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;

/** Reusable completion events of one GPU (no timing, so recording them is cheap). */
final class EventPool {
    private final GpuDevice device;
    private final ArrayDeque<CUevent> free = new ArrayDeque<>();
    private final List<CUevent> all = new ArrayList<>();

    EventPool(GpuDevice device) {
        this.device = device;
    }

    /** An event; the caller's thread has the device's context current. */
    synchronized CUevent take() {
        CUevent e = free.poll();
        if (e == null) {
            e = new CUevent();
            Cuda.check(cuEventCreate(e, CUevent_flags.CU_EVENT_DISABLE_TIMING), "cuEventCreate on gpu " + device.ordinal);
            all.add(e);
        }
        return e;
    }

    /** Returns an event whose work has completed. */
    synchronized void give(CUevent e) {
        free.push(e);
    }

    /** Destroys every event; at shutdown. */
    synchronized void close() {
        device.withContext(() -> {
            for (CUevent e : all) {
                cuEventDestroy(e);
            }
            return null;
        });
        all.clear();
        free.clear();
    }
}
