package dev.legate.core.internal;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Partition;
import dev.legate.core.PhysicalArray;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.Tiling;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/** The implementation of {@link LogicalStore}: a storage and an affine view of it. */
public final class StoreImpl implements LogicalStore {
    private final Storage storage;
    private volatile StoreView view;
    private volatile Partition keyPartition;
    /** The view's shape, computed once (views are immutable); null until asked for. */
    private volatile Shape shape;
    /** The view's element base and strides in a root instance, computed once bound; null until asked for. */
    private volatile Layout layout;

    /** Where a bound store's elements lie in an instance of its storage. */
    record Layout(long base, long[] strides) {
    }

    /** The element base and strides of this view in its storage's instances (the store must be bound). */
    Layout layout() {
        Layout l = layout;
        if (l == null) {
            StoreView v = view();
            long[] rs = storage.rootStrides();
            l = new Layout(v.baseOffset(rs), v.strides(rs));
            layout = l;
        }
        return l;
    }

    StoreImpl(Storage storage, StoreView view) {
        this.storage = storage;
        this.view = view;
    }

    Storage storage() {
        return storage;
    }

    /** The view; for an unbound store, waits for its producer. */
    StoreView view() {
        StoreView v = view;
        if (v == null) {
            v = StoreView.identity(storage.shape());
            view = v;
        }
        return v;
    }

    @Override
    public DType type() {
        return storage.type;
    }

    @Override
    public Shape shape() {
        Shape s = shape;
        if (s == null) {
            s = view().toShape();
            shape = s;
        }
        return s;
    }

    @Override
    public int ndim() {
        StoreView v = view;
        return v != null ? v.ndim() : storage.ndim();
    }

    @Override
    public long volume() {
        return shape().volume();
    }

    @Override
    public boolean isUnbound() {
        return view == null && !storage.isBound();
    }

    @Override
    public boolean isView() {
        return !view().isIdentity();
    }

    @Override
    public boolean sharesStorage(LogicalStore other) {
        return other instanceof StoreImpl s && s.storage == storage;
    }

    @Override
    public long writeCount() {
        return storage.submittedWrites.get();
    }

    @Override
    public LogicalStore sameViewOf(LogicalStore whole) {
        if (!(whole instanceof StoreImpl w) || w.isView() || !w.storage.type.equals(storage.type)
                || !Arrays.equals(w.storage.shape(), storage.shape())) {
            throw new IllegalArgumentException("sameViewOf needs a whole store of type " + storage.type.name()
                    + " and shape " + Shape.of(storage.shape()) + " (this store's storage), got " + whole
                    + (whole.isView() ? " (a view)" : ""));
        }
        return w.storage == storage ? this : new StoreImpl(w.storage, view());
    }

    boolean isBitmap() {
        return storage.bitmap;
    }

    private StoreImpl derive(StoreView v) {
        return new StoreImpl(storage, v);
    }

    private void checkDim(int dim, String op) {
        if (dim < 0 || dim >= ndim()) {
            throw new IndexOutOfBoundsException(op + ": dimension " + dim + " is out of range for a " + ndim()
                    + "-d store of shape " + shape());
        }
    }

    @Override
    public LogicalStore slice(int dim, long start, long stop) {
        return slice(dim, start, stop, 1);
    }

    @Override
    public LogicalStore slice(int dim, long start, long stop, long step) {
        checkDim(dim, "slice");
        long ext = view().extent(dim);
        if (step == 0) {
            throw new IllegalArgumentException("slice step must not be zero");
        }
        long count;
        if (step > 0) {
            if (start < 0 || stop > ext || start > stop) {
                throw new IndexOutOfBoundsException("slice [" + start + ":" + stop + ":" + step + "] of dimension " + dim
                        + " is out of bounds for extent " + ext);
            }
            count = (stop - start + step - 1) / step;
        } else {
            if (start >= ext || stop < -1 || stop > start) {
                if (!(start == stop && start >= -1 && start <= ext)) {
                    throw new IndexOutOfBoundsException("slice [" + start + ":" + stop + ":" + step + "] of dimension "
                            + dim + " is out of bounds for extent " + ext);
                }
            }
            count = Math.max(0, (start - stop + (-step) - 1) / (-step));
        }
        if (count == 0) {
            start = 0;
        }
        return derive(view().slice(dim, start, step, count));
    }

