package dev.legate.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.ProviderUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which physical GPU each processor runs on, with and without logical GPUs. */
class GpuLayoutTest {
    @Test
    void oneProcessorPerGpuByDefault() {
        GpuLayout l = GpuLayout.of(2, -1, 1);
        assertEquals(List.of(new GpuLayout.Slot(0, 0, 1), new GpuLayout.Slot(1, 1, 1)), l.slots());
        assertEquals(2, l.devices());
        assertEquals(1, GpuLayout.of(2, 1, 1).devices());
    }

    @Test
    void logicalGpusShareADeviceAndItsMemory() {
        GpuLayout l = GpuLayout.of(1, -1, 3);
        assertEquals(List.of(new GpuLayout.Slot(0, 0, 3), new GpuLayout.Slot(1, 0, 3), new GpuLayout.Slot(2, 0, 3)),
                l.slots());
        assertEquals(1, l.devices());
        GpuLayout partial = GpuLayout.of(2, 3, 2);
        assertEquals(List.of(new GpuLayout.Slot(0, 0, 2), new GpuLayout.Slot(1, 0, 2), new GpuLayout.Slot(2, 1, 1)),
                partial.slots());
    }

    @Test
    void refusesMoreThanThereAreAndBadOptions() {
        var e = assertThrows(ProviderUnavailableException.class, () -> GpuLayout.of(1, 3, 2));
        assertTrue(e.getMessage().contains("asks for 3 GPUs but 1 are visible (2 logical GPUs with cuda.logicalGpus=2)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GpuLayout.of(1, -1, 0));
        var bad = assertThrows(IllegalArgumentException.class, () -> GpuLayout.parseLogical("two"));
        assertTrue(bad.getMessage().contains("'two'"), bad.getMessage());
        assertEquals(4, GpuLayout.parseLogical(" 4 "));
    }
}
