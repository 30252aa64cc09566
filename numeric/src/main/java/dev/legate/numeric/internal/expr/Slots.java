package dev.legate.numeric.internal.expr;

/**
 * The value stack of the element-wise interpreter: per slot, a chunk of doubles (real values),
 * longs (integers and booleans) and doubles (imaginary parts), allocated on first use and
 * reused across chunks, tasks and programs on the same thread.
 */
final class Slots {
    private static final ThreadLocal<Slots> LOCAL = ThreadLocal.withInitial(Slots::new);
    double[][] d = new double[0][];
    long[][] l = new long[0][];
    double[][] im = new double[0][];

    /** This thread's slots, with room for {@code depth} values of {@code chunk} elements. */
    static Slots get(int depth, int chunk) {
        Slots s = LOCAL.get();
        if (s.d.length < depth) {
            s.d = java.util.Arrays.copyOf(s.d, depth);
            s.l = java.util.Arrays.copyOf(s.l, depth);
            s.im = java.util.Arrays.copyOf(s.im, depth);
        }
        return s;
    }

    double[] d(int slot, int chunk) {
        double[] a = d[slot];
        if (a == null || a.length < chunk) {
            a = new double[Math.max(chunk, Interpreter.CHUNK)];
            d[slot] = a;
        }
        return a;
    }

    long[] l(int slot, int chunk) {
        long[] a = l[slot];
        if (a == null || a.length < chunk) {
            a = new long[Math.max(chunk, Interpreter.CHUNK)];
            l[slot] = a;
        }
        return a;
    }

    double[] im(int slot, int chunk) {
        double[] a = im[slot];
        if (a == null || a.length < chunk) {
            a = new double[Math.max(chunk, Interpreter.CHUNK)];
            im[slot] = a;
        }
        return a;
    }
}
