/**
 * The CPU provider: one processor per core (or as configured) running point tasks on worker
 * threads, and host memory as 64-byte aligned off-heap {@link java.lang.foreign.MemorySegment}s
 * from an accounting, caching allocator that names leaks when the runtime closes.
 *
 * <p>Applications never require this module; the runtime finds it with ServiceLoader.
 */
module dev.legate.cpu {
    requires dev.legate.core;

    provides dev.legate.core.spi.ProviderFactory with dev.legate.cpu.internal.CpuProviderFactory;
}
