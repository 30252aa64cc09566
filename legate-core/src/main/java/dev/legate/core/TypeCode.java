package dev.legate.core;

/**
 * The kind of an element type. Fixed-size codes carry their size in bytes; {@link #STRING}
 * and {@link #STRUCT} get their layout from the {@link DType} that uses them.
 */
public enum TypeCode {
    /** One byte per element, 0 or 1 (Arrow stores booleans as bits; see {@link LogicalArray}). */
    BOOL(1),
    INT8(1), INT16(2), INT32(4), INT64(8),
    UINT8(1), UINT16(2), UINT32(4), UINT64(8),
    FLOAT16(2), FLOAT32(4), FLOAT64(8),
    /** Two float32s: real then imaginary part. */
    COMPLEX64(8),
    /** Two float64s: real then imaginary part. */
    COMPLEX128(16),
    /** Variable-size UTF-8 strings: int32 or int64 offsets plus bytes. */
    STRING(-1),
    /** A fixed-size record of other fixed-size types. */
    STRUCT(-1);

    private final int size;

    TypeCode(int size) {
        this.size = size;
    }

    /** Size in bytes of one element, or -1 where it depends on the type (string, struct). */
    public int size() {
        return size;
    }

    /** Whether values of this code are signed or unsigned integers. */
    public boolean isInteger() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> true;
            default -> false;
        };
    }

    /** Whether values of this code are unsigned integers. */
    public boolean isUnsigned() {
        return switch (this) {
            case UINT8, UINT16, UINT32, UINT64 -> true;
            default -> false;
        };
    }

    /** Whether values of this code are real floating-point numbers. */
    public boolean isFloating() {
        return this == FLOAT16 || this == FLOAT32 || this == FLOAT64;
    }

    /** Whether values of this code are complex numbers. */
    public boolean isComplex() {
        return this == COMPLEX64 || this == COMPLEX128;
    }
}
