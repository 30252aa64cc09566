package dev.legate.numeric.internal;

import static dev.legate.numeric.Numeric.defaultRng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.RuntimeConfig;
import dev.legate.numeric.NDArray;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Numeric's device mode ({@code numeric.memory=device}, the default when its element-wise task has
 * a GPU variant) run on CPUs: allocations collect only per garbage budget, writes protect deferred
 * readers with a copy-on-write snapshot instead of a collection, and the results are bit for bit
 * those of host mode.
 */
class DeviceModeTest {
    private record Outcome(double[] values, long collections, long snapshots) {
    }

    /** Jacobi sweeps over a 600 x 600 grid (big enough to be recycled), plus a reader held across the writes. */
    private static Outcome run(String mode) {
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(2).minTileVolume(4096).option(Ctx.MEMORY_OPTION, mode)
                .build();
        try (LegateRuntime rt = Legate.start(cfg)) {
            LegateRuntime old = Legate.setDefault(rt);
            try {
                Ctx ctx = Ctx.of(rt);
                assertEquals(mode.equals("device"), ctx.deviceResident());
                long c0 = ctx.pool().collections();
                long s0 = ctx.pool().snapshots();
                NDArray u = defaultRng(3).random(600, 600);
                NDArray held = u.get(":-2, 1:-1").add(u.get("2:, 1:-1")).multiply(0.5);
                for (int i = 0; i < 4; i++) {
                    NDArray mean = u.get(":-2, 1:-1").add(u.get("2:, 1:-1")).add(u.get("1:-1, :-2"))
                            .add(u.get("1:-1, 2:")).multiply(0.25);
                    u.set("1:-1, 1:-1", mean);
                }
                double[] a = u.toDoubleArray();
                double[] b = held.toDoubleArray();
                double[] all = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, all, a.length, b.length);
                return new Outcome(all, ctx.pool().collections() - c0, ctx.pool().snapshots() - s0);
            } finally {
                Legate.setDefault(old);
            }
        }
    }

    @Test
    void snapshotsGiveHostModesResultsWithoutCollections() {
        Outcome host = run("host");
        Outcome device = run("device");
        assertArrayEquals(host.values(), device.values(), "bit for bit (the arrays hold no NaN)");
        assertEquals(0, device.collections(), "device mode collects only per garbage budget");
        assertTrue(device.snapshots() >= 4, "one snapshot per sweep, got " + device.snapshots());
        assertEquals(0, host.snapshots());
    }

    /** Collections while four 9.6 MB arrays are allocated one after the other, each dead before the next. */
    private static long collectionsForAllocations(String mode) {
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(1).option(Ctx.MEMORY_OPTION, mode).build();
        try (LegateRuntime rt = Legate.start(cfg)) {
            LegateRuntime old = Legate.setDefault(rt);
            try {
                // Host mode collects only while the heap in use is small (StorePool.HEAP_LIMIT); in a
                // test JVM that has run many tests, garbage alone can pass that limit.
                System.gc();
                long c0 = Ctx.of(rt).pool().collections();
                for (int i = 0; i < 4; i++) {
                    assertEquals(0.0, dev.legate.numeric.Numeric.zeros(1_200_000).sum().item());
                }
                return Ctx.of(rt).pool().collections() - c0;
            } finally {
                Legate.setDefault(old);
            }
        }
    }

    @Test
    void deviceModeCollectsPerGarbageBudgetNotPerAllocation() {
        assertTrue(collectionsForAllocations("host") > 0, "host mode collects to recycle warm memory");
        assertEquals(0, collectionsForAllocations("device"), "40 MB of garbage is far below the 1 GiB budget");
    }

    @Test
    void anUnknownMemoryModeIsRefused() {
        RuntimeConfig cfg = RuntimeConfig.builder().cpus(1).option(Ctx.MEMORY_OPTION, "gpu").build();
        try (LegateRuntime rt = Legate.start(cfg)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Ctx.of(rt));
            assertTrue(e.getMessage().contains("'gpu'"), e.getMessage());
        }
    }
}
