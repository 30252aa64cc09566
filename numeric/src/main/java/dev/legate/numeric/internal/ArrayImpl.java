package dev.legate.numeric.internal;

import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.Shape;
import dev.legate.numeric.internal.expr.Expr;
import dev.legate.numeric.internal.ops.Launch;
import java.util.ArrayList;
import java.util.List;

/**
 * The state behind an {@code NDArray}: either a store (possibly a view of another array's
 * storage) or a deferred element-wise expression that has not been computed yet.
 *
 * <p>Overview: element-wise operations return deferred arrays whose expression inlines the
 * expressions of deferred operands, so a chain such as {@code a * b + c} becomes one task when
 * its result is first needed (read, viewed, passed to a non-element-wise operation, or its
 * inputs are about to be written). Each deferred array registers with the {@link Base} of every
 * storage it reads; writers call {@link #beforeWrite()}, which computes those readers first.
 */
public final class ArrayImpl {
    private final Ctx ctx;
    private final Shape shape;
    private final DType dtype;
    private final boolean writeable;
    private LogicalStore store;
    /** A 1-d store whose element i is this array's i-th element in row-major order, or null. */
    private LogicalStore flat;
    private Base base;
    private Expr expr;
    /** Whether this deferred array was inlined into another expression (it is then often dead). */
    private boolean consumed;
    /** Whether the program said it will not use this array again ({@link #discard}); read without the lock. */
    private volatile boolean discarded;
    /** For a 2-d view that is the transpose of a contiguous 2-d array: that array; else null. */
    private ArrayImpl transposeOf;
    private List<Base> sources;

    private ArrayImpl(Ctx ctx, Shape shape, DType dtype, LogicalStore store, LogicalStore flat, Base base, Expr expr,
                      boolean writeable) {
        this.ctx = ctx;
        this.shape = shape;
        this.dtype = dtype;
        this.store = store;
        this.flat = flat;
        this.base = base;
        this.expr = expr;
        this.writeable = writeable;
    }

    /**
     * A new array of uninitialised contents that only numeric knows. Its storage is 1-d (the
     * elements in row-major order) and the array a delinearised view of it, so reshaping,
     * ravelling and taking diagonals of contiguous arrays need no copy.
     */
    public static ArrayImpl allocate(Ctx ctx, Shape shape, DType dtype) {
        LogicalStore[] s = allocateStores(ctx, shape, dtype);
        Base b = new Base(false, s[1]);
        ctx.pool().track(b, s[1]);
        return new ArrayImpl(ctx, shape, dtype, s[0], s[1], b, null, true);
    }

    private static LogicalStore[] allocateStores(Ctx ctx, Shape shape, DType dtype) {
        LogicalStore root = ctx.pool().take(dtype, shape.volume());
        LogicalStore view = switch (shape.ndim()) {
            case 0 -> root.project(0, 0);
            case 1 -> root;
            default -> root.delinearize(0, shape.extents());
        };
        return new LogicalStore[] {view, root};
    }

    /**
     * The transpose {@code view} of the 2-d {@code of}; remembers {@code of} so that products can
     * use a transposed contiguous array as a column-major one without copying it.
     */
    public static ArrayImpl transposeView(ArrayImpl of, LogicalStore view) {
        ArrayImpl t = view(of, view, null, true);
        if (of.shape.ndim() == 2 && of.flat().isPresent()) {
            t.transposeOf = of;
        }
        return t;
    }

    /** The contiguous 2-d array this one is the transpose of, if it is one. */
    public java.util.Optional<ArrayImpl> transposeOf() {
        return java.util.Optional.ofNullable(transposeOf);
    }

    /** An array over a store numeric created itself (such as an unbound task output). */
    public static ArrayImpl adopt(Ctx ctx, LogicalStore store) {
        LogicalStore flat = store.ndim() == 1 && !store.isView() ? store : null;
        return new ArrayImpl(ctx, store.shape(), store.type(), store, flat, new Base(false), null, true);
    }

    /** An array over a store that came from outside numeric (its storage is shared). */
    public static ArrayImpl external(Ctx ctx, LogicalStore store) {
        LogicalStore flat = store.ndim() == 1 && !store.isView() ? store : null;
        return new ArrayImpl(ctx, store.shape(), store.type(), store, flat, new Base(true), null, true);
    }

    /**
     * A view of {@code of}'s storage through {@code view}; {@code flat} is the view's elements
     * as a 1-d store when they are contiguous in row-major order, else null.
     */
    public static ArrayImpl view(ArrayImpl of, LogicalStore view, LogicalStore flat, boolean writeable) {
        return new ArrayImpl(of.ctx, view.shape(), view.type(), view, flat, of.base(), null,
                writeable && of.writeable);
    }

