package dev.legate.numeric.internal.expr;

import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import java.util.List;

/**
 * A node of a fused element-wise expression, built on the host. A tree of nodes becomes one
 * task: its postfix text is the program, its {@link Op#INPUT} leaves the task's inputs and its
 * {@link Op#CONST} leaves its scalars, both in postfix order.
 *
 * <p>Input leaves keep their own shape; they are broadcast to the shape of the whole expression
 * when it is launched. Position-dependent leaves ({@link Op#COORD}, {@link Op#LINEAR}) refer to the iteration space of the launch and are only built for
 * expressions that are launched at once.
 */
public final class Expr {
    /** The largest tree fused into one task; bigger operands are materialised first. */
    public static final int MAX_NODES = 48;
    /** The most inputs fused into one task. */
    public static final int MAX_INPUTS = 12;

    private final Op op;
    private final DType dtype;
    private final Expr[] kids;
    private final int arg;
    private final LogicalStore input;
    /** What must stay reachable while this leaf may still be launched (the storage's owner). */
    private final Object owner;
    private final Scalar constant;
    private String text;
    private final int nodes;
    private final int inputs;

    private Expr(Op op, DType dtype, Expr[] kids, int arg, LogicalStore input, Object owner, Scalar constant) {
        this.op = op;
        this.owner = owner;
        this.dtype = dtype;
        this.kids = kids;
        this.arg = arg;
        this.input = input;
        this.constant = constant;
        int n = 1;
        int in = op == Op.INPUT ? 1 : 0;
        for (Expr k : kids) {
            n += k.nodes;
            in += k.inputs;
        }
        this.nodes = n;
        this.inputs = in;
    }

    /** A leaf reading {@code store} (broadcast to the launch shape when launched). */
    public static Expr input(LogicalStore store) {
        return new Expr(Op.INPUT, store.type(), new Expr[0], 0, store, null, null);
    }

    /** A leaf reading {@code store}, keeping {@code owner} (the storage's owner) reachable. */
    public static Expr input(LogicalStore store, Object owner) {
        return new Expr(Op.INPUT, store.type(), new Expr[0], 0, store, owner, null);
    }

    /** A constant leaf of the scalar's type. */
    public static Expr constant(Scalar value) {
        return new Expr(Op.CONST, value.type(), new Expr[0], 0, null, null, value);
    }

    /** The coordinate along dimension {@code dim} of the launch shape, as int64. */
    public static Expr coord(int dim) {
        return new Expr(Op.COORD, DType.INT64, new Expr[0], dim, null, null, null);
    }

    /** The row-major linear index in the launch shape, as int64. */
    public static Expr linear() {
        return new Expr(Op.LINEAR, DType.INT64, new Expr[0], 0, null, null, null);
    }

    /** An operation node producing {@code dtype}; the caller has resolved the operand types. */
    public static Expr node(Op op, DType dtype, Expr... kids) {
        if (kids.length != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " operands, got " + kids.length);
        }
        return new Expr(op, dtype, kids.clone(), 0, null, null, null);
    }

    /** {@code this} converted to {@code to}, or itself when it already has that type. */
    public Expr cast(DType to) {
        return dtype.equals(to) ? this : node(Op.CAST, to, this);
    }

    public Op op() {
        return op;
    }

    public DType dtype() {
        return dtype;
    }

    /** The store of an input leaf. */
    public LogicalStore input() {
        return input;
    }

    /** The program text: postfix tokens {@code op.type[.arg]}. */
    public String text() {
        String t = text;
        if (t == null) {
            StringBuilder sb = new StringBuilder(8 * nodes);
            appendText(sb);
            t = sb.toString();
            text = t;
        }
        return t;
    }

    private void appendText(StringBuilder sb) {
        for (Expr k : kids) {
            k.appendText(sb);
            sb.append(' ');
        }
        sb.append(op.ordinal()).append('.').append(dtype.code().ordinal());
        if (arg != 0) {
            sb.append('.').append(arg);
        }
    }

    /** The number of nodes in the tree. */
    public int nodes() {
        return nodes;
    }

    /** The number of input leaves in the tree. */
    public int inputCount() {
        return inputs;
    }

    /** Appends the input stores, in postfix order, to {@code out}. */
    public void collectInputs(List<LogicalStore> out) {
        for (Expr k : kids) {
            k.collectInputs(out);
        }
        if (op == Op.INPUT) {
            out.add(input);
        }
    }

    /** Appends the constants, in postfix order, to {@code out}. */
    public void collectConstants(List<Scalar> out) {
        for (Expr k : kids) {
            k.collectConstants(out);
        }
        if (op == Op.CONST) {
            out.add(constant);
        }
    }

    /** Whether any input leaf reads storage shared with {@code store}. */
    public boolean reads(LogicalStore store) {
        if (op == Op.INPUT) {
            return input.sharesStorage(store);
        }
        for (Expr k : kids) {
            if (k.reads(store)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This tree with every input leaf over {@code from}'s storage reading {@code to}'s instead,
     * through the same view ({@link LogicalStore#sameViewOf}), its owner {@code owner}; the tree
     * itself when no leaf reads {@code from}.
     */
    public Expr rebase(LogicalStore from, LogicalStore to, Object owner) {
        if (op == Op.INPUT) {
            return input.sharesStorage(from) ? input(input.sameViewOf(to), owner) : this;
        }
        Expr[] k = null;
        for (int i = 0; i < kids.length; i++) {
            Expr r = kids[i].rebase(from, to, owner);
            if (r != kids[i]) {
                if (k == null) {
                    k = kids.clone();
                }
                k[i] = r;
            }
        }
        return k == null ? this : new Expr(op, dtype, k, arg, null, null, constant);
    }

    /** Whether the tree is a single input leaf over exactly {@code store}'s shape. */
    public boolean isPlainInput(Shape shape) {
        return op == Op.INPUT && input.shape().equals(shape);
    }

    @Override
    public String toString() {
        return text();
    }
}
