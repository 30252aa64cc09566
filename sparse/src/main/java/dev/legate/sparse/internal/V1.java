package dev.legate.sparse.internal;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A 1-d (or 0-d) tile as task bodies read it: element {@code i} of the store (store
 * coordinates) lives at element index {@code base + stride * i} of the host instance.
 * The typed getters switch on the element type; hot loops read the segment directly.
 */
final class V1 {
    final MemorySegment seg;
    final long base;
    final long stride;
    final TypeCode code;
    final long lo;
    final long hi;

    V1(PhysicalStore p) {
        this.seg = p.segment();
        this.base = p.base();
        this.stride = p.ndim() == 0 ? 0 : p.stride(0);
        this.code = p.type().code();
        this.lo = p.ndim() == 0 ? 0 : p.rect().lo(0);
        this.hi = p.ndim() == 0 ? 1 : p.rect().hi(0);
    }

    long at(long i) {
        return base + stride * i;
    }

    boolean unit() {
        return stride == 1;
    }

    double d(long i) {
        long k = at(i);
        return switch (code) {
            case FLOAT64 -> seg.getAtIndex(ValueLayout.JAVA_DOUBLE, k);
            case FLOAT32 -> seg.getAtIndex(ValueLayout.JAVA_FLOAT, k);
            case INT64 -> seg.getAtIndex(ValueLayout.JAVA_LONG, k);
            case INT32 -> seg.getAtIndex(ValueLayout.JAVA_INT, k);
            default -> throw new IllegalStateException("unsupported element type " + code);
        };
    }

    void setD(long i, double v) {
        long k = at(i);
        switch (code) {
            case FLOAT64 -> seg.setAtIndex(ValueLayout.JAVA_DOUBLE, k, v);
            case FLOAT32 -> seg.setAtIndex(ValueLayout.JAVA_FLOAT, k, (float) v);
            default -> throw new IllegalStateException("unsupported value type " + code);
        }
    }

    long l(long i) {
        long k = at(i);
        return switch (code) {
            case INT64 -> seg.getAtIndex(ValueLayout.JAVA_LONG, k);
            case INT32 -> seg.getAtIndex(ValueLayout.JAVA_INT, k);
            default -> throw new IllegalStateException("unsupported index type " + code);
        };
    }

    void setL(long i, long v) {
        long k = at(i);
        switch (code) {
            case INT64 -> seg.setAtIndex(ValueLayout.JAVA_LONG, k, v);
            case INT32 -> seg.setAtIndex(ValueLayout.JAVA_INT, k, (int) v);
            default -> throw new IllegalStateException("unsupported index type " + code);
        }
    }

    /** Writes {@code n} values from {@code src} at elements {@code 0..n-1} of a freshly bound store. */
    static void put(PhysicalStore dst, double[] src, int n) {
        V1 v = new V1(dst);
        if (v.code == TypeCode.FLOAT64 && v.unit()) {
            MemorySegment.copy(src, 0, v.seg, ValueLayout.JAVA_DOUBLE, v.base * 8, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            v.setD(i, src[i]);
        }
    }

    /** Writes {@code n} int32 indices from {@code src} at elements {@code 0..n-1} of a freshly bound store. */
    static void put(PhysicalStore dst, int[] src, int n) {
        V1 v = new V1(dst);
        if (v.code == TypeCode.INT32 && v.unit()) {
            MemorySegment.copy(src, 0, v.seg, ValueLayout.JAVA_INT, v.base * 4, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            v.setL(i, src[i]);
        }
    }
}