    @Override
    public LogicalStore transpose(int... axes) {
        int n = ndim();
        boolean[] seen = new boolean[n];
        if (axes.length != n) {
            throw new IllegalArgumentException("transpose of a " + n + "-d store needs " + n + " axes, got "
                    + Arrays.toString(axes));
        }
        for (int a : axes) {
            if (a < 0 || a >= n || seen[a]) {
                throw new IllegalArgumentException("axes " + Arrays.toString(axes) + " are not a permutation of 0.."
                        + (n - 1));
            }
            seen[a] = true;
        }
        return derive(view().transpose(axes));
    }

    @Override
    public LogicalStore promote(int dim, long size) {
        if (dim < 0 || dim > ndim()) {
            throw new IndexOutOfBoundsException("promote: position " + dim + " is out of range 0.." + ndim());
        }
        if (size < 0) {
            throw new IllegalArgumentException("promote: size must be >= 0, got " + size);
        }
        return derive(view().promote(dim, size));
    }

    @Override
    public LogicalStore project(int dim, long index) {
        checkDim(dim, "project");
        long ext = view().extent(dim);
        if (index < 0 || index >= ext) {
            throw new IndexOutOfBoundsException("project: index " + index + " is out of bounds for dimension " + dim
                    + " of extent " + ext);
        }
        return derive(view().project(dim, index));
    }

    @Override
    public LogicalStore broadcast(int dim, long size) {
        checkDim(dim, "broadcast");
        if (view().extent(dim) != 1) {
            throw new ShapeMismatchException("broadcast: dimension " + dim + " of shape " + shape()
                    + " has extent " + view().extent(dim) + ", not 1");
        }
        if (size < 0) {
            throw new IllegalArgumentException("broadcast: size must be >= 0, got " + size);
        }
        return derive(view().broadcast(dim, size));
    }

    @Override
    public LogicalStore delinearize(int dim, long... sizes) {
        checkDim(dim, "delinearize");
        long prod = 1;
        for (long s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("delinearize: negative size in " + Arrays.toString(sizes));
            }
            prod *= s;
        }
        if (prod != view().extent(dim) || sizes.length == 0) {
            throw new ShapeMismatchException("delinearize: sizes " + Arrays.toString(sizes) + " do not multiply to "
                    + "the extent " + view().extent(dim) + " of dimension " + dim);
        }
        return derive(view().delinearize(dim, sizes));
    }

    @Override
    public Tiling partitionByTiling(long... tileShape) {
        return Tiling.ofTileShape(shape(), tileShape);
    }

    @Override
    public Optional<Partition> keyPartition() {
        return Optional.ofNullable(keyPartition);
    }

    /** The cached key partition if it suits a launch on {@code procs} processors not cutting {@code noSplit}. */
    Partition cachedKeyPartition(boolean[] noSplit, int procs) {
        Partition p = keyPartition;
        if (!(p instanceof Tiling t) || p.colorCount() > procs || !t.storeShape().equals(shape())) {
            return null;
        }
        for (int d = 0; d < noSplit.length; d++) {
            if (noSplit[d] && t.splits(d)) {
                return null;
            }
        }
        return p;
    }

    void cacheKeyPartition(Partition p) {
        keyPartition = p;
    }

    @Override
    public PhysicalArray physical() {
        return PhysicalArray.of(storage.runtime.readOnHost(this), null);
    }

    @Override
    public void update(Consumer<PhysicalStore> writer) {
        storage.runtime.writeOnHost(this, writer);
    }

    @Override
    public Scalar readScalar() {
        if (volume() != 1) {
            throw new ShapeMismatchException("readScalar needs a store of one element, got shape " + shape());
        }
        PhysicalStore p = storage.runtime.readOnHost(this);
        return Scalar.read(type(), p.segment(), p.origin() * type().size());
    }

    @Override
    public LegateRuntime runtime() {
        return storage.runtime;
    }

    @Override
    public String toString() {
        StoreView v = view;
        return "LogicalStore(" + type().name() + ", " + (v == null ? (isUnbound() ? "unbound" : shape()) : v.toShape())
                + ", storage#" + storage.id + ")";
    }
}
