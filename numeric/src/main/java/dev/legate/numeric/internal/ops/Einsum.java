package dev.legate.numeric.internal.ops;

import dev.legate.core.ShapeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.reduce.RedOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NumPy's {@code einsum} for one or two operands: repeated subscripts in one operand take a
 * diagonal, subscripts missing from the output are summed, two operands without shared batch
 * subscripts contract through {@code tensordot} (GEMM), otherwise through a broadcast product
 * reduced by a fused, deterministic sum. Ellipses are not supported.
 */
public final class Einsum {
    private Einsum() {
    }

    /** {@code einsum(subscripts, operands)}. */
    public static ArrayImpl einsum(String subscripts, ArrayImpl... ops) {
        String s = subscripts.replace(" ", "");
        if (s.contains(".")) {
            throw new UnsupportedOperationException("einsum: ellipses ('...') are not supported: " + subscripts);
        }
        String[] io = s.split("->", -1);
        String[] ins = io[0].split(",", -1);
        if (ins.length != ops.length) {
            throw new IllegalArgumentException("einsum: " + ins.length + " operand subscripts for " + ops.length
                    + " operands in '" + subscripts + "'");
        }
        if (ops.length < 1 || ops.length > 2) {
            throw new UnsupportedOperationException("einsum supports one or two operands, got " + ops.length);
        }
        String out = io.length > 1 ? io[1] : implicitOutput(ins);
        for (int i = 0; i < ins.length; i++) {
            if (ins[i].length() != ops[i].shape().ndim()) {
                throw new ShapeMismatchException("einsum: operand " + i + " has shape " + ops[i].shape() + " but "
                        + ins[i].length() + " subscripts '" + ins[i] + "'");
            }
        }
        String[] sub = ins.clone();
        ArrayImpl[] a = ops.clone();
        for (int i = 0; i < a.length; i++) {
            String keep = out + (a.length == 2 ? sub[1 - i] : "");
            Object[] r = diagonals(a[i], sub[i]);
            a[i] = (ArrayImpl) r[0];
            sub[i] = (String) r[1];
            Object[] q = sumUnused(a[i], sub[i], keep);
            a[i] = (ArrayImpl) q[0];
            sub[i] = (String) q[1];
        }
        if (a.length == 1) {
            return permute(a[0], sub[0], out);
        }
        String contracted = "";
        String batch = "";
        for (char c : sub[0].toCharArray()) {
            if (sub[1].indexOf(c) >= 0) {
                if (out.indexOf(c) >= 0) {
                    batch += c;
                } else {
                    contracted += c;
                }
            }
        }
        for (char c : contracted.toCharArray()) {
            long ea = a[0].shape().extent(sub[0].indexOf(c));
            long eb = a[1].shape().extent(sub[1].indexOf(c));
            if (ea != eb) {
                throw new ShapeMismatchException("einsum: subscript '" + c + "' has extents " + ea + " and " + eb);
            }
        }
        if (batch.isEmpty()) {
            int[] ax = new int[contracted.length()];
            int[] bx = new int[contracted.length()];
            for (int i = 0; i < ax.length; i++) {
                ax[i] = sub[0].indexOf(contracted.charAt(i));
                bx[i] = sub[1].indexOf(contracted.charAt(i));
            }
            ArrayImpl r = LinalgOps.tensordot(a[0], a[1], ax, bx);
            String rs = strip(sub[0], contracted) + strip(sub[1], contracted);
            return permute(r, rs, out);
        }
        String all = out + contracted;
        ArrayImpl pa = align(a[0], sub[0], all);
        ArrayImpl pb = align(a[1], sub[1], all);
        ArrayImpl prod = Ufuncs.apply(UFunc.MULTIPLY, Optional.empty(), pa, pb);
        if (contracted.isEmpty()) {
            return prod;
        }
        int[] axes = new int[contracted.length()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = out.length() + i;
        }
        return ReduceOps.reduce(RedOp.SUM, prod, axes, false);
    }

    private static String implicitOutput(String[] ins) {
        StringBuilder sb = new StringBuilder();
        String all = String.join("", ins);
        for (char c = 'A'; c <= 'z'; c++) {
            if (all.indexOf(c) >= 0 && all.indexOf(c) == all.lastIndexOf(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String strip(String s, String remove) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (remove.indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Takes the diagonal for each subscript repeated in one operand. */
    private static Object[] diagonals(ArrayImpl a, String sub) {
        for (int i = 0; i < sub.length(); i++) {
            int j = sub.indexOf(sub.charAt(i), i + 1);
            if (j > 0) {
                if (sub.length() != 2) {
                    throw new UnsupportedOperationException("einsum: repeated subscripts are supported for 2-d operands"
                            + " only, got '" + sub + "'");
                }
                return new Object[] {Views.diagonal(a, 0, false), String.valueOf(sub.charAt(i))};
            }
        }
        return new Object[] {a, sub};
    }

    /** Sums the axes whose subscripts appear neither in {@code keep}. */
    private static Object[] sumUnused(ArrayImpl a, String sub, String keep) {
        List<Integer> axes = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < sub.length(); i++) {
            if (keep.indexOf(sub.charAt(i)) < 0) {
                axes.add(i);
            } else {
                rest.append(sub.charAt(i));
            }
        }
        if (axes.isEmpty()) {
            return new Object[] {a, sub};
        }
        return new Object[] {ReduceOps.reduce(RedOp.SUM, a, axes.stream().mapToInt(Integer::intValue).toArray(),
                false), rest.toString()};
    }

    /** {@code a} (subscripts {@code sub}) with its axes in the order of {@code out}. */
    private static ArrayImpl permute(ArrayImpl a, String sub, String out) {
        if (sub.length() != out.length()) {
            throw new IllegalArgumentException("einsum: output subscripts '" + out + "' do not match '" + sub + "'");
        }
        int[] perm = new int[out.length()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = sub.indexOf(out.charAt(i));
            if (perm[i] < 0) {
                throw new IllegalArgumentException("einsum: output subscript '" + out.charAt(i)
                        + "' does not appear in the inputs");
            }
        }
        return Views.transpose(a, perm);
    }

    /** {@code a} transposed and expanded so that its axes follow {@code all} (extent 1 where absent). */
    private static ArrayImpl align(ArrayImpl a, String sub, String all) {
        List<Integer> perm = new ArrayList<>();
        for (char c : all.toCharArray()) {
            int i = sub.indexOf(c);
            if (i >= 0) {
                perm.add(i);
            }
        }
        ArrayImpl t = Views.transpose(a, perm.stream().mapToInt(Integer::intValue).toArray());
        for (int d = 0; d < all.length(); d++) {
            if (sub.indexOf(all.charAt(d)) < 0) {
                t = Views.expandDims(t, d);
            }
        }
        return t;
    }
}
