package dev.legate.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.ProcessorKind;
import dev.legate.core.ProviderUnavailableException;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.spi.Provider;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CudaProviderFactoryTest {
    private final CudaProviderFactory factory = new CudaProviderFactory();

    @Test
    void withoutAGpuTheRuntimeRunsOnCpusAndSaysWhy() {
        Optional<String> reason = factory.unavailableReason();
        if (reason.isEmpty()) {
            System.out.println("CudaProviderFactoryTest: CUDA is available here; the GPU path is covered by GpuSelfTestTest");
            return;
        }
        System.out.println("CudaProviderFactoryTest: CUDA unavailable here: " + reason.get());
        assertEquals(reason, factory.unavailableReason(), "the probe runs once and gives the same answer");
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(2).build())) {
            assertEquals(0, rt.machine().count(ProcessorKind.GPU));
            assertEquals(2, rt.machine().count(ProcessorKind.CPU));
            assertTrue(rt.machine().unavailable().get("cuda").contains(reason.get()), rt.machine().unavailable().toString());
        }
    }

    @Test
    void gpusZeroDisablesTheProvider() {
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> factory.create(RuntimeConfig.builder().gpus(0).build()));
        assertTrue(e.getMessage().contains("disabled by configuration"), e.getMessage());
        // Bootstrap asks unavailableReason() (which cannot see the configuration) before create():
        // without a driver that reason wins; with one, create() refuses.
        String expected = factory.unavailableReason().orElse("disabled by configuration");
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(1).gpus(0).build())) {
            assertEquals(0, rt.machine().count(ProcessorKind.GPU));
            assertTrue(rt.machine().unavailable().get("cuda").contains(expected), rt.machine().unavailable().toString());
        }
    }

    @Test
    void onAGpuOneProcessorPerDeviceWithItsOwnMemory() {
        Optional<String> reason = factory.unavailableReason();
        if (reason.isPresent()) {
            System.out.println("CudaProviderFactoryTest: skipping the GPU start-up check: " + reason.get());
            return;
        }
        try (Provider p = factory.create(RuntimeConfig.builder().build())) {
            assertEquals(Driver.probe().devices(), p.processors().size());
            for (int i = 0; i < p.processors().size(); i++) {
                assertEquals(i, p.processors().get(i).index());
                assertEquals(ProcessorKind.GPU, p.processors().get(i).kind());
                assertTrue(p.memories().contains(p.processors().get(i).memory()));
            }
            assertFalse(p.describe().isBlank());
        }
    }
}
