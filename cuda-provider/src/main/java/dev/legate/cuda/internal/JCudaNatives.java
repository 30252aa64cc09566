package dev.legate.cuda.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import jcuda.JCudaVersion;
import jcuda.LibUtils;
import jcuda.driver.JCudaDriver;

/**
 * Makes sure JCuda loads the driver bindings this module was built with.
 *
 * <p>JCuda's loader ({@code jcuda.LibUtils}) first tries {@code System.loadLibrary}, which finds a
 * library in the JDK's own {@code lib/} folder (where the GPU image keeps it) or on
 * {@code java.library.path}. Failing that, it extracts the library from its module into
 * {@code java.io.tmpdir} under a fixed name, but only when no file of that name exists there: a
 * file left by another JCuda build, or half-written by a concurrent JVM, would be loaded as is.
 * {@link #prepare()} runs before the first touch of {@link JCudaDriver}: where the library will be
 * extracted, it puts the bundled bytes there itself (written aside and moved into place
 * atomically), so JCuda finds a file that is known to be right.
 */
final class JCudaNatives {
    private JCudaNatives() {
    }

    /** The file name of JCuda's driver library on this platform. */
    static String driverLibraryFile() {
        return LibUtils.createLibraryFileName(LibUtils.createPlatformLibraryName("JCudaDriver-" + JCudaVersion.get()));
    }

    /**
     * Where JCuda will load its driver library from, after making the extracted copy right when
     * that is the route.
     *
     * @throws IOException when the bundled library is missing or a different file of its name
     *         sits in {@code java.io.tmpdir} and cannot be replaced
     */
    static Path prepare() throws IOException {
        String file = driverLibraryFile();
        for (String prop : new String[] {"sun.boot.library.path", "java.library.path"}) {
            String paths = System.getProperty(prop, "");
            for (String dir : paths.split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isRegularFile(Path.of(dir, file))) {
                    return Path.of(dir, file);
                }
            }
        }
        byte[] bundled;
        Module jcuda = JCudaDriver.class.getModule();
        try (InputStream in = jcuda.getResourceAsStream("lib/" + file)) {
            if (in == null) {
                throw new IOException("JCuda's native library lib/" + file + " is not in " + jcuda
                        + " (build it with the legate-jcuda bundle, which merges jcuda-natives)");
            }
            bundled = in.readAllBytes();
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), file);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bundled)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), file, ".part");
        try {
            Files.write(part, bundled);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new IOException("a different " + file + " is in " + target.getParent() + " and cannot be replaced ("
                    + e + "); JCuda would load that copy. Remove it, or start the JVM with -Djava.io.tmpdir set to"
                    + " a private directory", e);
        }
        return target;
    }
}