    /**
     * A deferred array computing {@code expr} over {@code shape}; {@code sources} are the bases
     * of the stores the expression reads. Computed at once when fusion is off or a source is
     * shared with other code.
     */
    public static ArrayImpl deferred(Ctx ctx, Shape shape, Expr expr, List<Base> sources) {
        ArrayImpl a = new ArrayImpl(ctx, shape, expr.dtype(), null, null, null, expr, true);
        boolean eager = !ctx.fusion();
        for (Base b : sources) {
            eager |= b.isShared();
        }
        if (eager) {
            a.materialize();
        } else {
            a.sources = sources;
            for (Base b : sources) {
                b.addReader(a);
            }
        }
        return a;
    }

    public Ctx ctx() {
        return ctx;
    }

    public Shape shape() {
        return shape;
    }

    public DType dtype() {
        return dtype;
    }

    public boolean isWriteable() {
        return writeable;
    }

    /** Whether the array is an expression not yet computed. */
    public synchronized boolean isDeferred() {
        return expr != null;
    }

    /**
     * Records that the program will not use this array again (NumPy's {@code del} of the last
     * reference): a deferred array is then never computed on its own, so writes to the storages
     * it reads no longer compute it first. Any later use throws.
     */
    public synchronized void discard() {
        discarded = true;
        expr = null;
        sources = null;
    }

    /** Throws if this array was {@linkplain #discard discarded}. */
    public void checkLive() {
        if (discarded) {
            throw new IllegalStateException("this array of shape " + shape + " was discarded and cannot be used");
        }
    }

    /** Computes a deferred array into a new store; a no-op for stored arrays. */
    public synchronized void materialize() {
        checkLive();
        if (expr == null) {
            return;
        }
        LogicalStore[] s = allocateStores(ctx, shape, dtype);
        Launch.elementwise(ctx, expr, s[0]);
        store = s[0];
        flat = s[1];
        base = new Base(false, s[1]);
        ctx.pool().track(base, s[1]);
        expr = null;
        sources = null;
    }

    /** The store, computing a deferred array first. For numeric's own use: does not share it. */
    public synchronized LogicalStore store() {
        materialize();
        return store;
    }

    /** The 1-d row-major store of a contiguous array (computing a deferred one first), if any. */
    public synchronized java.util.Optional<LogicalStore> flat() {
        materialize();
        return java.util.Optional.ofNullable(flat);
    }

    /** The base of the storage (computing a deferred array first). */
    public synchronized Base base() {
        materialize();
        return base;
    }

    /**
     * The store for code outside numeric: deferred readers are computed and the storage is
     * marked shared, since the caller may write it.
     */
    public LogicalStore exportStore() {
        LogicalStore s = store();
        Base b = base();
        b.share(ctx);
        b.flushReaders(ctx);
        return s;
    }

    /** Prepares a write into this array's storage: computes the deferred arrays that read it. */
    public void beforeWrite() {
        if (!writeable) {
            throw new IllegalArgumentException("assignment destination is read-only (a broadcast view of shape "
                    + shape + ")");
        }
        base().flushReaders(ctx);
    }

    /** The expression to inline when this array is an operand of a new element-wise operation. */
    public synchronized Expr operand() {
        checkLive();
        if (expr != null) {
            consumed = true;
            return expr;
        }
        return Expr.input(store, base);
    }

    /** Bytes computing this array would write (0 once it is stored). */
    synchronized long deferredBytes() {
        return expr != null ? shape.volume() * dtype.size() : 0;
    }

    /**
     * Moves a deferred array's reads of {@code from}'s storage ({@code fromRoot}) onto
     * {@code to}'s ({@code toRoot}, a copy of it), through the same views.
     */
    synchronized void rebase(Base from, LogicalStore fromRoot, Base to, LogicalStore toRoot) {
        if (expr == null) {
            return;
        }
        expr = expr.rebase(fromRoot, toRoot, to);
        sources.remove(from);
        if (!sources.contains(to)) {
            sources.add(to);
        }
        to.addReader(this);
    }

    /** Bytes a deferred array that was inlined elsewhere would take to compute; 0 otherwise. */
    synchronized long consumedBytes() {
        return expr != null && consumed ? shape.volume() * dtype.size() : 0;
    }

    /** Adds the bases this array's value depends on to {@code out}. */
    public synchronized void addSources(List<Base> out) {
        if (expr != null) {
            for (Base b : sources) {
                if (!out.contains(b)) {
                    out.add(b);
                }
            }
        } else if (!out.contains(base)) {
            out.add(base);
        }
    }

    /** The number of nodes the operand expression adds. */
    public synchronized int operandNodes() {
        return expr != null ? expr.nodes() : 1;
    }

    /** The number of inputs the operand expression adds. */
    public synchronized int operandInputs() {
        return expr != null ? expr.inputCount() : 1;
    }

    /** A fresh list for {@link #addSources}. */
    public static List<Base> sourceList() {
        return new ArrayList<>(4);
    }

    @Override
    public String toString() {
        return "ArrayImpl(" + dtype.name() + ", " + shape + (expr != null ? ", deferred " + expr : "") + ")";
    }
}
