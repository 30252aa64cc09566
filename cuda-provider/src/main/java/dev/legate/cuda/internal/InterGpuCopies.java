package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.CU_MEMHOSTALLOC_PORTABLE;
import static jcuda.driver.JCudaDriver.cuCtxEnablePeerAccess;
import static jcuda.driver.JCudaDriver.cuDeviceCanAccessPeer;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemHostAlloc;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyPeerAsync;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * Copies between the memories of two GPU processors. Three routes, chosen per pair:
 * <ul>
 * <li>{@code same device}: two logical processors of one GPU (option {@code cuda.logicalGpus})
 *     share its context; {@code cuMemcpyDtoDAsync} on the source processor's task stream.</li>
 * <li>{@code peer}: GPUs that can reach each other's memory ({@code cuDeviceCanAccessPeer}; peer
 *     access is enabled both ways when the provider starts); {@code cuMemcpyPeerAsync} on the
 *     source processor's task stream, so the copy runs at link speed without the host.</li>
 * <li>{@code staged}: otherwise, through two page-locked host buffers of {@link #CHUNK} bytes:
 *     chunk {@code i} goes device-to-host on the source processor's stream while chunk
 *     {@code i - 1} goes host-to-device on a staging stream of the destination GPU. This route
 *     returns once the data has arrived.</li>
 * </ul>
 * Option {@code cuda.interGpuCopy=staged} forces the staged route for every pair (a testing aid:
 * on one GPU with logical processors it exercises the path that GPUs without peer access take).
 *
 * <p>Ordering: the runtime calls {@link CudaProvider#copy} on the source processor's thread
 * after the data's producers were issued there, and releases the consumers on the destination
 * processor only when the copy has completed, so the asynchronous routes need no cross-stream
 * waits. Thread-safety: the staging buffers are used under a lock.
 */
final class InterGpuCopies implements AutoCloseable {
    /** Bytes of each staging buffer. */
    static final long CHUNK = 8L << 20;

    /** How bytes move between two GPU processors. */
    enum Route {
        SAME_DEVICE, PEER, STAGED
    }

    private final List<GpuDevice> devices;
    private final boolean forceStaged;
    private final boolean[][] peer;
    private final Map<GpuDevice, Staging> staging = new HashMap<>();
    private long[] buffers;
    private long stagedBytes;
    private long peerBytes;
    private long sameDeviceBytes;

    /** Per destination GPU: a stream for the host-to-device halves and one event per buffer. */
    private record Staging(CUstream stream, CUevent[] done) {
    }

    InterGpuCopies(List<GpuDevice> devices, String mode) {
        this.devices = List.copyOf(devices);
        this.forceStaged = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> false;
            case "staged" -> true;
            default -> throw new IllegalArgumentException("option cuda.interGpuCopy must be auto or staged, got '" + mode
                    + "'");
        };
        int n = devices.size();
        this.peer = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    peer[i][j] = enablePeer(devices.get(i), devices.get(j));
                }
            }
        }
    }

    /** Whether {@code from} can read and write {@code to}'s memory; enables it if so. */
    private static boolean enablePeer(GpuDevice from, GpuDevice to) {
        int[] can = new int[1];
        Cuda.check(cuDeviceCanAccessPeer(can, from.device, to.device), "cuDeviceCanAccessPeer(gpu " + from.ordinal
                + ", gpu " + to.ordinal + ")");
        if (can[0] == 0) {
            return false;
        }
        int rc = from.withContext(() -> cuCtxEnablePeerAccess(to.context, 0));
        if (rc != CUresult.CUDA_SUCCESS && rc != CUresult.CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED) {
            Cuda.check(rc, "cuCtxEnablePeerAccess(gpu " + from.ordinal + " -> gpu " + to.ordinal + ")");
        }
        return true;
    }

    /** The route bytes take from {@code src}'s memory to {@code dst}'s. */
    Route route(GpuDevice src, GpuDevice dst) {
        if (forceStaged) {
            return Route.STAGED;
        }
        if (src == dst) {
            return Route.SAME_DEVICE;
        }
        return peer[devices.indexOf(src)][devices.indexOf(dst)] ? Route.PEER : Route.STAGED;
    }

    /**
     * Copies {@code bytes} bytes from {@code srcAddress} on {@code src}'s GPU to {@code dstAddress}
     * on {@code dst}'s, on the source processor's thread (see the class comment).
     */
    void copy(GpuProcessor src, long srcAddress, GpuProcessor dst, long dstAddress, long bytes) {
        GpuDevice from = src.device();
        GpuDevice to = dst.device();
        switch (route(from, to)) {
            case SAME_DEVICE -> src.onStream(TaskDevice.TASK, s -> Cuda.check(cuMemcpyDtoDAsync(
                    Handles.device(dstAddress), Handles.device(srcAddress), bytes, s), "cuMemcpyDtoDAsync(" + bytes
                    + " bytes) " + src.name() + " -> " + dst.name()));
            case PEER -> src.onStream(TaskDevice.TASK, s -> Cuda.check(cuMemcpyPeerAsync(Handles.device(dstAddress),
                    to.context, Handles.device(srcAddress), from.context, bytes, s), "cuMemcpyPeerAsync(" + bytes
                    + " bytes) " + src.name() + " -> " + dst.name()));
            case STAGED -> src.onStream(TaskDevice.D2H, s -> staged(s, from, srcAddress, to, dstAddress, bytes,
                    src.name() + " -> " + dst.name()));
            default -> throw new IllegalStateException("unknown route");
        }
        synchronized (this) {
            switch (route(from, to)) {
                case SAME_DEVICE -> sameDeviceBytes += bytes;
                case PEER -> peerBytes += bytes;
                default -> stagedBytes += bytes;
            }
        }
    }

    private synchronized void staged(CUstream d2h, GpuDevice from, long srcAddress, GpuDevice to, long dstAddress,
                                     long bytes, String what) {
        if (buffers == null) {
            buffers = from.withContext(() -> {
                long[] b = new long[2];
                for (int i = 0; i < 2; i++) {
                    Pointer p = new Pointer();
                    Cuda.check(cuMemHostAlloc(p, CHUNK, CU_MEMHOSTALLOC_PORTABLE), "cuMemHostAlloc(" + CHUNK
                            + " bytes, portable) for staged copies between GPUs");
                    b[i] = Handles.address(p);
                }
                return b;
            });
        }
        Staging st = staging.computeIfAbsent(to, InterGpuCopies::newStaging);
        boolean[] pending = new boolean[2];
        int chunk = 0;
        for (long off = 0; off < bytes; off += CHUNK, chunk++) {
            int b = chunk & 1;
            long len = Math.min(CHUNK, bytes - off);
            long at = off;
            if (pending[b]) {
                to.withContext(() -> {
                    Cuda.check(cuEventSynchronize(st.done[b]), "cuEventSynchronize (staging buffer " + b + ", " + what
                            + ")");
                    return null;
                });
            }
            Cuda.check(cuMemcpyDtoHAsync(Handles.host(buffers[b]), Handles.device(srcAddress + at), len, d2h),
                    "cuMemcpyDtoHAsync(" + len + " bytes into staging buffer, " + what + ")");
            Cuda.check(cuStreamSynchronize(d2h), "cuStreamSynchronize (staged copy " + what + ")");
            to.withContext(() -> {
                Cuda.check(cuMemcpyHtoDAsync(Handles.device(dstAddress + at), Handles.host(buffers[b]), len,
                        st.stream), "cuMemcpyHtoDAsync(" + len + " bytes from staging buffer, " + what + ")");
                Cuda.check(cuEventRecord(st.done[b], st.stream), "cuEventRecord (staging buffer " + b + ")");
                return null;
            });
            pending[b] = true;
        }
        to.withContext(() -> {
            Cuda.check(cuStreamSynchronize(st.stream), "cuStreamSynchronize (staged copy " + what + ")");
            return null;
        });
    }

    private static Staging newStaging(GpuDevice to) {
        return to.withContext(() -> {
            CUstream s = new CUstream();
            Cuda.check(cuStreamCreate(s, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate (staging) on gpu "
                    + to.ordinal);
            CUevent[] done = new CUevent[2];
            for (int i = 0; i < 2; i++) {
                done[i] = new CUevent();
                Cuda.check(cuEventCreate(done[i], CUevent_flags.CU_EVENT_DISABLE_TIMING), "cuEventCreate (staging) on gpu "
                        + to.ordinal);
            }
            return new Staging(s, done);
        });
    }

    /** A line for {@code describe()}: routes between the devices and bytes moved by each. */
    synchronized String statistics() {
        StringBuilder sb = new StringBuilder("copies between GPUs: ");
        if (forceStaged) {
            sb.append("all staged (cuda.interGpuCopy=staged)");
        } else {
            int pairs = 0;
            int peers = 0;
            for (int i = 0; i < peer.length; i++) {
                for (int j = 0; j < peer.length; j++) {
                    if (i != j) {
                        pairs++;
                        peers += peer[i][j] ? 1 : 0;
                    }
                }
            }
            sb.append(peers).append(" of ").append(pairs).append(" device pairs peer-to-peer");
        }
        return sb.append("; moved ").append(Cuda.bytes(sameDeviceBytes)).append(" within a device, ")
                .append(Cuda.bytes(peerBytes)).append(" peer-to-peer, ").append(Cuda.bytes(stagedBytes))
                .append(" staged").toString();
    }

    @Override
    public synchronized void close() {
        for (Map.Entry<GpuDevice, Staging> e : staging.entrySet()) {
            Staging st = e.getValue();
            e.getKey().withContext(() -> {
                cuStreamSynchronize(st.stream);
                for (CUevent ev : st.done) {
                    cuEventDestroy(ev);
                }
                cuStreamDestroy(st.stream);
                return null;
            });
        }
        staging.clear();
        if (buffers != null && !devices.isEmpty()) {
            devices.get(0).withContext(() -> {
                for (long b : buffers) {
                    cuMemFreeHost(Handles.host(b));
                }
                return null;
            });
            buffers = null;
        }
    }
}
