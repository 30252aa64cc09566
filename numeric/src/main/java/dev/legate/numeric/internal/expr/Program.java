package dev.legate.numeric.internal.expr;

import dev.legate.core.TypeCode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed element-wise program: the postfix instructions of an {@link Expr} with, for each,
 * its result type, the stack slot it writes and the types of its operands. Parsed programs
 * are cached by text, so a program run on many tiles or many times is parsed once.
 */
public final class Program {
    private static final ConcurrentHashMap<String, Program> CACHE = new ConcurrentHashMap<>();
    private static final TypeCode[] CODES = TypeCode.values();

    final Op[] ops;
    final TypeCode[] types;
    final int[] args;
    /** Slot written by each instruction (its operands are in the slots just above). */
    final int[] slots;
    /** Type of the first and second operand of each instruction (null when absent). */
    final TypeCode[] type0;
    final TypeCode[] type1;
    /** Input index of INPUT leaves, constant index of CONST leaves. */
    final int[] leafIndex;
    final int depth;
    final int inputs;
    final int constants;
    final boolean positional;

    private Program(String text) {
        String[] tok = text.trim().split(" ");
        int n = tok.length;
        ops = new Op[n];
        types = new TypeCode[n];
        args = new int[n];
        slots = new int[n];
        type0 = new TypeCode[n];
        type1 = new TypeCode[n];
        leafIndex = new int[n];
        TypeCode[] stack = new TypeCode[n + 1];
        int sp = 0;
        int maxSp = 0;
        int in = 0;
        int cs = 0;
        boolean pos = false;
        for (int i = 0; i < n; i++) {
            String[] f = tok[i].split("\\.");
            ops[i] = Op.of(Integer.parseInt(f[0]));
            types[i] = CODES[Integer.parseInt(f[1])];
            args[i] = f.length > 2 ? Integer.parseInt(f[2]) : 0;
            int ar = ops[i].arity();
            if (sp < ar) {
                throw new IllegalArgumentException("malformed program '" + text + "' at token " + i);
            }
            sp -= ar;
            if (ar >= 1) {
                type0[i] = stack[sp];
            }
            if (ar >= 2) {
                type1[i] = stack[sp + 1];
            }
            slots[i] = sp;
            switch (ops[i]) {
                case INPUT -> leafIndex[i] = in++;
                case CONST -> leafIndex[i] = cs++;
                case COORD, LINEAR -> pos = true;
                default -> {
                }
            }
            stack[sp++] = types[i];
            maxSp = Math.max(maxSp, sp);
        }
        if (sp != 1) {
            throw new IllegalArgumentException("malformed program '" + text + "': " + sp + " values left");
        }
        depth = maxSp;
        inputs = in;
        constants = cs;
        positional = pos;
    }

    /** The parsed program for {@code text}. */
    public static Program of(String text) {
        Program p = CACHE.get(text);
        if (p == null) {
            p = new Program(text);
            Program q = CACHE.putIfAbsent(text, p);
            if (q != null) {
                p = q;
            }
        }
        return p;
    }

    /** The number of instructions. */
    public int length() {
        return ops.length;
    }

    /** The result type of the program. */
    public TypeCode resultType() {
        return types[types.length - 1];
    }

    /** The number of input leaves. */
    public int inputs() {
        return inputs;
    }

    /** The number of constant leaves (including the two per random leaf). */
    public int constants() {
        return constants;
    }

    /** Whether the program reads positions (coordinates or linear indices). */
    public boolean positional() {
        return positional;
    }

    /** The operation of instruction {@code i} (for code generators such as the GPU variants'). */
    public Op op(int i) {
        return ops[i];
    }

    /** The result type of instruction {@code i}. */
    public TypeCode type(int i) {
        return types[i];
    }

    /** The argument of instruction {@code i}: the dimension of a {@link Op#COORD} leaf, else 0. */
    public int arg(int i) {
        return args[i];
    }

    /** The type of operand {@code k} (0 or 1) of instruction {@code i}; null when it has none. */
    public TypeCode operandType(int i, int k) {
        return k == 0 ? type0[i] : type1[i];
    }

    /** The input index of an {@link Op#INPUT} leaf or the constant index of a {@link Op#CONST} leaf. */
    public int leafIndex(int i) {
        return leafIndex[i];
    }
}
