package dev.legate.cuda.internal;

import dev.legate.core.testing.CommittedPtx;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed PTX matches the CUDA sources ({@link CommittedPtx}: by the source hash always, by
 * recompiling where nvcc is present): {@code core.cu} as {@code core.ptx}, every other
 * {@code NAME.cu} as {@code NAME/NAME.ptx}.
 */
class PtxSourcesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/dev/legate/cuda/internal");
    private static final CommittedPtx PTX = new CommittedPtx("PtxSourcesTest", Path.of("src/main/cuda"), cu -> {
        String name = cu.getFileName().toString().replace(".cu", "");
        return name.equals("core") ? RESOURCES.resolve("core.ptx") : RESOURCES.resolve(name).resolve(name + ".ptx");
    });

    @Test
    void everyPtxNamesItsSourcesCurrentHash() throws Exception {
        PTX.checkHashes(2);
    }

    @Test
    void recompilingWithTheSameNvccGivesTheCommittedPtx() throws Exception {
        PTX.checkRecompiles();
    }
}
