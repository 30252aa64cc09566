package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.Optional;
import jcuda.driver.CUresult;

/**
 * Whether CUDA can run in this JVM, found out once: the driver library, JCuda's bindings,
 * {@code cuInit} and the number of visible devices. Later calls return the first answer, so a
 * machine without a driver reports the reason once and never touches JCuda again (after a
 * failed native load, every use of {@code JCudaDriver} throws {@link NoClassDefFoundError}).
 */
final class Driver {
    /**
     * The outcome of the probe.
     *
     * @param unavailable why CUDA cannot be used, or empty
     * @param devices the number of visible devices (0 when unavailable)
     * @param driverVersion the driver's CUDA version, e.g. 13000 (0 when unknown)
     * @param jcudaLibrary where JCuda's driver library is loaded from (empty when unknown)
     */
    record Probe(Optional<String> unavailable, int devices, int driverVersion, Optional<Path> jcudaLibrary) {
    }

    private static Probe probe;

    private Driver() {
    }

    /** The probe's outcome, probing on the first call. */
    static synchronized Probe probe() {
        if (probe == null) {
            probe = run();
        }
        return probe;
    }

    private static Probe run() {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup("libcuda.so.1", arena);
        } catch (IllegalArgumentException e) {
            return unavailable("no NVIDIA driver: libcuda.so.1 cannot be loaded (" + e.getMessage() + ")");
        } catch (IllegalCallerException e) {
            // Native access is denied to this module: skip the cheap check, JCuda's load decides.
        }
        Path library;
        try {
            library = JCudaNatives.prepare();
        } catch (IOException | RuntimeException e) {
            return unavailable("JCuda's native library cannot be prepared: " + e.getMessage());
        }
        int rc;
        try {
            rc = cuInit(0);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return unavailable("JCuda's driver bindings did not load from " + library + ": " + essence(e));
        }
        if (rc == CUresult.CUDA_ERROR_NO_DEVICE) {
            return unavailable("no CUDA device is visible (cuInit: CUDA_ERROR_NO_DEVICE; CUDA_VISIBLE_DEVICES="
                    + System.getenv().getOrDefault("CUDA_VISIBLE_DEVICES", "unset") + ")");
        }
        if (rc != CUresult.CUDA_SUCCESS) {
            return unavailable("cuInit failed: " + CUresult.stringFor(rc) + " (" + rc + ")");
        }
        int[] count = new int[1];
        Cuda.check(cuDeviceGetCount(count), "cuDeviceGetCount");
        int[] version = new int[1];
        Cuda.check(cuDriverGetVersion(version), "cuDriverGetVersion");
        if (count[0] == 0) {
            return unavailable("no CUDA device is visible (CUDA_VISIBLE_DEVICES="
                    + System.getenv().getOrDefault("CUDA_VISIBLE_DEVICES", "unset") + ")");
        }
        return new Probe(Optional.empty(), count[0], version[0], Optional.of(library));
    }

    private static Probe unavailable(String reason) {
        return new Probe(Optional.of(reason), 0, 0, Optional.empty());
    }

    /** The line of JCuda's long load-failure report that says what failed. */
    private static String essence(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        String found = null;
        for (String line : msg.split("\n")) {
            int at = line.indexOf("UnsatisfiedLinkError: ");
            if (at >= 0) {
                found = line.substring(at + "UnsatisfiedLinkError: ".length()).trim();
            }
        }
        return e.getClass().getSimpleName() + ": " + (found != null ? found : msg.lines().findFirst().orElse(""));
    }
}
