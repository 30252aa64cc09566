package dev.legate.core;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Optional;

/**
 * One tile of a store as a task body sees it: the tile's rectangle in the store's coordinates,
 * the memory it lives in, and element strides.
 *
 * <p>Elements are addressed by element index into {@link #segment()} (host) or from
 * {@link #deviceAddress()} (GPU): the element at store point {@code p} is at
 * {@code base() + sum_d strides()[d] * p[d]}. Points outside {@link #rect()} belong to other
 * tiles: reading them is undefined and writing them is a race. Typed accessors such as
 * {@link #doubles()} visit the tile's elements in row-major order.
 */
public final class PhysicalStore {
    private final DType type;
    private final Shape storeShape;
    private final Rect rect;
    private final MemorySegment segment;
    private final long deviceAddress;
    private final long base;
    private final long[] strides;
    private final boolean writable;
    private final Optional<ReductionOp> redop;
    private final boolean bitmap;

    /**
     * A tile; used by the runtime and by providers.
     *
     * @param segment the whole host instance, or {@link MemorySegment#NULL} for device memory
     * @param deviceAddress the device address of element 0 of the instance (0 for host memory)
     * @param base the element index of store point 0 (may lie outside the instance for views)
     * @param bitmap whether elements are bits (validity masks) rather than bytes
     */
    public PhysicalStore(DType type, Shape storeShape, Rect rect, MemorySegment segment, long deviceAddress,
                         long base, long[] strides, boolean writable, Optional<ReductionOp> redop, boolean bitmap) {
        this.type = type;
        this.storeShape = storeShape;
        this.rect = rect;
        this.segment = segment;
        this.deviceAddress = deviceAddress;
        this.base = base;
        this.strides = strides.clone();
        this.writable = writable;
        this.redop = redop;
        this.bitmap = bitmap;
    }

    /** The element type. */
    public DType type() {
        return type;
    }

    /** Number of dimensions of the store. */
    public int ndim() {
        return rect.ndim();
    }

    /** The shape of the whole store this tile belongs to. */
    public Shape storeShape() {
        return storeShape;
    }

    /** The tile's rectangle in store coordinates. */
    public Rect rect() {
        return rect;
    }

    /** The number of elements in the tile. */
    public long volume() {
        return rect.volume();
    }

    /** Whether the tile lives in host memory. */
    public boolean isHost() {
        return segment.address() != 0 || deviceAddress == 0;
    }

    /** The host instance holding the tile; {@link MemorySegment#NULL} on a device. */
    public MemorySegment segment() {
        return segment;
    }

    /** The device address of element 0 of the instance (0 for host memory). */
    public long deviceAddress() {
        return deviceAddress;
    }

    /** The element index of store point 0 in the instance. */
    public long base() {
        return base;
    }

    /** Element strides of the store's dimensions in the instance (0 along broadcast dims). */
    public long[] strides() {
        return strides.clone();
    }

    /** Element stride of dimension {@code d}. */
    public long stride(int d) {
        return strides[d];
    }

    /** The element index of the store point {@code p}. */
    public long index(long... p) {
        long i = base;
        for (int d = 0; d < p.length; d++) {
            i += strides[d] * p[d];
        }
        return i;
    }

    /** The element index of the tile's first point, {@code rect().lo()}. */
    public long origin() {
        long i = base;
        for (int d = 0; d < strides.length; d++) {
            i += strides[d] * rect.lo(d);
        }
        return i;
    }

    /**
     * Whether the tile's elements are dense in row-major order, so that element {@code i} of
     * the tile sits at {@code origin() + i}.
     */
    public boolean isContiguous() {
        long expect = 1;
        for (int d = strides.length - 1; d >= 0; d--) {
            long e = rect.extent(d);
            if (e > 1 && strides[d] != expect) {
                return false;
            }
            expect *= e;
        }
        return true;
    }

    /** Whether the task may write the tile (outputs, and reductions folded in place). */
    public boolean isWritable() {
        return writable;
    }

    /** The reduction operator, for tiles of a reduction argument. */
    public Optional<ReductionOp> reductionOp() {
        return redop;
    }

    /** Whether elements are bits of an Arrow validity bitmap. */
    public boolean isBitmap() {
        return bitmap;
    }

    /** The element index of the tile's {@code i}-th element in row-major order. */
    public long linearIndex(long i) {
        long idx = base;
        for (int d = strides.length - 1; d >= 0; d--) {
            long e = rect.extent(d);
            long c = e == 0 ? 0 : i % e;
            i = e == 0 ? 0 : i / e;
            idx += (c + rect.lo(d)) * strides[d];
        }
        return idx;
    }

    private void requireType(TypeCode... codes) {
        for (TypeCode c : codes) {
            if (type.code() == c) {
                return;
            }
        }
        throw new TypeMismatchException("store of type " + type.name() + " accessed as " + Arrays.toString(codes));
    }

    private void requireHost() {
        if (!isHost()) {
            throw new UnsupportedOperationException("a tile in device memory has no host accessor; use its device address");
        }
    }

    /** Accessor for float64 elements. */
    public DoubleAccess doubles() {
        requireType(TypeCode.FLOAT64);
        requireHost();
        return new DoubleAccess(this);
    }

    /** Accessor for float32 elements. */
    public FloatAccess floats() {
        requireType(TypeCode.FLOAT32);
        requireHost();
        return new FloatAccess(this);
    }

    /** Accessor for int64/uint64 elements. */
    public LongAccess longs() {
        requireType(TypeCode.INT64, TypeCode.UINT64);
        requireHost();
        return new LongAccess(this);
    }

    /** Accessor for int32/uint32 elements. */
    public IntAccess ints() {
        requireType(TypeCode.INT32, TypeCode.UINT32);
        requireHost();
        return new IntAccess(this);
    }

    /** Accessor for int16/uint16 elements. */
    public ShortAccess shorts() {
        requireType(TypeCode.INT16, TypeCode.UINT16);
        requireHost();
        return new ShortAccess(this);
    }

    /** Accessor for int8/uint8/bool elements (one byte each). */
    public ByteAccess bytes() {
        requireType(TypeCode.INT8, TypeCode.UINT8, TypeCode.BOOL);
        requireHost();
        if (bitmap) {
            throw new TypeMismatchException("a validity bitmap holds bits; use bits()");
        }
        return new ByteAccess(this);
    }

    /** Accessor for the bits of a validity bitmap. */
    public BitAccess bits() {
        requireHost();
        if (!bitmap) {
            throw new TypeMismatchException("store of type " + type.name() + " is not a bitmap");
        }
        return new BitAccess(this);
    }

    @Override
    public String toString() {
        return "PhysicalStore[" + type.name() + " " + rect + " of " + storeShape + "]";
    }
}
