package dev.legate.numeric.internal.tasks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Type-agnostic element moves and index reads for gather/scatter bodies. */
final class Elements {
    private Elements() {
    }

    /** Copies one element of {@code size} bytes from element index {@code si} to {@code di}. */
    static void copy(MemorySegment src, long si, MemorySegment dst, long di, int size) {
        switch (size) {
            case 8 -> dst.setAtIndex(ValueLayout.JAVA_LONG, di, src.getAtIndex(ValueLayout.JAVA_LONG, si));
            case 4 -> dst.setAtIndex(ValueLayout.JAVA_INT, di, src.getAtIndex(ValueLayout.JAVA_INT, si));
            case 2 -> dst.setAtIndex(ValueLayout.JAVA_SHORT, di, src.getAtIndex(ValueLayout.JAVA_SHORT, si));
            case 1 -> dst.set(ValueLayout.JAVA_BYTE, di, src.get(ValueLayout.JAVA_BYTE, si));
            default -> MemorySegment.copy(src, si * size, dst, di * size, size);
        }
    }

    /** An int64 index, wrapped when negative, checked against {@code extent}. */
    static long index(MemorySegment seg, long i, long extent, int axis) {
        long k = seg.getAtIndex(ValueLayout.JAVA_LONG, i);
        long w = k < 0 ? k + extent : k;
        if (w < 0 || w >= extent) {
            throw new IndexOutOfBoundsException("index " + k + " is out of bounds for axis " + axis + " with size "
                    + extent);
        }
        return w;
    }
}
