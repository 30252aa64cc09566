package dev.legate.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtxDiskCacheTest {
    @Test
    void compilesOnceAcrossInstances(@TempDir Path dir) throws Exception {
        AtomicInteger compiles = new AtomicInteger();
        byte[] ptx = ".version 9.0\n".getBytes(StandardCharsets.UTF_8);
        byte[] first = new PtxDiskCache(Optional.of(dir.resolve("ptx"))).get("abc", k -> {
            compiles.incrementAndGet();
            return ptx;
        });
        byte[] second = new PtxDiskCache(Optional.of(dir.resolve("ptx"))).get("abc", k -> {
            compiles.incrementAndGet();
            return new byte[0];
        });
        assertEquals(1, compiles.get());
        assertArrayEquals(ptx, first);
        assertArrayEquals(ptx, second);
        try (var files = Files.list(dir.resolve("ptx"))) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void offOrUnwritableOnlyCompiles(@TempDir Path dir) throws Exception {
        AtomicInteger compiles = new AtomicInteger();
        PtxDiskCache off = new PtxDiskCache(Optional.empty());
        off.get("k", k -> new byte[] {compiles.incrementAndGet() > 0 ? (byte) 1 : 0});
        off.get("k", k -> new byte[] {compiles.incrementAndGet() > 0 ? (byte) 1 : 0});
        assertEquals(2, compiles.get());
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        PtxDiskCache broken = new PtxDiskCache(Optional.of(file.resolve("ptx")));
        assertArrayEquals(new byte[] {7}, broken.get("k", k -> new byte[] {7}));
    }

    @Test
    void folderFollowsSettingThenXdgThenHome() {
        assertEquals(Optional.of(Path.of("/c")), PtxDiskCache.folder("/c", "/x", "/h"));
        assertEquals(Optional.empty(), PtxDiskCache.folder("off", "/x", "/h"));
        assertEquals(Optional.of(Path.of("/x/legate-java/ptx")), PtxDiskCache.folder(null, "/x", "/h"));
        assertEquals(Optional.of(Path.of("/h/.cache/legate-java/ptx")), PtxDiskCache.folder("", "", "/h"));
    }
}
