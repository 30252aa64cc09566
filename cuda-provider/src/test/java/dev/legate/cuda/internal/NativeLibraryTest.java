package dev.legate.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.cuda.CudaLibraryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding CUDA toolkit libraries: the configured folders first, messages that name every place searched. */
class NativeLibraryTest {
    @Test
    void aMissingLibraryNamesThePlacesSearched() {
        var e = assertThrows(CudaLibraryException.class, () -> NativeLibrary.find("libnot-a-cuda-library.so.13",
                "a test library", List.of(), k -> null, Map.of("LD_LIBRARY_PATH", "/nowhere")::get));
        String m = e.getMessage();
        assertTrue(m.contains("libnot-a-cuda-library.so.13 (a test library) was not found"), m);
        assertTrue(m.contains("LEGATE_CUDA_LIBRARY_PATH (unset)"), m);
        assertTrue(m.contains("the dynamic linker (LD_LIBRARY_PATH=/nowhere)"), m);
    }

    @Test
    void aConfiguredFolderIsSearchedFirst(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("libbroken.so.13"), "not an ELF file");
        var e = assertThrows(CudaLibraryException.class, () -> NativeLibrary.find("libbroken.so.13", "a broken library",
                List.of(), Map.of(NativeLibrary.PROPERTY, dir.toString())::get, k -> null));
        assertTrue(e.getMessage().contains(dir.resolve("libbroken.so.13") + " exists but does not load"),
                e.getMessage());
        assertTrue(e.getMessage().contains("legate.cuda.libraryPath / LEGATE_CUDA_LIBRARY_PATH [" + dir + "]"),
                e.getMessage());
    }

    @Test
    void findsARealLibraryInTheToolkitWhenThereIsOne() {
        List<Path> dirs = NativeLibrary.standardDirectories(System::getenv);
        Path cudart = null;
        for (Path d : dirs) {
            if (Files.isRegularFile(d.resolve("libcudart.so.13"))) {
                cudart = d;
                break;
            }
        }
        if (cudart == null) {
            System.out.println("NativeLibraryTest: no libcudart.so.13 in " + dirs + "; skipping the positive case");
            return;
        }
        NativeLibrary l = NativeLibrary.find("libcudart.so.13", "the CUDA runtime", List.of(),
                Map.of(NativeLibrary.PROPERTY, cudart.toString())::get, k -> null);
        assertEquals(cudart.resolve("libcudart.so.13").toString(), l.location());
        assertTrue(l.lookup().find("cudaRuntimeGetVersion").isPresent());
    }
}
