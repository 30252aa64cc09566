package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The element types the sorting kernels order, each with a map from an element to a 64-bit key
 * whose <em>unsigned</em> order is NumPy's sort order for that type.
 *
 * <p>For the floating types the key makes {@code -0.0} and {@code 0.0} equal and puts every NaN
 * (whatever its sign and payload) after {@code +infinity}, all NaNs equal, as NumPy sorts them.
 * Integer keys are bijective. Booleans are bytes, nonzero meaning true. FLOAT16 is IEEE
 * binary16 in a 16-bit element. Complex types are not covered.
 */
public enum SortKey {
    /** {@code bool}: one byte, nonzero is true. */
    BOOL(1),
    /** {@code int8}. */
    INT8(1),
    /** {@code int16}. */
    INT16(2),
    /** {@code int32}. */
    INT32(4),
    /** {@code int64}. */
    INT64(8),
    /** {@code uint8}. */
    UINT8(1),
    /** {@code uint16}. */
    UINT16(2),
    /** {@code uint32}. */
    UINT32(4),
    /** {@code uint64}. */
    UINT64(8),
    /** {@code float16} (IEEE binary16 bits). */
    FLOAT16(2),
    /** {@code float32}. */
    FLOAT32(4),
    /** {@code float64}. */
    FLOAT64(8);

    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final int size;

    SortKey(int size) {
        this.size = size;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** The key of element {@code index} (in elements) of {@code s}. */
    public long key(MemorySegment s, long index) {
        return switch (this) {
            case BOOL -> s.get(ValueLayout.JAVA_BYTE, index) != 0 ? 1 : 0;
            case INT8 -> s.get(ValueLayout.JAVA_BYTE, index) ^ Long.MIN_VALUE;
            case INT16 -> s.getAtIndex(SHORT, index) ^ Long.MIN_VALUE;
            case INT32 -> s.getAtIndex(INT, index) ^ Long.MIN_VALUE;
            case INT64 -> s.getAtIndex(LONG, index) ^ Long.MIN_VALUE;
            case UINT8 -> s.get(ValueLayout.JAVA_BYTE, index) & 0xFFL;
            case UINT16 -> s.getAtIndex(SHORT, index) & 0xFFFFL;
            case UINT32 -> s.getAtIndex(INT, index) & 0xFFFF_FFFFL;
            case UINT64 -> s.getAtIndex(LONG, index);
            case FLOAT16 -> halfKey(s.getAtIndex(SHORT, index));
            case FLOAT32 -> floatKey(s.getAtIndex(INT, index));
            case FLOAT64 -> doubleKey(s.getAtIndex(LONG, index));
        };
    }

    /** The keys of {@code count} elements from {@code offset} with {@code stride}, into {@code keys[0 .. count)}. */
    public void keys(MemorySegment s, long offset, long stride, int count, long[] keys) {
        for (int j = 0; j < count; j++) {
            keys[j] = key(s, offset + j * stride);
        }
    }

    /** The key of a float64 given by its raw bits. */
    static long doubleKey(long bits) {
        if ((bits & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L && (bits & 0x000F_FFFF_FFFF_FFFFL) != 0) {
            return -1L;
        }
        if (bits == Long.MIN_VALUE) {
            bits = 0;
        }
        return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }

    /** The key of a float32 given by its raw bits. */
    static long floatKey(int bits) {
        if ((bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x007F_FFFF) != 0) {
            return 0xFFFF_FFFFL;
        }
        if (bits == Integer.MIN_VALUE) {
            bits = 0;
        }
        return (bits < 0 ? ~bits : bits | Integer.MIN_VALUE) & 0xFFFF_FFFFL;
    }

    /** The key of a float16 given by its raw bits. */
    static long halfKey(short h) {
        int bits = h & 0xFFFF;
        if ((bits & 0x7C00) == 0x7C00 && (bits & 0x03FF) != 0) {
            return 0xFFFF;
        }
        if (bits == 0x8000) {
            bits = 0;
        }
        return (bits & 0x8000) != 0 ? ~bits & 0xFFFF : bits | 0x8000;
    }
}
