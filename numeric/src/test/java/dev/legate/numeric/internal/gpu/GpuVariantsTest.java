package dev.legate.numeric.internal.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The GPU variants against the CPU variants ({@link GpuSelfCheck}: one GPU and two logical GPUs),
 * where the CUDA provider finds a GPU; skipped, saying why, elsewhere.
 */
class GpuVariantsTest {
    @Test
    void gpuResultsEqualCpuResults() {
        Optional<GpuSelfCheck> c = GpuSelfCheck.checks(System.nanoTime() & 0xFFFF_FFFFL, true);
        if (c.isEmpty()) {
            System.out.println("GpuVariantsTest skipped: no GPU processor (the reason is printed above)");
        }
        Assumptions.assumeTrue(c.isPresent(), "no GPU");
        assertTrue(c.get().failures().isEmpty(), "failed: " + c.get().failures());
    }
}
