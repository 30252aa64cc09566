package dev.legate.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Memory;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Scalar;
import org.junit.jupiter.api.Test;

class HostMemoryTest {
    @Test
    void unreachableStoresAreFreedSoALoopDoesNotGrowWithoutBound() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(2).build())) {
            Memory sysmem = rt.machine().memories().get(0);
            long peak = 0;
            for (int i = 0; i < 150; i++) {
                LogicalStore s = rt.createStore(DType.FLOAT64, 2_000_000);
                rt.fill(s, Scalar.of((double) i));
                assertEquals(i, s.physical().doubles().get(1_999_999), 0.0);
                peak = Math.max(peak, sysmem.used());
            }
            assertTrue(peak < 1_500L << 20, "150 stores of 16 MB, each dropped, peaked at " + (peak >> 20) + " MB");
        }
    }

    @Test
    void aLimitIsEnforcedWithAClearMessage() {
        HostMemory m = new HostMemory(64L << 20, false);
        var a = m.allocate(40L << 20);
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> m.allocate(40L << 20));
        assertTrue(e.getMessage().contains("sysmem") && e.getMessage().contains("41943040"), e.getMessage());
        a.close();
        m.allocate(40L << 20).close();
        m.trim();
    }

    @Test
    void smallBlocksAreReused() {
        HostMemory m = new HostMemory(Long.MAX_VALUE, false);
        var a = m.allocate(100);
        long addr = a.address();
        a.close();
        var b = m.allocate(120);
        assertEquals(addr, b.address(), "a freed small block of the same class is handed out again");
        b.close();
        m.closeSlabs();
    }

    @Test
    void aFreedLargeBlockIsReusedForTheSameSize() {
        HostMemory m = new HostMemory(Long.MAX_VALUE, false);
        var a = m.allocate(3L << 20);
        long addr = a.address();
        a.close();
        var b = m.allocate(3L << 20);
        assertEquals(addr, b.address(), "a cached large block of the same size is handed out again");
        b.close();
        m.trim();
        assertEquals(0, m.reserved());
    }

    @Test
    void cachedBlocksOfOtherSizesGoBackBeforeFreshMemoryIsTaken() {
        HostMemory m = new HostMemory(Long.MAX_VALUE, false);
        var big = m.allocate(40L << 20);
        var other = m.allocate(6L << 20);
        big.close();
        other.close();
        assertEquals(46L << 20, m.reserved(), "both blocks are cached");
        var c = m.allocate(5L << 20);
        // The 40 MiB block (the largest cached) went back to the C heap to make room; the
        // 6 MiB one was not needed.
        assertEquals((5L << 20) + (6L << 20), m.reserved());
        c.close();
        m.trim();
        assertEquals(0, m.reserved());
    }
}
