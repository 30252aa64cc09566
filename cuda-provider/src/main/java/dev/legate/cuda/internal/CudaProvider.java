package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;

import dev.legate.core.ProviderUnavailableException;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.TaskBody;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GPUs as processors: one {@link GpuProcessor} with its own {@link DeviceMemory} per visible GPU
 * (or as many as {@link RuntimeConfig#gpus()} asks for, see {@link GpuLayout}), copies between host
 * and device memory through page-locked host memory and between GPUs, and the GPU variants of the
 * runtime's fill and copy.
 *
 * <p>Options ({@code legate.option.KEY}): {@code cuda.pinThreshold} (host allocations from this
 * size are page-locked for copies; default 1m), {@code cuda.reserve} (device memory left free when
 * {@code fbmem} is automatic; default the larger of 1 GiB and 5% of the device),
 * {@code cuda.trackAllocations} (record where each device block was allocated, for leak reports),
 * {@code cuda.completionSpin} (microseconds a GPU's thread spins polling for completions after progress; default 200),
 * {@code cuda.logicalGpus} (a testing aid: each physical GPU appears as this many processors, each
 * with its own thread, streams and an equal share of the memory; default 1; see {@link GpuLayout}),
 * {@code cuda.interGpuCopy} ({@code auto} or, to test the host-staged route, {@code staged}; see
 * {@link InterGpuCopies}).
 *
 * <p>Copies between two GPUs' memories go device to device within a GPU, peer-to-peer between
 * GPUs that allow it, and through page-locked host buffers otherwise ({@link InterGpuCopies}).
 */
final class CudaProvider implements Provider {
    private final List<GpuDevice> devices = new ArrayList<>();
    private final List<GpuProcessor> processors = new ArrayList<>();
    private final List<DeviceMemory> memories = new ArrayList<>();
    private final List<Kernels> kernels = new ArrayList<>();
    private final InterGpuCopies interGpu;
    private final HostPinning pinning;
    private final Driver.Probe probe;

    CudaProvider(RuntimeConfig config, Driver.Probe probe) {
        this.probe = probe;
        GpuLayout layout = GpuLayout.of(probe.devices(), config.gpus(),
                GpuLayout.parseLogical(config.options().getOrDefault("cuda.logicalGpus", "1")));
        boolean track = Boolean.parseBoolean(config.options().getOrDefault("cuda.trackAllocations", "false"));
        long spin = Long.parseLong(config.options().getOrDefault("cuda.completionSpin", "200").trim());
        InterGpuCopies copies = null;
        try {
            for (int i = 0; i < layout.devices(); i++) {
                GpuDevice d = new GpuDevice(i);
                devices.add(d);
                kernels.add(new Kernels(d));
            }
            long[] free = new long[devices.size()];
            for (int i = 0; i < free.length; i++) {
                free[i] = devices.get(i).freeMemory();
            }
            for (GpuLayout.Slot slot : layout.slots()) {
                GpuDevice d = devices.get(slot.device());
                DeviceMemory m = new DeviceMemory(d, "fbmem" + slot.processor(),
                        limit(config, d, free[slot.device()], slot.sharers()), track);
                memories.add(m);
                processors.add(new GpuProcessor(slot.processor(), d, m, spin, kernels.get(slot.device()),
                        slot.sharers() > 1));
            }
            copies = new InterGpuCopies(devices, config.options().getOrDefault("cuda.interGpuCopy", "auto"));
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        this.interGpu = copies;
        long threshold = RuntimeConfig.parseSize(config.options().getOrDefault("cuda.pinThreshold", "1m"));
        this.pinning = new HostPinning(devices.get(0), threshold);
    }

    /**
     * The bytes one of {@code sharers} processors may allocate on {@code d}: {@code fbmem}, or an
     * equal share of the free memory less a reserve.
     */
    private static long limit(RuntimeConfig config, GpuDevice d, long free, int sharers) {
        if (config.fbmem() > 0) {
            if (config.fbmem() * sharers > free) {
                throw new ProviderUnavailableException("fbmem asks for " + Cuda.bytes(config.fbmem()) + " on gpu "
                        + d.ordinal + (sharers > 1 ? " for each of " + sharers + " logical GPUs" : "") + " but only "
                        + Cuda.bytes(free) + " are free");
            }
            return config.fbmem();
        }
        String reserve = config.options().get("cuda.reserve");
        long r = reserve != null ? RuntimeConfig.parseSize(reserve) : Math.max(1L << 30, d.totalMemory / 20);
        return Math.max(0, free - r) / sharers;
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public List<? extends ExecutionProcessor> processors() {
        return processors;
    }

    @Override
    public List<? extends MemorySpace> memories() {
        return memories;
    }

    @Override
    public void copy(Allocation src, long srcOffset, Allocation dst, long dstOffset, long bytes) {
        if (bytes == 0) {
            return;
        }
        checkRange("source", src, srcOffset, bytes);
        checkRange("destination", dst, dstOffset, bytes);
        boolean fromDevice = src instanceof DeviceMemory.Block;
        boolean toDevice = dst instanceof DeviceMemory.Block;
        if (fromDevice && toDevice) {
            DeviceMemory.Block s = (DeviceMemory.Block) src;
            DeviceMemory.Block d = (DeviceMemory.Block) dst;
            if (s.memory() != d.memory()) {
                interGpu.copy(processorOf(s), s.address + srcOffset, processorOf(d), d.address + dstOffset, bytes);
                return;
            }
            processorOf(d).onStream(TaskDevice.TASK, stream -> Cuda.check(cuMemcpyDtoDAsync(
                    Handles.device(d.address + dstOffset), Handles.device(s.address + srcOffset), bytes, stream),
                    "cuMemcpyDtoDAsync(" + bytes + " bytes) on " + d.memory().name()));
        } else if (toDevice) {
            DeviceMemory.Block d = (DeviceMemory.Block) dst;
            long host = src.segment().address() + srcOffset;
            processorOf(d).onStream(TaskDevice.H2D, stream -> pieces(src, host, bytes, (at, len) -> Cuda.check(
                    cuMemcpyHtoDAsync(Handles.device(d.address + dstOffset + (at - host)), Handles.host(at), len, stream),
                    "cuMemcpyHtoDAsync(" + len + " bytes) to " + d.memory().name())));
        } else if (fromDevice) {
            DeviceMemory.Block s = (DeviceMemory.Block) src;
            long host = dst.segment().address() + dstOffset;
            processorOf(s).onStream(TaskDevice.D2H, stream -> pieces(dst, host, bytes, (at, len) -> Cuda.check(
                    cuMemcpyDtoHAsync(Handles.host(at), Handles.device(s.address + srcOffset + (at - host)), len, stream),
                    "cuMemcpyDtoHAsync(" + len + " bytes) from " + s.memory().name())));
        } else {
            throw new IllegalArgumentException("copy between " + src.memory().name() + " and " + dst.memory().name()
                    + ": neither is a device memory of the CUDA provider");
        }
    }

    private interface Piece {
        void copy(long hostAddress, long bytes);
    }

    /**
     * Splits the host range [at, at + bytes) of {@code host} into its page-locked middle and the
     * pageable rest, so that the middle goes by DMA (a range that is only partly locked would be
     * staged whole). The pageable ends go first: the driver makes them synchronous with the
     * stream, and after the middle they would hold this thread until the whole copy is done.
     */
    private void pieces(Allocation host, long at, long bytes, Piece piece) {
        HostPinning.Pinned p = pinning.pinned(host);
        long end = at + bytes;
        if (p == null || end <= p.start() || at >= p.end()) {
            piece.copy(at, bytes);
            return;
        }
        long midStart = Math.max(at, p.start());
        long midEnd = Math.min(end, p.end());
        if (at < midStart) {
            piece.copy(at, midStart - at);
        }
        if (midEnd < end) {
            piece.copy(midEnd, end - midEnd);
        }
        piece.copy(midStart, midEnd - midStart);
    }

    private static void checkRange(String what, Allocation a, long offset, long bytes) {
        if (offset < 0 || bytes < 0 || offset > a.size() - bytes) {
            throw new IndexOutOfBoundsException(what + " range [" + offset + ", " + (offset + bytes) + ") is outside "
                    + a.memory().name() + " allocation of " + a.size() + " bytes");
        }
    }

    private GpuProcessor processorOf(DeviceMemory.Block b) {
        for (GpuProcessor p : processors) {
            if (p.memory() == b.memory()) {
                return p;
            }
        }
        throw new IllegalArgumentException(b + " belongs to no processor of this provider");
    }

    @Override
    public Map<String, TaskBody> coreVariants() {
        return Map.of("fill", CoreKernels::fill, "copy", CoreKernels::copy);
    }

    @Override
    public void hostBlockFreed(Allocation block) {
        pinning.forget(block);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(processors.size()).append(" GPU processor").append(processors.size() == 1 ? "" : "s")
                .append(" (CUDA driver ").append(probe.driverVersion() / 1000).append('.')
                .append(probe.driverVersion() % 1000 / 10).append(", JCuda natives from ")
                .append(probe.jcudaLibrary().map(Object::toString).orElse("?")).append(')');
        for (GpuProcessor p : processors) {
            sb.append("\n  ").append(p).append("; ").append(p.memory().statistics());
        }
        if (interGpu != null && processors.size() > 1) {
            sb.append("\n  ").append(interGpu.statistics());
        }
        if (pinning != null) {
            sb.append("\n  ").append(pinning.statistics());
        }
        return sb.toString();
    }

    @Override
    public void close() {
        for (GpuProcessor p : processors) {
            p.shutdown();
        }
        if (interGpu != null) {
            interGpu.close();
        }
        if (pinning != null) {
            pinning.close();
        }
        for (Kernels k : kernels) {
            k.close();
        }
        for (DeviceMemory m : memories) {
            m.freeAll();
        }
        for (GpuDevice d : devices) {
            d.close();
        }
        processors.clear();
        memories.clear();
        kernels.clear();
        devices.clear();
    }
}
