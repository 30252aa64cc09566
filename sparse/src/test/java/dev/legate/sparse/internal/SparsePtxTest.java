package dev.legate.sparse.internal;

import dev.legate.core.testing.CommittedPtx;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sparse library's committed PTX ({@code sparse.ptx}, loaded by {@link Gpu}) matches its CUDA
 * sources ({@link CommittedPtx}: by the source hash always, by recompiling where nvcc is present).
 */
class SparsePtxTest {
    private static final Path RESOURCES = Path.of("src/main/resources/dev/legate/sparse/internal");
    private static final CommittedPtx PTX = new CommittedPtx("SparsePtxTest", Path.of("src/main/cuda"),
            cu -> RESOURCES.resolve(cu.getFileName().toString().replace(".cu", ".ptx")));

    @Test
    void everyPtxNamesItsSourcesCurrentHash() throws Exception {
        PTX.checkHashes(1);
    }

    @Test
    void recompilingWithTheSameNvccGivesTheCommittedPtx() throws Exception {
        PTX.checkRecompiles();
    }
}
