package dev.legate.cuda.internal.selftest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.ProcessorKind;
import dev.legate.core.RuntimeConfig;
import dev.legate.cuda.internal.CudaProviderFactory;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The self-test's checks (without the measurements) as a test; skipped, with the reason, without a GPU. */
class GpuSelfTestTest {
    @Test
    void everyCheckPassesOnTheGpu() {
        Optional<String> reason = new CudaProviderFactory().unavailableReason();
        if (reason.isPresent()) {
            System.out.println("GpuSelfTestTest skipped: " + reason.get());
        }
        Assumptions.assumeTrue(reason.isEmpty(), () -> "no GPU: " + reason.orElse(""));
        Report report = new Report();
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().build())) {
            assertTrue(rt.machine().count(ProcessorKind.GPU) > 0, rt.machine().unavailable().toString());
            SelfTest.runChecks(rt, report);
        }
        assertTrue(report.summary(), "failed checks are listed above");
    }
}
