package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** A view carried over to another storage of the same shape ({@link LogicalStore#sameViewOf}). */
class ViewsTest {
    private static LogicalStore filled(LegateRuntime rt, double offset) {
        LogicalStore s = rt.createStore(DType.FLOAT64, 24);
        s.update(p -> {
            for (int i = 0; i < 24; i++) {
                p.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, i + offset);
            }
        });
        return s;
    }

    @Test
    void aViewOfOneStorageSeesAnotherTheSameWay() {
        try (LegateRuntime rt = TestRuntimes.cpus(2)) {
            LogicalStore a = filled(rt, 0);
            LogicalStore b = filled(rt, 100);
            LogicalStore view = a.delinearize(0, 4, 6).slice(1, 1, 5).transpose(1, 0).slice(1, 3, -1, -2);
            LogicalStore same = view.sameViewOf(b);
            assertTrue(same.sharesStorage(b));
            assertEquals(view.shape(), same.shape());
            PhysicalStore v = view.physical().data();
            PhysicalStore w = same.physical().data();
            for (long i = 0; i < v.volume(); i++) {
                double x = v.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, v.linearIndex(i));
                double y = w.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, w.linearIndex(i));
                assertEquals(x + 100, y, "element " + i);
            }
            assertSame(view, view.sameViewOf(a), "its own storage: the view itself");
        }
    }

    @Test
    void onlyAWholeStoreOfTheSameTypeAndShapeIsAccepted() {
        try (LegateRuntime rt = TestRuntimes.cpus(1)) {
            LogicalStore a = rt.createStore(DType.FLOAT64, 24);
            LogicalStore view = a.slice(0, 2, 10);
            var e = assertThrows(IllegalArgumentException.class, () -> view.sameViewOf(rt.createStore(DType.FLOAT64,
                    25)));
            assertTrue(e.getMessage().contains("(24,)") && e.getMessage().contains("(25,)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> view.sameViewOf(rt.createStore(DType.FLOAT32, 24)));
            assertThrows(IllegalArgumentException.class, () -> view.sameViewOf(rt.createStore(DType.FLOAT64, 48)
                    .slice(0, 0, 24)));
        }
    }
}
