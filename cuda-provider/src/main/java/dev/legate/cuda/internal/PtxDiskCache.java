package dev.legate.cuda.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Function;

/**
 * PTX compiled by NVRTC, kept on disk across runs, as CuPy keeps its kernels in
 * {@code ~/.cupy/kernel_cache}: a generated kernel (one per element-wise expression) then costs
 * its compilation, tens of milliseconds, once per machine rather than once per run.
 *
 * <p>Files are named by a digest of the compiler's version, its options and the source, and
 * written whole under a temporary name and then renamed, so concurrent runs share the folder
 * and a reader never sees half a file. Any I/O failure only loses the cache: the source is
 * compiled as if it were absent. The folder is the {@code legate.cuda.cache} property or the
 * {@code LEGATE_CUDA_CACHE} variable, else {@code $XDG_CACHE_HOME/legate-java/ptx}, else
 * {@code ~/.cache/legate-java/ptx}; the value {@code off} turns the cache off.
 */
public final class PtxDiskCache {
    private final Optional<Path> dir;

    PtxDiskCache(Optional<Path> dir) {
        this.dir = dir;
    }

    /** The cache configured by properties and the environment (read now, not at class load). */
    public static PtxDiskCache configured() {
        return new PtxDiskCache(folder(System.getProperty("legate.cuda.cache", System.getenv("LEGATE_CUDA_CACHE")),
                System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")));
    }

    static Optional<Path> folder(String setting, String xdg, String home) {
        if (setting != null && !setting.isBlank()) {
            return setting.equals("off") ? Optional.empty() : Optional.of(Path.of(setting));
        }
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "legate-java", "ptx"));
        }
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "legate-java", "ptx"));
    }

    /** The folder, or empty when the cache is off. */
    public Optional<Path> dir() {
        return dir;
    }

    /**
     * The PTX stored under {@code key} (a hex digest), or {@code compile}'s result for it, stored
     * for later runs.
     */
    public byte[] get(String key, Function<String, byte[]> compile) {
        if (dir.isEmpty()) {
            return compile.apply(key);
        }
        Path file = dir.get().resolve(key + ".ptx");
        try {
            byte[] ptx = Files.readAllBytes(file);
            if (ptx.length > 0) {
                return ptx;
            }
        } catch (IOException | RuntimeException e) {
            // absent or unreadable: compile
        }
        byte[] ptx = compile.apply(key);
        store(file, ptx);
        return ptx;
    }

    private static void store(Path file, byte[] ptx) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, ptx);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk only loses the cache
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }
}
