package dev.legate.core.internal;

import dev.legate.core.DType;
import dev.legate.core.LogicalArray;
import dev.legate.core.LogicalStore;
import dev.legate.core.PhysicalArray;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;
import java.util.Optional;

/** The implementation of {@link LogicalArray}. */
public final class ArrayImpl implements LogicalArray {
    private final StoreImpl data;
    private final StoreImpl validity;
    private final StoreImpl offsets;
    private final StoreImpl chars;

    private ArrayImpl(StoreImpl data, StoreImpl validity, StoreImpl offsets, StoreImpl chars) {
        this.data = data;
        this.validity = validity;
        this.offsets = offsets;
        this.chars = chars;
    }

    /** A fixed-size array; {@code validity} may be null. */
    public static ArrayImpl of(LogicalStore data, LogicalStore validity) {
        StoreImpl d = (StoreImpl) data;
        if (!d.type().isFixedSize()) {
            throw new TypeMismatchException("array data must have a fixed-size type, got " + d.type().name());
        }
        if (validity != null) {
            StoreImpl v = (StoreImpl) validity;
            if (!v.isBitmap()) {
                throw new TypeMismatchException("validity must be a bitmap store (LegateRuntime.createBitmap), got "
                        + validity);
            }
            if (d.ndim() != 1) {
                throw new ShapeMismatchException("nullable arrays are 1-d, got data of shape " + d.shape());
            }
            if (!d.isUnbound() && !v.shape().equals(d.shape())) {
                throw new ShapeMismatchException("validity shape " + v.shape() + " differs from data shape " + d.shape());
            }
            return new ArrayImpl(d, v, null, null);
        }
        return new ArrayImpl(d, null, null, null);
    }

    /** A string array. */
    public static ArrayImpl strings(LogicalStore offsets, LogicalStore chars, LogicalStore validity) {
        StoreImpl o = (StoreImpl) offsets;
        StoreImpl c = (StoreImpl) chars;
        TypeCode oc = o.type().code();
        if (oc != TypeCode.INT32 && oc != TypeCode.INT64) {
            throw new TypeMismatchException("string offsets must be int32 or int64, got " + o.type().name());
        }
        TypeCode cc = c.type().code();
        if (cc != TypeCode.UINT8 && cc != TypeCode.INT8) {
            throw new TypeMismatchException("string bytes must be uint8, got " + c.type().name());
        }
        if (o.ndim() != 1 || c.ndim() != 1) {
            throw new ShapeMismatchException("string offsets and bytes are 1-d, got " + o.shape() + " and " + c.shape());
        }
        if (o.volume() < 1) {
            throw new ShapeMismatchException("string offsets need at least one element (rows + 1), got " + o.shape());
        }
        StoreImpl v = null;
        if (validity != null) {
            v = (StoreImpl) validity;
            if (!v.isBitmap() || v.volume() != o.volume() - 1) {
                throw new ShapeMismatchException("validity of a string array of " + (o.volume() - 1)
                        + " rows must be a bitmap of that length, got " + validity);
            }
        }
        return new ArrayImpl(null, v, o, c);
    }

    @Override
    public DType type() {
        return data != null ? data.type() : DType.STRING;
    }

    @Override
    public Shape shape() {
        return data != null ? data.shape() : Shape.of(offsets.volume() - 1);
    }

    @Override
    public LogicalStore data() {
        if (data == null) {
            throw new TypeMismatchException("a string array has offsets() and chars(), not data()");
        }
        return data;
    }

    @Override
    public Optional<LogicalStore> validity() {
        return Optional.ofNullable(validity);
    }

    @Override
    public boolean isString() {
        return offsets != null;
    }

    @Override
    public LogicalStore offsets() {
        requireStrings();
        return offsets;
    }

    @Override
    public LogicalStore chars() {
        requireStrings();
        return chars;
    }

    private void requireStrings() {
        if (offsets == null) {
            throw new TypeMismatchException("array of type " + type().name() + " is not a string array");
        }
    }

    StoreImpl dataImpl() {
        return data;
    }

    StoreImpl validityImpl() {
        return validity;
    }

    StoreImpl offsetsImpl() {
        return offsets;
    }

    StoreImpl charsImpl() {
        return chars;
    }

    @Override
    public PhysicalArray physical() {
        RuntimeImpl rt = (RuntimeImpl) (data != null ? data : offsets).runtime();
        PhysicalStore v = validity == null ? null : rt.readOnHost(validity);
        if (data != null) {
            return PhysicalArray.of(rt.readOnHost(data), v);
        }
        PhysicalStore o = rt.readOnHost(offsets);
        PhysicalStore c = rt.readOnHost(chars);
        return PhysicalArray.strings(shape(), shape().rect(), o, c, v);
    }

    @Override
    public String toString() {
        return "LogicalArray(" + type().name() + ", " + shape() + (validity != null ? ", nullable" : "") + ")";
    }
}
