package dev.legate.core;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One tile of a {@link LogicalArray} inside a task body: the data store, the validity bitmap
 * of a nullable array, or the offsets and bytes of a string array.
 */
public final class PhysicalArray implements InputArray, OutputArray, ReductionArray {
    private final DType type;
    private final Shape shape;
    private final Rect rect;
    private PhysicalStore data;
    private final PhysicalStore validity;
    private final PhysicalStore offsets;
    private final PhysicalStore chars;
    private final LongFunction<PhysicalStore> binder;

    private PhysicalArray(DType type, Shape shape, Rect rect, PhysicalStore data, PhysicalStore validity,
                          PhysicalStore offsets, PhysicalStore chars, LongFunction<PhysicalStore> binder) {
        this.type = type;
        this.shape = shape;
        this.rect = rect;
        this.data = data;
        this.validity = validity;
        this.offsets = offsets;
        this.chars = chars;
        this.binder = binder;
    }

    /** A tile of a fixed-size array; {@code validity} may be null. Used by the runtime. */
    public static PhysicalArray of(PhysicalStore data, PhysicalStore validity) {
        return new PhysicalArray(data.type(), data.storeShape(), data.rect(), data, validity, null, null, null);
    }

    /**
     * A tile of a string array: rows {@code rect}, {@code offsets} covering elements
     * {@code rect.lo .. rect.hi} (one more than the rows) and the bytes they point into.
     */
    public static PhysicalArray strings(Shape shape, Rect rect, PhysicalStore offsets, PhysicalStore chars,
                                        PhysicalStore validity) {
        return new PhysicalArray(DType.STRING, shape, rect, null, validity, offsets, chars, null);
    }

    /** The tile of an unbound output: {@link #bind(long)} allocates it. Used by the runtime. */
    public static PhysicalArray unbound(DType type, LongFunction<PhysicalStore> binder) {
        return new PhysicalArray(type, Shape.of(0), Rect.of1(0, 0), null, null, null, null, binder);
    }

    @Override
    public DType type() {
        return type;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    /** The rows of the array this tile covers. */
    public Rect rect() {
        return rect;
    }

    @Override
    public PhysicalArray physical() {
        return this;
    }

    /**
     * The data store of a fixed-size array.
     *
     * @throws IllegalStateException for a string array or an unbound output not yet bound
     */
    public PhysicalStore data() {
        if (data == null) {
            throw new IllegalStateException(type == DType.STRING
                    ? "a string array has offsets() and chars(), not data()"
                    : "unbound output: call bind(size) first");
        }
        return data;
    }

    /** Whether the array has a validity bitmap. */
    public boolean isNullable() {
        return validity != null;
    }

    /** The validity bitmap, present for nullable arrays. */
    public Optional<PhysicalStore> validity() {
        return Optional.ofNullable(validity);
    }

    /** Whether row {@code i} (store coordinates) holds a value; always true without a bitmap. */
    public boolean isValid(long i) {
        if (validity == null) {
            return true;
        }
        long k = validity.index(i);
        return (validity.segment().get(ValueLayout.JAVA_BYTE, k >>> 3) >>> (k & 7) & 1) != 0;
    }

    /** The offsets of a string array (int32 or int64), covering rows {@code lo..hi} inclusive. */
    public PhysicalStore offsets() {
        requireStrings();
        return offsets;
    }

    /** The UTF-8 bytes of a string array. */
    public PhysicalStore chars() {
        requireStrings();
        return chars;
    }

    /** Row {@code i} (store coordinates) of a string array, decoded. */
    public String string(long i) {
        requireStrings();
        long a = offset(i);
        long b = offset(i + 1);
        byte[] bytes = new byte[Math.toIntExact(b - a)];
        long base = chars.index(0);
        java.lang.foreign.MemorySegment.copy(chars.segment(), ValueLayout.JAVA_BYTE, base + a, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private long offset(long i) {
        long k = offsets.index(i);
        return offsets.type().code() == TypeCode.INT64
                ? offsets.segment().getAtIndex(ValueLayout.JAVA_LONG, k)
                : offsets.segment().getAtIndex(ValueLayout.JAVA_INT, k);
    }

    private void requireStrings() {
        if (offsets == null) {
            throw new TypeMismatchException("array of type " + type.name() + " is not a string array");
        }
    }

    /** Whether this is the tile of an unbound output. */
    public boolean isUnbound() {
        return binder != null && data == null;
    }

    /**
     * Allocates this point task's part of an unbound output with {@code size} elements; the
     * runtime concatenates the parts of all point tasks in point order. Call at most once.
     */
    public PhysicalStore bind(long size) {
        if (binder == null) {
            throw new IllegalStateException("bind() applies only to unbound outputs");
        }
        if (size < 0) {
            throw new IllegalArgumentException("unbound output size must be >= 0, got " + size);
        }
        if (data != null) {
            throw new IllegalStateException("bind() was already called for this point task");
        }
        data = binder.apply(size);
        return data;
    }

    @Override
    public String toString() {
        return "PhysicalArray[" + type.name() + " " + rect + " of " + shape + "]";
    }
}
