package dev.legate.core.internal;

import dev.legate.core.DType;
import dev.legate.core.LogicalArray;
import dev.legate.core.LogicalStore;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Builds string arrays (Arrow layout) from Java strings. */
final class StringArrays {
    private StringArrays() {
    }

    static LogicalArray create(RuntimeImpl rt, List<String> values) {
        int n = values.size();
        byte[][] enc = new byte[n][];
        long total = 0;
        boolean nulls = false;
        for (int i = 0; i < n; i++) {
            String v = values.get(i);
            enc[i] = v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8);
            nulls |= v == null;
            total += enc[i].length;
        }
        boolean wide = total > Integer.MAX_VALUE;
        LogicalStore offsets = rt.createStore(wide ? DType.INT64 : DType.INT32, n + 1L);
        LogicalStore chars = rt.createStore(DType.UINT8, total);
        offsets.update(p -> {
            MemorySegment seg = p.segment();
            long off = 0;
            for (int i = 0; i <= n; i++) {
                if (wide) {
                    seg.setAtIndex(ValueLayout.JAVA_LONG, p.index(i), off);
                } else {
                    seg.setAtIndex(ValueLayout.JAVA_INT, p.index(i), (int) off);
                }
                if (i < n) {
                    off += enc[i].length;
                }
            }
        });
        chars.update(p -> {
            MemorySegment seg = p.segment();
            long off = p.index(0);
            for (byte[] b : enc) {
                MemorySegment.copy(b, 0, seg, ValueLayout.JAVA_BYTE, off, b.length);
                off += b.length;
            }
        });
        LogicalStore validity = null;
        if (nulls) {
            validity = rt.createBitmap(n);
            validity.update(p -> {
                MemorySegment seg = p.segment();
                for (int i = 0; i < n; i++) {
                    long k = p.index(i);
                    int b = seg.get(ValueLayout.JAVA_BYTE, k >>> 3);
                    int m = 1 << (k & 7);
                    seg.set(ValueLayout.JAVA_BYTE, k >>> 3, (byte) (values.get(i) != null ? b | m : b & ~m));
                }
            });
        }
        return LogicalArray.strings(offsets, chars, Optional.ofNullable(validity));
    }
}
