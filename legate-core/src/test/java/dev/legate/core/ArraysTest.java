package dev.legate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nullable and string arrays: Arrow layout, partitioned with their bitmaps and bytes. */
class ArraysTest {
    public interface Strings {
        /** out[i] = number of bytes of row i, or -1 for a null row. */
        @Task
        @Align({"out", "in"})
        default void lengths(OutputArray out, InputArray in) {
            PhysicalArray a = in.physical();
            var o = out.longs();
            Rect rows = a.rect();
            for (long i = 0; i < o.size(); i++) {
                long row = rows.lo(0) + i;
                o.set(i, a.isValid(row) ? a.string(row).getBytes(java.nio.charset.StandardCharsets.UTF_8).length : -1);
            }
        }

        /** out[i] = in[i] where valid, else the fill value. */
        @Task
        @Align({"out", "in"})
        default void fillNulls(OutputArray out, InputArray in, double fill) {
            PhysicalArray a = in.physical();
            var o = out.doubles();
            var d = a.data().doubles();
            for (long i = 0; i < o.size(); i++) {
                o.set(i, a.isValid(a.rect().lo(0) + i) ? d.get(i) : fill);
            }
        }
    }

    @Test
    void stringArraysAreSplitWithTheirBytes() {
        try (LegateRuntime rt = TestRuntimes.cpus(4)) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                values.add(i % 7 == 0 ? null : "row-" + i + "-é".repeat(i % 3));
            }
            LogicalArray arr = rt.createStringArray(values);
            assertEquals(DType.STRING, arr.type());
            assertEquals(Shape.of(300), arr.shape());
            assertTrue(arr.validity().isPresent());
            LogicalStore out = rt.createStore(DType.INT64, 300);
            rt.tasks(Strings.class).lengths(out, arr);
            var got = out.physical().longs();
            for (int i = 0; i < 300; i++) {
                String v = values.get(i);
                assertEquals(v == null ? -1 : v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, got.get(i),
                        "row " + i);
            }
            assertEquals("row-2-é-é", arr.physical().string(2));
            assertFalse(arr.physical().isValid(7));
        }
    }

    @Test
    void nullableArraysKeepTheBitmapAligned() {
        try (LegateRuntime rt = TestRuntimes.cpus(3)) {
            LogicalArray arr = rt.createArray(DType.FLOAT64, Shape.of(500), true);
            arr.data().update(p -> {
                for (int i = 0; i < 500; i++) {
                    p.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i, i);
                }
            });
            arr.validity().orElseThrow().update(p -> {
                var bits = p.bits();
                for (int i = 0; i < 500; i++) {
                    bits.set(i, i % 5 != 0);
                }
            });
            LogicalStore out = rt.createStore(DType.FLOAT64, 500);
            rt.tasks(Strings.class).fillNulls(out, arr, -1.0);
            double[] got = new double[500];
            var o = out.physical().doubles();
            for (int i = 0; i < 500; i++) {
                got[i] = o.get(i);
            }
            for (int i = 0; i < 500; i++) {
                assertEquals(i % 5 == 0 ? -1.0 : i, got[i], "row " + i + " of " + Arrays.toString(got));
            }
        }
    }

    @Test
    void badArraysAreRefused() {
        try (LegateRuntime rt = TestRuntimes.cpus(1)) {
            LogicalStore data = rt.createStore(DType.FLOAT64, 10);
            assertThrows(TypeMismatchException.class, () -> LogicalArray.nullable(data,
                    rt.createStore(DType.BOOL, 10)));
            assertThrows(ShapeMismatchException.class, () -> LogicalArray.nullable(data, rt.createBitmap(9)));
            assertThrows(TypeMismatchException.class, () -> LogicalArray.strings(rt.createStore(DType.FLOAT32, 3),
                    rt.createStore(DType.UINT8, 3), java.util.Optional.empty()));
            assertThrows(ShapeMismatchException.class, () -> rt.createArray(DType.INT32, Shape.of(2, 2), true));
        }
    }
}
