package dev.legate.numeric.internal.expr;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * float64 binary operations whose operands may be read in place: a contiguous run of a tile
 * (segment and element offset), a constant, or a chunk buffer; the result goes to a buffer or
 * straight into the output tile. Avoiding the copies into buffers makes the common fused
 * expressions over contiguous float64 data run at memory speed (the JIT vectorizes these
 * loops).
 */
final class Direct {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Direct() {
    }

    /** Whether {@code op} has in-place variants here. */
    static boolean handles(Op op) {
        return op == Op.ADD || op == Op.SUB || op == Op.MUL || op == Op.DIV;
    }

    /** An operand: a segment run ({@code seg != null}), a constant ({@code isConst}) or a buffer. */
    static final class Operand {
        MemorySegment seg;
        long off;
        boolean isConst;
        double value;
        double[] buf;
    }

    /** {@code dst[j] = a op b} for {@code j < len}; {@code dst} is a buffer or ({@code out != null}) the output run. */
    static void binary(Op op, Operand a, Operand b, double[] dst, MemorySegment out, long outOff, int len) {
        if (out != null) {
            toSegment(op, a, b, out, outOff, len);
            return;
        }
        if (a.seg != null && b.seg != null) {
            segSeg(op, a.seg, a.off, b.seg, b.off, dst, len);
        } else if (a.seg != null) {
            if (b.isConst) {
                segConst(op, a.seg, a.off, b.value, dst, len);
            } else {
                segBuf(op, a.seg, a.off, b.buf, dst, len);
            }
        } else if (b.seg != null) {
            if (a.isConst) {
                constSeg(op, a.value, b.seg, b.off, dst, len);
            } else {
                bufSeg(op, a.buf, b.seg, b.off, dst, len);
            }
        } else if (b.isConst) {
            bufConst(op, a.buf, b.value, dst, len);
        } else if (a.isConst) {
            constBuf(op, a.value, b.buf, dst, len);
        } else {
            bufBuf(op, a.buf, b.buf, dst, len);
        }
    }

    private static double get(Operand o, int j) {
        return o.seg != null ? o.seg.getAtIndex(D, o.off + j) : o.isConst ? o.value : o.buf[j];
    }

    private static void toSegment(Op op, Operand a, Operand b, MemorySegment out, long o, int len) {
        if (a.seg != null && b.seg != null) {
            MemorySegment x = a.seg;
            MemorySegment y = b.seg;
            long xo = a.off;
            long yo = b.off;
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x.getAtIndex(D, xo + j) + y.getAtIndex(D, yo + j));
                    }
                }
                case SUB -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x.getAtIndex(D, xo + j) - y.getAtIndex(D, yo + j));
                    }
                }
                case MUL -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x.getAtIndex(D, xo + j) * y.getAtIndex(D, yo + j));
                    }
                }
                default -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x.getAtIndex(D, xo + j) / y.getAtIndex(D, yo + j));
                    }
                }
            }
            return;
        }
        if (a.seg == null && !a.isConst && b.seg != null) {
            double[] x = a.buf;
            MemorySegment y = b.seg;
            long yo = b.off;
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] + y.getAtIndex(D, yo + j));
                    }
                }
                case SUB -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] - y.getAtIndex(D, yo + j));
                    }
                }
                case MUL -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] * y.getAtIndex(D, yo + j));
                    }
                }
                default -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] / y.getAtIndex(D, yo + j));
                    }
                }
            }
            return;
        }
        if (a.seg == null && !a.isConst && b.isConst) {
            double[] x = a.buf;
            double c = b.value;
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] + c);
                    }
                }
                case SUB -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] - c);
                    }
                }
                case MUL -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] * c);
                    }
                }
                default -> {
                    for (int j = 0; j < len; j++) {
                        out.setAtIndex(D, o + j, x[j] / c);
                    }
                }
            }
            return;
        }
        for (int j = 0; j < len; j++) {
            out.setAtIndex(D, o + j, apply(op, get(a, j), get(b, j)));
        }
    }

    private static double apply(Op op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            default -> x / y;
        };
    }

    private static void segSeg(Op op, MemorySegment x, long xo, MemorySegment y, long yo, double[] d, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) + y.getAtIndex(D, yo + j);
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) - y.getAtIndex(D, yo + j);
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) * y.getAtIndex(D, yo + j);
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) / y.getAtIndex(D, yo + j);
                }
            }
        }
    }

    private static void segBuf(Op op, MemorySegment x, long xo, double[] y, double[] d, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) + y[j];
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) - y[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) * y[j];
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) / y[j];
                }
            }
        }
    }

    private static void bufSeg(Op op, double[] x, MemorySegment y, long yo, double[] d, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] + y.getAtIndex(D, yo + j);
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] - y.getAtIndex(D, yo + j);
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] * y.getAtIndex(D, yo + j);
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] / y.getAtIndex(D, yo + j);
                }
            }
        }
    }

    private static void segConst(Op op, MemorySegment x, long xo, double c, double[] d, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) + c;
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) - c;
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) * c;
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x.getAtIndex(D, xo + j) / c;
                }
            }
        }
    }

    private static void constSeg(Op op, double c, MemorySegment y, long yo, double[] d, int len) {
        for (int j = 0; j < len; j++) {
            d[j] = apply(op, c, y.getAtIndex(D, yo + j));
        }
    }

    private static void bufConst(Op op, double[] x, double c, double[] d, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] + c;
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] - c;
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] * c;
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] / c;
                }
            }
        }
    }

    private static void constBuf(Op op, double c, double[] y, double[] d, int len) {
        for (int j = 0; j < len; j++) {
            d[j] = apply(op, c, y[j]);
        }
    }

    private static void bufBuf(Op op, double[] x, double[] y, double[] d, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] + y[j];
                }
            }
            case SUB -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] - y[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] * y[j];
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    d[j] = x[j] / y[j];
                }
            }
        }
    }
}
