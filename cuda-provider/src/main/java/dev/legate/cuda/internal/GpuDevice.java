package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxPopCurrent;
import static jcuda.driver.JCudaDriver.cuCtxPushCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;

/**
 * One GPU: its primary context (retained while this object is open) and the properties the
 * provider sizes work by. Threads other than the GPU's own make the context current around
 * driver calls with {@link #withContext}.
 */
final class GpuDevice implements AutoCloseable {
    final int ordinal;
    final CUdevice device = new CUdevice();
    final CUcontext context = new CUcontext();
    final String name;
    final long totalMemory;
    final int multiprocessors;
    final int computeMajor;
    final int computeMinor;
    final int sharedMemoryPerBlock;
    /** Bytes of L2 cache. */
    final long l2Bytes;
    private boolean closed;

    GpuDevice(int ordinal) {
        this.ordinal = ordinal;
        Cuda.check(cuDeviceGet(device, ordinal), "cuDeviceGet(" + ordinal + ")");
        byte[] buf = new byte[256];
        Cuda.check(cuDeviceGetName(buf, buf.length, device), "cuDeviceGetName(" + ordinal + ")");
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        name = new String(buf, 0, len, StandardCharsets.UTF_8);
        long[] total = new long[1];
        Cuda.check(cuDeviceTotalMem(total, device), "cuDeviceTotalMem(" + ordinal + ")");
        totalMemory = total[0];
        multiprocessors = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        computeMajor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        computeMinor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        sharedMemoryPerBlock = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK);
        l2Bytes = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE);
        Cuda.check(cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain(gpu " + ordinal + ")");
    }

    private int attribute(int attr) {
        int[] v = new int[1];
        Cuda.check(cuDeviceGetAttribute(v, attr, device), "cuDeviceGetAttribute(" + attr + ", gpu " + ordinal + ")");
        return v[0];
    }

    /** Makes this device's context current on the calling thread (for threads owned by it). */
    void makeCurrent() {
        Cuda.check(cuCtxSetCurrent(context), "cuCtxSetCurrent(gpu " + ordinal + ")");
    }

    /** Runs {@code action} with this device's context pushed on the calling thread. */
    <T> T withContext(Supplier<T> action) {
        Cuda.check(cuCtxPushCurrent(context), "cuCtxPushCurrent(gpu " + ordinal + ")");
        try {
            return action.get();
        } finally {
            Cuda.check(cuCtxPopCurrent(new CUcontext()), "cuCtxPopCurrent(gpu " + ordinal + ")");
        }
    }

    /** Bytes free on the device now, as the driver reports them. */
    long freeMemory() {
        return withContext(() -> {
            long[] free = new long[1];
            long[] total = new long[1];
            Cuda.check(cuMemGetInfo(free, total), "cuMemGetInfo(gpu " + ordinal + ")");
            return free[0];
        });
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Cuda.check(cuDevicePrimaryCtxRelease(device), "cuDevicePrimaryCtxRelease(gpu " + ordinal + ")");
        }
    }

    @Override
    public String toString() {
        return "gpu " + ordinal + " (" + name + ", sm_" + computeMajor + computeMinor + ", " + multiprocessors + " SMs, "
                + Cuda.bytes(totalMemory) + ")";
    }
}
