package dev.legate.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DeviceContext;
import dev.legate.core.MemoryKind;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.PointWork;
import dev.legate.core.spi.Provider;
import dev.legate.core.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every provider keeps, run against each provider by a subclass in the provider's
 * module: processors run work in order and report completion once, memories allocate aligned,
 * accounted blocks and name leaks, and copies move bytes. A subclass whose provider is
 * unavailable on this machine skips every test and prints why.
 */
public abstract class ProviderContract {
    private Provider provider;

    /** The factory of the provider under test. */
    protected abstract ProviderFactory factory();

    /** The configuration to start it with. */
    protected RuntimeConfig config() {
        return RuntimeConfig.builder().cpus(2).build();
    }

    @BeforeEach
    void start() {
        Optional<String> reason = factory().unavailableReason();
        if (reason.isPresent()) {
            System.out.println("skipping " + getClass().getSimpleName() + ": provider '" + factory().name()
                    + "' is unavailable: " + reason.get());
        }
        Assumptions.assumeTrue(reason.isEmpty(), () -> "provider unavailable: " + reason.orElse(""));
        provider = factory().create(config());
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void offersProcessorsWithTheirMemories() {
        assertFalse(provider.processors().isEmpty(), "a provider offers at least one processor");
        for (int i = 0; i < provider.processors().size(); i++) {
            ExecutionProcessor p = provider.processors().get(i);
            assertEquals(i, p.index());
            assertTrue(provider.memories().contains(p.memory()), p.name() + "'s memory belongs to the provider");
            assertFalse(p.name().isBlank());
        }
        assertFalse(provider.describe().isBlank());
    }

    @Test
    void runsWorkInOrderAndCompletesOnce() throws InterruptedException {
        for (ExecutionProcessor p : provider.processors()) {
            int n = 200;
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger completions = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                p.execute(new PointWork() {
                    @Override
                    public void run(Optional<DeviceContext> device) {
                        order.add(k);
                    }

                    @Override
                    public void completed(Throwable failure) {
                        assertEquals(null, failure);
                        completions.incrementAndGet();
                        done.countDown();
                    }
                });
            }
            assertTrue(done.await(30, TimeUnit.SECONDS), p.name() + " finished its work");
            assertEquals(n, completions.get());
            for (int i = 0; i < n; i++) {
                assertEquals(i, order.get(i), p.name() + " runs work in submission order");
            }
        }
    }

    @Test
    void reportsFailuresOfWork() throws InterruptedException {
        ExecutionProcessor p = provider.processors().get(0);
        Throwable[] seen = new Throwable[1];
        CountDownLatch done = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("boom");
        p.execute(new PointWork() {
            @Override
            public void run(Optional<DeviceContext> device) {
                throw boom;
            }

            @Override
            public void completed(Throwable failure) {
                seen[0] = failure;
                done.countDown();
            }
        });
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertSame(boom, seen[0]);
    }

    @Test
    void allocatesAlignedAccountedBlocksAndNamesLeaks() {
        for (MemorySpace m : provider.memories()) {
            long before = m.used();
            List<Allocation> blocks = new ArrayList<>();
            for (long size : new long[] {1, 63, 64, 1000, 300_000, 5_000_000}) {
                Allocation a = m.allocate(size);
                assertSame(m, a.memory());
                assertEquals(size, a.size());
                assertEquals(0, a.address() % 64, "64-byte aligned");
                if (m.kind() == MemoryKind.HOST) {
                    assertTrue(a.segment().byteSize() >= size);
                    a.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, size - 1, (byte) 7);
                }
                blocks.add(a);
            }
            assertTrue(m.used() >= before + 5_301_128, "used() accounts for live blocks");
            assertEquals(blocks.size(), m.leaks().size(), "live blocks are reported as leaks: " + m.leaks());
            for (Allocation a : blocks) {
                a.close();
            }
            assertEquals(before, m.used());
            assertTrue(m.leaks().isEmpty(), m.leaks().toString());
            assertThrows(IllegalStateException.class, blocks.get(0)::close, "a double free is reported");
            assertThrows(IllegalArgumentException.class, () -> m.allocate(0));
            m.trim();
        }
    }

    @Test
    void copiesBytesBetweenItsMemoriesAndTheHost() {
        MemorySpace m = provider.memories().get(0);
        Allocation a = m.allocate(4096);
        Allocation b = m.allocate(4096);
        try {
            if (m.kind() == MemoryKind.HOST) {
                for (int i = 0; i < 4096; i++) {
                    a.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte) i);
                }
                provider.copy(a, 100, b, 200, 1000);
                for (int i = 0; i < 1000; i++) {
                    assertEquals((byte) (100 + i), b.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 200 + i));
                }
            } else {
                assertNotNull(provider.processors());
            }
        } finally {
            a.close();
            b.close();
        }
    }
}
