package dev.legate.numeric.internal.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.testing.CommittedPtx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Numeric's committed PTX ({@code numeric.ptx}, loaded by {@link Gpu}) matches its CUDA source
 * ({@link CommittedPtx}: by the source hash always, by recompiling with the flags the header names
 * where nvcc is present), and was compiled without multiply-add contraction.
 */
class NumericPtxTest {
    private static final Path RESOURCES = Path.of("src/main/resources/dev/legate/numeric/internal/gpu");
    private static final CommittedPtx PTX = new CommittedPtx("NumericPtxTest", Path.of("src/main/cuda"),
            cu -> RESOURCES.resolve(cu.getFileName().toString().replace(".cu", ".ptx")));

    @Test
    void everyPtxNamesItsSourcesCurrentHash() throws Exception {
        PTX.checkHashes(1);
        for (Path cu : PTX.sources()) {
            assertTrue(CommittedPtx.header(Files.readAllLines(PTX.ptxOf(cu)), "nvcc").contains("--fmad=false"),
                    "numeric's kernels are compiled without multiply-add contraction");
        }
    }

    @Test
    void recompilingWithTheSameNvccGivesTheCommittedPtx() throws Exception {
        PTX.checkRecompiles();
    }
}
