package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A failure in a point task resurfaces at the next synchronisation and the runtime keeps working. */
class FailureTest {
    public interface Faulty {
        @Task
        default void explodeAt(OutputArray out, long badRow) {
            var o = out.doubles();
            PhysicalStore s = out.physical().data();
            for (long i = 0; i < o.size(); i++) {
                long row = s.rect().lo(0) + i;
                if (row == badRow) {
                    throw new IllegalStateException("row " + row + " is cursed");
                }
                o.set(i, row);
            }
        }

        @Task
        @Align({"out", "in"})
        default void plusOne(OutputArray out, InputArray in) {
            var o = out.doubles();
            var i = in.doubles();
            for (long k = 0; k < o.size(); k++) {
                o.set(k, i.get(k) + 1);
            }
        }
    }

    @Test
    void failureNamesLibraryTaskPointAndCause() {
        try (LegateRuntime rt = TestRuntimes.cpus(4)) {
            Faulty f = rt.tasks(Faulty.class);
            LogicalStore a = rt.createStore(DType.FLOAT64, 256);
            f.explodeAt(a, 200);
            TaskException e = assertThrows(TaskException.class, rt::fence);
            assertEquals("tasks:" + Faulty.class.getName(), e.library());
            assertEquals("explodeAt", e.task());
            assertEquals(Point.of(3), e.point());
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(e.getMessage().contains("row 200 is cursed"), e.getMessage());

            // The runtime is still usable, and the failure is reported once.
            rt.fence();
            LogicalStore b = rt.createStore(DType.FLOAT64, 256);
            f.explodeAt(b, -1);
            LogicalStore c = rt.createStore(DType.FLOAT64, 256);
            f.plusOne(c, b);
            assertEquals(256.0, c.physical().doubles().get(255));
        }
    }

    @Test
    void dependentTasksOfAFailedTaskAreSkippedAndTheHostReadThrows() {
        try (LegateRuntime rt = TestRuntimes.cpus(2)) {
            Faulty f = rt.tasks(Faulty.class);
            LogicalStore a = rt.createStore(DType.FLOAT64, 256);
            LogicalStore b = rt.createStore(DType.FLOAT64, 256);
            f.explodeAt(a, 0);
            f.plusOne(b, a);
            TaskException e = assertThrows(TaskException.class, b::physical);
            assertEquals("explodeAt", e.task());
            assertEquals(0, e.getSuppressed().length, "the skipped successor does not report a failure of its own");
        }
    }

    @Test
    void closeThrowsAPendingFailureAfterShuttingDown() {
        LegateRuntime rt = TestRuntimes.cpus(2);
        Faulty f = rt.tasks(Faulty.class);
        f.explodeAt(rt.createStore(DType.FLOAT64, 64), 5);
        assertThrows(TaskException.class, rt::close);
        assertThrows(IllegalStateException.class, () -> rt.createStore(DType.FLOAT64, 4));
    }
}
