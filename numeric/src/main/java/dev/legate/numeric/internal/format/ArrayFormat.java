package dev.legate.numeric.internal.format;

import dev.legate.core.DType;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TypeCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * NumPy's {@code repr} of an array: nested brackets, line width 75, arrays of more than 1000
 * elements summarised to 3 items at each edge, and the shape and dtype appended where they
 * cannot be inferred from the text.
 */
public final class ArrayFormat {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;

    private final PhysicalStore ps;
    private final long[] shape;
    private final boolean summary;
    private Function<Scalar, String> fmt;

    private ArrayFormat(PhysicalStore ps) {
        this.ps = ps;
        this.shape = ps.storeShape().extents();
        this.summary = ps.storeShape().volume() > THRESHOLD;
    }

    /** The repr of the host mapping {@code ps}, e.g. {@code array([1., 2.])}. */
    public static String repr(PhysicalStore ps) {
        return new ArrayFormat(ps).repr();
    }

    /** The str of the host mapping {@code ps}, e.g. {@code [1. 2.]}. */
    public static String str(PhysicalStore ps) {
        ArrayFormat f = new ArrayFormat(ps);
        if (f.shape.length == 0) {
            f.fit();
            return f.fmt.apply(f.read(new long[0])).trim();
        }
        if (ps.storeShape().volume() == 0) {
            return "[]";
        }
        f.fit();
        return f.recurse(new long[0], " ", LINE_WIDTH, " ");
    }

    private String repr() {
        DType t = ps.type();
        Shape s = ps.storeShape();
        String prefix = "array(";
        String body;
        if (s.volume() == 0) {
            body = "[]";
        } else {
            fit();
            if (shape.length == 0) {
                body = fmt.apply(read(new long[0])).trim();
            } else {
                body = recurse(new long[0], " ".repeat(prefix.length() + 1), LINE_WIDTH - 1, ", ");
            }
        }
        List<String> extras = new ArrayList<>();
        if (s.volume() == 0 && !(shape.length == 1 && shape[0] == 0) || summary) {
            extras.add("shape=" + s);
        }
        boolean implied = t.equals(DType.FLOAT64) || t.equals(DType.INT64) || t.equals(DType.BOOL)
                || t.equals(DType.COMPLEX128);
        if (!implied || s.volume() == 0) {
            extras.add("dtype=" + t.name());
        }
        if (extras.isEmpty()) {
            return prefix + body + ")";
        }
        String arr = prefix + body + ",";
        String extra = String.join(", ", extras) + ")";
        int lastLine = arr.length() - (arr.lastIndexOf('\n') + 1);
        String spacer = lastLine + extra.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat(prefix.length()) : " ";
        return arr + spacer + extra;
    }

    private Scalar read(long[] idx) {
        return Scalar.read(ps.type(), ps.segment(), ps.index(idx) * ps.type().size());
    }

    /** Chooses the element formatter from the elements that will be shown. */
    private void fit() {
        List<Scalar> shown = new ArrayList<>();
        collect(new long[0], shown);
        TypeCode c = ps.type().code();
        if (c == TypeCode.BOOL) {
            boolean zeroD = shape.length == 0;
            fmt = v -> v.asBoolean() ? (zeroD ? "True" : " True") : "False";
        } else if (c.isInteger()) {
            int w = 0;
            for (Scalar v : shown) {
                w = Math.max(w, v.toString().length());
            }
            int width = w;
            fmt = v -> {
                String s = v.toString();
                return " ".repeat(width - s.length()) + s;
            };
        } else if (c.isComplex()) {
            double[] re = new double[shown.size()];
            double[] im = new double[shown.size()];
            for (int i = 0; i < re.length; i++) {
                re[i] = shown.get(i).asDouble();
                im[i] = shown.get(i).imag();
            }
            boolean single = c == TypeCode.COMPLEX64;
            ElementFormat fr = new ElementFormat(re, single);
            ElementFormat fi = new ElementFormat(im, single);
            fmt = v -> {
                String r = fr.format(v.asDouble());
                String i = fi.format(v.imag()).trim();
                if (!i.startsWith("-")) {
                    i = "+" + i;
                }
                return r + i + "j";
            };
        } else {
            double[] d = new double[shown.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = shown.get(i).asDouble();
            }
            ElementFormat f = new ElementFormat(d, c != TypeCode.FLOAT64);
            fmt = v -> f.format(v.asDouble());
        }
    }

    private void collect(long[] idx, List<Scalar> out) {
        int axis = idx.length;
        if (axis == shape.length) {
            out.add(read(idx));
            return;
        }
        long n = shape[axis];
        boolean cut = summary && 2 * EDGE < n;
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                i = n - EDGE;
            }
            long[] next = java.util.Arrays.copyOf(idx, axis + 1);
            next[axis] = i;
            collect(next, out);
        }
    }

    /** NumPy's {@code _formatArray} recursion. */
    private String recurse(long[] idx, String hanging, int width, String sep) {
        int axis = idx.length;
        int left = shape.length - axis;
        if (left == 0) {
            return fmt.apply(read(idx));
        }
        String nextHanging = hanging + " ";
        int nextWidth = width - 1;
        long n = shape[axis];
        boolean cut = summary && 2 * EDGE < n;
        long lead = cut ? EDGE : 0;
        long trail = cut ? EDGE : n;
        StringBuilder s = new StringBuilder();
        if (left == 1) {
            int elemWidth = width - sep.stripTrailing().length();
            StringBuilder line = new StringBuilder(hanging);
            for (long i = 0; i < lead; i++) {
                extend(s, line, recurse(child(idx, i), nextHanging, nextWidth, sep), elemWidth, hanging);
                line.append(sep);
            }
            if (cut) {
                extend(s, line, "...", elemWidth, hanging);
                line.append(sep);
            }
            for (long i = trail; i > 1; i--) {
                extend(s, line, recurse(child(idx, n - i), nextHanging, nextWidth, sep), elemWidth, hanging);
                line.append(sep);
            }
            extend(s, line, recurse(child(idx, n - 1), nextHanging, nextWidth, sep), elemWidth, hanging);
            s.append(line);
        } else {
            String lineSep = sep.stripTrailing() + "\n".repeat(left - 1);
            for (long i = 0; i < lead; i++) {
                s.append(hanging).append(recurse(child(idx, i), nextHanging, nextWidth, sep)).append(lineSep);
            }
            if (cut) {
                s.append(hanging).append("...").append(lineSep);
            }
            for (long i = trail; i > 1; i--) {
                s.append(hanging).append(recurse(child(idx, n - i), nextHanging, nextWidth, sep)).append(lineSep);
            }
            s.append(hanging).append(recurse(child(idx, n - 1), nextHanging, nextWidth, sep));
        }
        return "[" + s.substring(hanging.length()) + "]";
    }

    private static long[] child(long[] idx, long i) {
        long[] next = java.util.Arrays.copyOf(idx, idx.length + 1);
        next[idx.length] = i;
        return next;
    }

    private static void extend(StringBuilder s, StringBuilder line, String word, int width, String hanging) {
        boolean wrap = line.length() + word.length() > width;
        if (line.length() <= hanging.length()) {
            wrap = false;
        }
        if (wrap) {
            s.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(hanging);
        }
        line.append(word);
    }
}
