package dev.legate.core;

import dev.legate.core.internal.ArrayImpl;
import java.util.Optional;

/**
 * A store plus what gives it array semantics: an optional validity bitmap (nullable arrays), or
 * offsets and bytes (strings). The physical layout is Arrow's: LSB-first validity bitmaps,
 * int32 or int64 offsets with one entry more than rows, 64-byte aligned buffers.
 *
 * <p>Nullable and string arrays are 1-d. A task gets a {@link PhysicalArray} per array argument;
 * the runtime keeps the bitmap aligned with the data and gives each point task the bytes its
 * rows' offsets reach.
 */
public sealed interface LogicalArray extends InputArray, OutputArray, ReductionArray permits ArrayImpl {
    /** An array over {@code data} with no validity bitmap. */
    static LogicalArray of(LogicalStore data) {
        return ArrayImpl.of(data, null);
    }

    /** A nullable array: {@code validity} is a bitmap store of the same 1-d shape as {@code data}. */
    static LogicalArray nullable(LogicalStore data, LogicalStore validity) {
        return ArrayImpl.of(data, validity);
    }

    /**
     * A string array: {@code offsets} (int32 or int64, one more element than rows) into
     * {@code chars} (uint8), with an optional bitmap.
     */
    static LogicalArray strings(LogicalStore offsets, LogicalStore chars, Optional<LogicalStore> validity) {
        return ArrayImpl.strings(offsets, chars, validity.orElse(null));
    }

    /** The element type ({@link DType#STRING} for string arrays). */
    @Override
    DType type();

    /** The shape (rows, for 1-d arrays). */
    @Override
    Shape shape();

    /** The data store of a fixed-size array. */
    LogicalStore data();

    /** The validity bitmap, if the array is nullable. */
    Optional<LogicalStore> validity();

    /** Whether this is a string array. */
    boolean isString();

    /** The offsets of a string array. */
    LogicalStore offsets();

    /** The bytes of a string array. */
    LogicalStore chars();
}
