package dev.legate.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The exported CUDA-library API on any machine: arguments are checked before anything native is
 * touched, a missing library is reported with its name, and NVRTC compiles where it is installed.
 */
class CudaLibrariesApiTest {
    /** A device context that is not the CUDA provider's. */
    private static final DeviceContext FOREIGN = new DeviceContext() {
        @Override
        public int ordinal() {
            return 0;
        }

        @Override
        public long stream() {
            return 0;
        }

        @Override
        public Kernel kernel(String module, Supplier<byte[]> ptx, String function) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void launch(Kernel kernel, int[] grid, int[] block, int sharedBytes, Object... args) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long address(PhysicalStore store) {
            return 0;
        }

        @Override
        public long scratch(long bytes) {
            return 0;
        }

        @Override
        public void copyToHost(long deviceAddress, java.lang.foreign.MemorySegment destination) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeviceProperties properties() {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void gemmChecksItsArgumentsFirst() {
        var neg = assertThrows(IllegalArgumentException.class, () -> Blas.gemm(FOREIGN, true, false, false, -1, 2, 3,
                1, 0, 3, 0, 2, 0, 0, 2));
        assertTrue(neg.getMessage().contains("m=-1"), neg.getMessage());
        var ld = assertThrows(IllegalArgumentException.class, () -> Blas.gemm(FOREIGN, true, false, false, 4, 5, 6,
                1, 0, 5, 0, 5, 0, 0, 5));
        assertTrue(ld.getMessage().contains("leading dimension of A is 5"), ld.getMessage());
        var foreign = assertThrows(IllegalArgumentException.class, () -> Blas.gemm(FOREIGN, true, false, false, 4, 5,
                6, 1, 0, 6, 0, 5, 0, 0, 5));
        assertTrue(foreign.getMessage().contains("CUDA provider"), foreign.getMessage());
        Blas.gemm(FOREIGN, true, false, false, 0, 5, 6, 1, 0, 6, 0, 5, 0, 0, 5);
    }

    @Test
    void librariesAreFoundOrTheReasonNamesThem() {
        var blas = Blas.unavailableReason();
        blas.ifPresent(r -> {
            assertTrue(r.contains("libcublas.so.13"), r);
            System.out.println("CudaLibrariesApiTest: cuBLAS unavailable here: " + r.substring(0, Math.min(160,
                    r.length())) + "...");
        });
        var rtc = RuntimeCompiler.unavailableReason();
        rtc.ifPresent(r -> assertTrue(r.contains("libnvrtc.so.13"), r));
        assertEquals(blas.isPresent(), Blas.unavailableReason().isPresent(), "the answer is stable");
    }

    @Test
    void nvrtcCompilesWhereItIsInstalled() {
        if (RuntimeCompiler.unavailableReason().isPresent()) {
            System.out.println("CudaLibrariesApiTest: NVRTC unavailable here; compile checks skipped");
            assertThrows(CudaLibraryException.class, () -> RuntimeCompiler.ptx("", "empty", List.of()));
            return;
        }
        String src = "extern \"C\" __global__ void k(float* p) { p[threadIdx.x] *= 2.0f; }";
        byte[] ptx = RuntimeCompiler.ptx(src, "k", List.of("--gpu-architecture=compute_90"));
        assertTrue(new String(ptx, java.nio.charset.StandardCharsets.US_ASCII).contains(".entry k"));
        int cached = RuntimeCompiler.cached();
        RuntimeCompiler.ptx(src, "k", List.of("--gpu-architecture=compute_90"));
        assertEquals(cached, RuntimeCompiler.cached());
        var e = assertThrows(RuntimeCompilationException.class, () -> RuntimeCompiler.ptx("this is not C++", "bad",
                List.of()));
        assertFalse(e.log().isBlank());
    }
}
