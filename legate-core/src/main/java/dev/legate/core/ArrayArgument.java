package dev.legate.core;

/**
 * An array as a task sees it. Inside a task body it is the point task's tile
 * ({@link PhysicalArray}); on the launching side it is a {@link LogicalStore} or
 * {@link LogicalArray}, and {@link #physical()} maps the whole array into host memory for
 * reading, waiting for the tasks that write it.
 *
 * <p>The three sub-interfaces only differ in the privilege they stand for when they type the
 * parameters of an annotated task method (see {@link Task}).
 */
public interface ArrayArgument {
    /** The element type. */
    DType type();

    /** The shape of the whole array (not of the tile). */
    Shape shape();

    /** The elements this side can see: a task's tile, or a host mapping of the whole array. */
    PhysicalArray physical();

    /** Accessor for float64 elements of {@link #physical()}. */
    default DoubleAccess doubles() {
        return physical().data().doubles();
    }

    /** Accessor for float32 elements of {@link #physical()}. */
    default FloatAccess floats() {
        return physical().data().floats();
    }

    /** Accessor for int64/uint64 elements of {@link #physical()}. */
    default LongAccess longs() {
        return physical().data().longs();
    }

    /** Accessor for int32/uint32 elements of {@link #physical()}. */
    default IntAccess ints() {
        return physical().data().ints();
    }

    /** Accessor for int16/uint16 elements of {@link #physical()}. */
    default ShortAccess shorts() {
        return physical().data().shorts();
    }

    /** Accessor for int8/uint8/bool elements of {@link #physical()}. */
    default ByteAccess bytes() {
        return physical().data().bytes();
    }
}
