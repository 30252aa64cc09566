/**
 * The CUDA provider: each visible GPU becomes a processor of kind GPU with its own device memory,
 * through JCuda's driver API (module {@code jcuda}, the merged JCuda and JCusparse bundle).
 *
 * <ul>
 * <li>A processor is a dedicated host thread holding the GPU's primary context and three
 *     streams (tasks, host-to-device, device-to-host) ordered among themselves on the device, so
 *     it is an in-order processor: successors on the same GPU are issued without waiting for the
 *     host to see completion. The thread reports work as completed when the events recorded
 *     after it have fired, polling them between issues; it never synchronises the device.</li>
 * <li>Device memory comes from a caching allocator with size classes, accounting and a limit
 *     ({@code fbmem}, or the free memory less a reserve).</li>
 * <li>Copies between host and device memory page-lock the host allocation on first use, so they
 *     run as asynchronous DMA on the processor's copy streams.</li>
 * <li>GPU variants of the runtime's fill and copy, and the {@link dev.legate.core.DeviceContext}
 *     through which libraries launch their own PTX kernels.</li>
 * <li>Copies between GPUs: peer-to-peer where the devices allow it, else through page-locked
 *     host buffers; option {@code cuda.logicalGpus=N} shows each GPU as {@code N} processors, to
 *     test multi-GPU code paths on one GPU.</li>
 * </ul>
 *
 * <p>The exported package {@link dev.legate.cuda} offers GPU variants of libraries cuBLAS GEMM
 * ({@link dev.legate.cuda.Blas}) and NVRTC ({@link dev.legate.cuda.RuntimeCompiler}) of CUDA 13
 * through java.lang.foreign; libraries use it through {@code requires static dev.legate.cuda}.
 *
 * <p>Without a driver or a GPU, the provider reports why once and the runtime runs on CPUs.
 * Applications never require this module; the runtime finds it with ServiceLoader. Run with
 * {@code --enable-native-access=jcuda,dev.legate.cuda}. The self-test is
 * {@code dev.legate.cuda.internal.selftest.SelfTest}; its task interface is exported to the core
 * only, which implements it.
 *
 * @provides dev.legate.core.spi.ProviderFactory
 */
module dev.legate.cuda {
    requires transitive dev.legate.core;
    requires jcuda;

    exports dev.legate.cuda;
    exports dev.legate.cuda.internal.selftest to dev.legate.core;

    provides dev.legate.core.spi.ProviderFactory with dev.legate.cuda.internal.CudaProviderFactory;
}
