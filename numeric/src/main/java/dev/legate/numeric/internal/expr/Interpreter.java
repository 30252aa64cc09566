package dev.legate.numeric.internal.expr;

import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Runs a {@link Program} over chunks of a tile: each chunk is at most {@link #CHUNK} elements
 * of one row, loaded from the inputs into thread-local buffers, combined instruction by
 * instruction, and left in slot 0 for the caller to store or reduce.
 */
public final class Interpreter {
    /** Elements per chunk: buffers stay in the first-level caches. */
    public static final int CHUNK = 1024;

    private final Program p;
    private final MemorySegment[] seg;
    private final TypeCode[] type;
    private final Scalar[] consts;
    private final Slots s;
    private final long[] shapeStrides;
    /** Per slot, where a float64 value lives when not in the slot's buffer (a tile run or a constant). */
    private final Direct.Operand[] state;
    /** The output run the last instruction may write directly, or null. */
    private MemorySegment target;
    private long targetOff;
    private boolean stored;
    private int lastLen;

    /**
     * An interpreter for {@code p} reading {@code inputs} (tiles over the iteration space) and
     * {@code consts}; {@code shape} is the iteration space, for linear indices.
     */
    public Interpreter(Program p, PhysicalStore[] inputs, Scalar[] consts, long[] shape) {
        this.p = p;
        this.seg = new MemorySegment[inputs.length];
        this.type = new TypeCode[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            seg[i] = inputs[i].segment();
            type[i] = inputs[i].type().code();
        }
        this.consts = consts;
        this.s = Slots.get(Math.max(1, p.depth), CHUNK);
        this.state = new Direct.Operand[Math.max(1, p.depth) + 1];
        for (int i = 0; i < state.length; i++) {
            state[i] = new Direct.Operand();
        }
        this.shapeStrides = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            shapeStrides[d] = acc;
            acc *= shape[d];
        }
    }

    /**
     * Evaluates one chunk of {@code len} elements: input {@code k} starts at element index
     * {@code off[k]} with stride {@code stride[k]}; {@code coords} are the global coordinates
     * of the first element (used by positional programs; the chunk runs along the last
     * dimension).
     */
    public void eval(long[] off, long[] stride, int len, long[] coords) {
        Program p = this.p;
        int n = p.ops.length;
        lastLen = len;
        stored = false;
        for (int i = 0; i < n; i++) {
            Op op = p.ops[i];
            TypeCode t = p.types[i];
            int slot = p.slots[i];
            Direct.Operand st = state[slot];
            switch (op) {
                case INPUT -> {
                    int k = p.leafIndex[i];
                    if (type[k] == TypeCode.FLOAT64 && stride[k] == 1) {
                        st.seg = seg[k];
                        st.off = off[k];
                        st.isConst = false;
                        continue;
                    }
                    load(k, off, stride, len, slot);
                }
                case CONST -> {
                    if (t == TypeCode.FLOAT64) {
                        st.seg = null;
                        st.isConst = true;
                        st.value = consts[p.leafIndex[i]].asDouble();
                        continue;
                    }
                    constant(consts[p.leafIndex[i]], t, slot, len);
                }
                case COORD -> {
                    long[] o = s.l(slot, len);
                    int d = p.args[i];
                    long c = coords[d];
                    if (d == coords.length - 1) {
                        for (int j = 0; j < len; j++) {
                            o[j] = c + j;
                        }
                    } else {
                        Arrays.fill(o, 0, len, c);
                    }
                }
                case LINEAR -> {
                    long[] o = s.l(slot, len);
                    long base = 0;
                    for (int d = 0; d < coords.length; d++) {
                        base += coords[d] * shapeStrides[d];
                    }
                    for (int j = 0; j < len; j++) {
                        o[j] = base + j;
                    }
                }
                case WHERE -> {
                    realize(slot, 3, len);
                    where(t, slot, len);
                }
                default -> {
                    if (op.arity() == 2 && Direct.handles(op) && t == TypeCode.FLOAT64
                            && p.type0[i] == TypeCode.FLOAT64) {
                        Direct.Operand a = state[slot];
                        Direct.Operand b = state[slot + 1];
                        if (a.seg == null && !a.isConst) {
                            a.buf = s.d(slot, len);
                        }
                        if (b.seg == null && !b.isConst) {
                            b.buf = s.d(slot + 1, len);
                        }
                        boolean last = i == n - 1 && target != null;
                        Direct.binary(op, a, b, s.d(slot, len), last ? target : null, targetOff, len);
                        stored = last;
                    } else {
                        realize(slot, op.arity(), len);
                        if (op.arity() == 1) {
                            Unary.apply(op, p.type0[i], t, s, slot, len);
                        } else {
                            Binary.apply(op, p.type0[i], t, s, slot, len);
                        }
                    }
                }
            }
            st.seg = null;
            st.isConst = false;
        }
    }

    /** Moves the values of slots {@code from .. from+count-1} that live elsewhere into their buffers. */
    private void realize(int from, int count, int len) {
        for (int q = from; q < from + count; q++) {
            Direct.Operand st = state[q];
            if (st.seg != null) {
                MemorySegment.copy(st.seg, ValueLayout.JAVA_DOUBLE, st.off * 8, s.d(q, len), 0, len);
            } else if (st.isConst) {
                Arrays.fill(s.d(q, len), 0, len, st.value);
            } else {
                continue;
            }
            st.seg = null;
            st.isConst = false;
        }
    }

    /**
     * Lets the last instruction of the next {@link #eval} write its float64 result directly into
     * {@code out} at element index {@code off} (contiguous), or not ({@code out} null); the
     * result is then already stored.
     */
    public void target(MemorySegment out, long off) {
        target = out;
        targetOff = off;
    }

    /**
     * Evaluates a block of {@code rows} short rows of {@code cols} elements as one chunk (row
     * after row): input {@code k} has row {@code i} at {@code off[k] + i * rowStride[k]}, its
     * elements {@code colStride[k]} apart. Only for programs without positional leaves.
     */
    public void evalBlock(long[] off, long[] rowStride, long[] colStride, int rows, int cols) {
        Program p = this.p;
        int len = rows * cols;
        int n = p.ops.length;
        lastLen = len;
        stored = false;
        for (Direct.Operand st : state) {
            st.seg = null;
            st.isConst = false;
        }
        for (int i = 0; i < n; i++) {
            Op op = p.ops[i];
            TypeCode t = p.types[i];
            int slot = p.slots[i];
            switch (op) {
                case INPUT -> {
                    int k = p.leafIndex[i];
                    if (rowStride[k] == colStride[k] * cols) {
                        load(k, off, colStride, len, slot);
                    } else {
                        loadRows(k, off[k], rowStride[k], colStride[k], rows, cols, slot);
                    }
                }
                case CONST -> constant(consts[p.leafIndex[i]], t, slot, len);
                case COORD, LINEAR -> throw new IllegalStateException("positional program in block mode");
                case WHERE -> where(t, slot, len);
                default -> {
                    if (op.arity() == 1) {
                        Unary.apply(op, p.type0[i], t, s, slot, len);
                    } else {
                        Binary.apply(op, p.type0[i], t, s, slot, len);
                    }
                }
            }
        }
    }

    private void loadRows(int k, long off, long rowStride, long colStride, int rows, int cols, int slot) {
        TypeCode t = type[k];
        switch (Kind.of(t)) {
            case DOUBLE -> {
                double[] d = s.d(slot, rows * cols);
                for (int r = 0; r < rows; r++) {
                    if (rowStride == 0 && r > 0) {
                        System.arraycopy(d, 0, d, r * cols, cols);
                    } else {
                        Loads.loadDouble(seg[k], t, off + r * rowStride, colStride, cols, tmp(cols));
                        System.arraycopy(tmp, 0, d, r * cols, cols);
                    }
                }
            }
            case LONG -> {
                long[] d = s.l(slot, rows * cols);
                for (int r = 0; r < rows; r++) {
                    if (rowStride == 0 && r > 0) {
                        System.arraycopy(d, 0, d, r * cols, cols);
                    } else {
                        Loads.loadLong(seg[k], t, off + r * rowStride, colStride, cols, ltmp(cols));
                        System.arraycopy(ltmp, 0, d, r * cols, cols);
                    }
                }
            }
            case COMPLEX -> throw new IllegalStateException("complex programs are not evaluated in block mode");
        }
    }

    /** Scratch rows for block loads. */
    private double[] tmp = new double[0];
    private long[] ltmp = new long[0];

    private double[] tmp(int n) {
        if (tmp.length < n) {
            tmp = new double[n];
        }
        return tmp;
    }

    private long[] ltmp(int n) {
        if (ltmp.length < n) {
            ltmp = new long[n];
        }
        return ltmp;
    }

    private void load(int k, long[] off, long[] stride, int len, int slot) {
        TypeCode t = type[k];
        switch (Kind.of(t)) {
            case DOUBLE -> Loads.loadDouble(seg[k], t, off[k], stride[k], len, s.d(slot, len));
            case LONG -> Loads.loadLong(seg[k], t, off[k], stride[k], len, s.l(slot, len));
            case COMPLEX -> Loads.loadComplex(seg[k], t, off[k], stride[k], len, s.d(slot, len), s.im(slot, len));
        }
    }

    private void constant(Scalar c, TypeCode t, int slot, int len) {
        switch (Kind.of(t)) {
            case DOUBLE -> Arrays.fill(s.d(slot, len), 0, len, c.asDouble());
            case LONG -> Arrays.fill(s.l(slot, len), 0, len, c.asLong());
            case COMPLEX -> {
                Arrays.fill(s.d(slot, len), 0, len, c.asDouble());
                Arrays.fill(s.im(slot, len), 0, len, c.imag());
            }
        }
    }

    /** where(cond, x, y): cond (bool) in {@code slot}, x and y of type {@code t} above it. */
    private void where(TypeCode t, int slot, int len) {
        long[] c = s.l(slot, len);
        switch (Kind.of(t)) {
            case DOUBLE -> {
                double[] x = s.d(slot + 1, len);
                double[] y = s.d(slot + 2, len);
                double[] o = s.d(slot, len);
                for (int j = 0; j < len; j++) {
                    o[j] = c[j] != 0 ? x[j] : y[j];
                }
            }
            case LONG -> {
                long[] x = s.l(slot + 1, len);
                long[] y = s.l(slot + 2, len);
                for (int j = 0; j < len; j++) {
                    c[j] = c[j] != 0 ? x[j] : y[j];
                }
            }
            case COMPLEX -> {
                double[] xr = s.d(slot + 1, len);
                double[] yr = s.d(slot + 2, len);
                double[] xi = s.im(slot + 1, len);
                double[] yi = s.im(slot + 2, len);
                double[] o = s.d(slot, len);
                double[] oi = s.im(slot, len);
                for (int j = 0; j < len; j++) {
                    boolean b = c[j] != 0;
                    o[j] = b ? xr[j] : yr[j];
                    oi[j] = b ? xi[j] : yi[j];
                }
            }
        }
    }

    /**
     * {@code op} over the float64 result chunk of {@code len} elements, in the order of
     * {@link RedOp#reduce(double[], int)}, reading a contiguous input run in place.
     */
    public double reduceDoubles(dev.legate.numeric.internal.reduce.RedOp op, int len) {
        Direct.Operand st = state[0];
        if (st.seg != null && op == dev.legate.numeric.internal.reduce.RedOp.SUM) {
            return dev.legate.numeric.internal.reduce.Pairwise.sum(st.seg, st.off, len);
        }
        return op.reduce(doubles(), len);
    }

    /**
     * The segment holding the result of the last {@link #eval} when it is a contiguous float64
     * input read in place, else null; {@link #directOffset()} is its element index.
     */
    public MemorySegment directSegment() {
        return state[0].seg;
    }

    /** See {@link #directSegment()}. */
    public long directOffset() {
        return state[0].off;
    }

    /** Whether the program is one float64 input (its result is read in place when contiguous). */
    public boolean plainInput() {
        return p.ops.length == 1 && p.ops[0] == Op.INPUT && p.types[0] == TypeCode.FLOAT64;
    }

    /** {@code acc[j] = op(acc[j], result[j])} for the float64 result chunk, reading inputs in place. */
    public void combineInto(dev.legate.numeric.internal.reduce.RedOp op, double[] acc, int accOff, int len) {
        Direct.Operand st = state[0];
        if (st.seg != null && op == dev.legate.numeric.internal.reduce.RedOp.SUM) {
            MemorySegment sg = st.seg;
            long o = st.off;
            for (int j = 0; j < len; j++) {
                acc[accOff + j] += sg.getAtIndex(ValueLayout.JAVA_DOUBLE, o + j);
            }
            return;
        }
        double[] v = doubles();
        if (op == dev.legate.numeric.internal.reduce.RedOp.SUM) {
            for (int j = 0; j < len; j++) {
                acc[accOff + j] += v[j];
            }
        } else {
            for (int j = 0; j < len; j++) {
                acc[accOff + j] = op.combine(acc[accOff + j], v[j]);
            }
        }
    }

    /** The result chunk as doubles (for floating results). */
    public double[] doubles() {
        realize(0, 1, lastLen);
        return s.d(0, CHUNK);
    }

    /** The result chunk as longs (for integer and boolean results). */
    public long[] longs() {
        return s.l(0, CHUNK);
    }

    /** The imaginary parts of a complex result chunk. */
    public double[] imags() {
        return s.im(0, CHUNK);
    }

    /** Stores the result chunk into {@code out} at element index {@code off} with {@code stride}. */
    public void store(MemorySegment out, TypeCode t, long off, long stride, int len) {
        if (stored) {
            return;
        }
        Direct.Operand st = state[0];
        if (st.seg != null && t == TypeCode.FLOAT64 && stride == 1) {
            MemorySegment.copy(st.seg, st.off * 8, out, off * 8, len * 8L);
            return;
        }
        realize(0, 1, len);
        switch (Kind.of(t)) {
            case DOUBLE -> Loads.storeDouble(out, t, off, stride, len, s.d(0, len));
            case LONG -> Loads.storeLong(out, t, off, stride, len, s.l(0, len));
            case COMPLEX -> Loads.storeComplex(out, t, off, stride, len, s.d(0, len), s.im(0, len));
        }
    }
}
