package dev.legate.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.LegateRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matrix Market files round-trip bitwise; symmetric files expand; malformed ones name the line. */
class MatrixMarketTest {
    private static LegateRuntime rt;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(2);
    }

    @AfterAll
    static void stop() {
        rt.close();
    }

    @Test
    void roundTrip(@TempDir Path dir) throws IOException {
        Runtimes.on(rt, () -> {
            CsrMatrix a = Sparse.random(31, 19, 0.2, 4);
            Path f = dir.resolve("a.mtx");
            MatrixMarket.write(f, a);
            CsrMatrix b = MatrixMarket.read(f);
            assertEquals(a.shape(), b.shape());
            assertArrayEquals(a.indptr().toLongArray(), b.indptr().toLongArray());
            assertArrayEquals(a.indices().toLongArray(), b.indices().toLongArray());
            assertArrayEquals(a.data().toDoubleArray(), b.data().toDoubleArray(), 0);
            return null;
        });
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void symmetricFilesExpand(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real symmetric\n% c\n3 3 3\n1 1 2.0\n3 1 -1.5\n2 2 4\n");
        Runtimes.on(rt, () -> {
            CsrMatrix a = MatrixMarket.read(f);
            assertArrayEquals(new double[] {2, 0, -1.5, 0, 4, 0, -1.5, 0, 0}, a.toDense().toDoubleArray(), 0);
            return null;
        });
    }

    @Test
    void malformedEntriesNameTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.mtx");
        Files.writeString(f, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n3 1 2.0\n");
        String m = Runtimes.on(rt, () -> assertThrows(SparseFormatException.class, () -> MatrixMarket.read(f))
                .getMessage());
        assertTrue(m.contains("bad.mtx:4") && m.contains("(3, 1)"), m);
    }
}
