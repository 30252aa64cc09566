package dev.legate.numeric;

import static dev.legate.numeric.Numeric.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save/load interchangeable with NumPy: NumPy's files load, our files equal NumPy's byte for byte. */
class NpyIOTest {
    private static LegateRuntime rt;
    private static LegateRuntime previous;

    @BeforeAll
    static void start() {
        rt = Runtimes.start(3, 8, 4);
        previous = Legate.setDefault(rt);
    }

    @AfterAll
    static void stop() {
        Legate.setDefault(previous);
        rt.close();
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = NpyIOTest.class.getResourceAsStream("/golden/" + name + ".npy")) {
            return in.readAllBytes();
        }
    }

    @Test
    void numpyFilesLoadAndSaveBackByteForByte(@TempDir Path dir) throws IOException {
        for (String n : new String[] {"in_f64", "in_i8", "in_u8", "in_i32", "in_f32", "in_bool", "in_c128", "in_cube",
            "sum_big", "argmin_big", "mask_big"}) {
            Path src = dir.resolve(n + ".npy");
            Files.write(src, golden(n));
            NDArray a = load(src);
            Golden.check(n, a, 0, 0);
            Path back = dir.resolve(n + "-back.npy");
            save(back, a);
            assertArrayEquals(golden(n), Files.readAllBytes(back), n);
        }
    }

    @Test
    void viewsAndEveryTypeRoundTrip(@TempDir Path dir) {
        NDArray base = arange(0.0, 60.0, 1.0).reshape(3, 4, 5);
        NDArray view = base.get("::-1, 1:3, ::2").transpose(2, 0, 1);
        Path f = dir.resolve("view.npy");
        save(f, view);
        NDArray back = load(f);
        assertEquals(view.shape(), back.shape());
        assertArrayEquals(view.toDoubleArray(), back.toDoubleArray());
        for (DType t : new DType[] {DType.BOOL, DType.INT8, DType.INT16, DType.INT32, DType.INT64, DType.UINT8,
            DType.UINT16, DType.UINT32, DType.UINT64, DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.COMPLEX64,
            DType.COMPLEX128}) {
            NDArray a = arange(0.0, 24.0, 1.0).reshape(2, 3, 4).astype(t);
            Path g = dir.resolve(t.name() + ".npy");
            save(g, a);
            NDArray b = load(g);
            assertEquals(t, b.dtype());
            assertArrayEquals(a.toDoubleArray(), b.toDoubleArray(), t.name());
        }
        NDArray empty = zeros(Shape.of(0, 3), DType.FLOAT64);
        save(dir.resolve("empty.npy"), empty);
        assertEquals(Shape.of(0, 3), load(dir.resolve("empty.npy")).shape());
    }

    @Test
    void badFilesAreReportedWithTheirName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.npy");
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        var e = assertThrows(IllegalArgumentException.class, () -> load(f));
        assertTrue(e.getMessage().contains("bad.npy"), e.getMessage());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing but the bad file in the directory");
        }
    }
}
