package dev.legate.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver bindings JCuda will load are the bundled ones (needs no GPU: nothing is loaded). */
class JCudaNativesTest {
    @TempDir
    Path dir;
    private String savedTmp;
    private String savedLibraryPath;

    @BeforeEach
    void redirect() {
        savedTmp = System.getProperty("java.io.tmpdir");
        savedLibraryPath = System.getProperty("java.library.path");
        System.setProperty("java.io.tmpdir", dir.resolve("tmp").toString());
        System.setProperty("java.library.path", "");
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", savedTmp);
        System.setProperty("java.library.path", savedLibraryPath);
    }

    private static byte[] bundled() throws IOException {
        try (InputStream in = jcuda.driver.JCudaDriver.class.getModule()
                .getResourceAsStream("lib/" + JCudaNatives.driverLibraryFile())) {
            return in.readAllBytes();
        }
    }

    @Test
    void extractsTheBundledLibraryWhereJCudaLooks() throws IOException {
        String file = JCudaNatives.driverLibraryFile();
        assertEquals("libJCudaDriver-12.6.0-linux-x86_64.so", file);
        Path p = JCudaNatives.prepare();
        assertEquals(dir.resolve("tmp").resolve(file), p);
        assertArrayEquals(bundled(), Files.readAllBytes(p));
    }

    @Test
    void replacesAStaleCopy() throws IOException {
        Path stale = dir.resolve("tmp").resolve(JCudaNatives.driverLibraryFile());
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "an older JCuda build");
        assertEquals(stale, JCudaNatives.prepare());
        assertArrayEquals(bundled(), Files.readAllBytes(stale));
        try (var files = Files.list(stale.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void prefersACopyOnTheLibraryPath() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("image-lib"));
        Files.writeString(lib.resolve(JCudaNatives.driverLibraryFile()), "kept by the image");
        System.setProperty("java.library.path", lib.toString());
        assertEquals(lib.resolve(JCudaNatives.driverLibraryFile()), JCudaNatives.prepare());
        assertTrue(Files.notExists(dir.resolve("tmp").resolve(JCudaNatives.driverLibraryFile())));
    }
}
