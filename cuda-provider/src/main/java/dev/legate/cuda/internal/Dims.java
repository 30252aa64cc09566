package dev.legate.cuda.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The iteration shape of a tile as the strided kernels see it: dimensions of extent 1 dropped and
 * neighbours merged wherever every operand's strides allow it (stride of the outer equals stride
 * times extent of the inner), so a dense tile becomes one dimension of stride 1 and a transposed
 * or sliced one as few dimensions as its layout permits.
 *
 * @param extents extents, outermost first (at least one; all positive)
 * @param strides one array of element strides per operand, aligned with {@code extents}
 */
record Dims(long[] extents, long[][] strides) {
    /** The kernels take at most this many dimensions; the host loops over the rest. */
    static final int KERNEL_DIMS = 4;

    /** Collapses the tile of the given extents (none zero) seen through each operand's strides. */
    static Dims of(long[] extents, long[]... operandStrides) {
        List<Long> ext = new ArrayList<>();
        List<long[]> str = new ArrayList<>();
        for (int d = 0; d < extents.length; d++) {
            if (extents[d] == 1) {
                continue;
            }
            long[] s = new long[operandStrides.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = operandStrides[k][d];
            }
            int last = ext.size() - 1;
            if (last >= 0 && mergeable(str.get(last), ext.get(last), s, extents[d])) {
                ext.set(last, ext.get(last) * extents[d]);
                str.set(last, s);
            } else {
                ext.add(extents[d]);
                str.add(s);
            }
        }
        if (ext.isEmpty()) {
            ext.add(1L);
            str.add(new long[operandStrides.length]);
            for (int k = 0; k < operandStrides.length; k++) {
                str.get(0)[k] = 1;
            }
        }
        long[] e = new long[ext.size()];
        long[][] s = new long[operandStrides.length][ext.size()];
        for (int d = 0; d < e.length; d++) {
            e[d] = ext.get(d);
            for (int k = 0; k < operandStrides.length; k++) {
                s[k][d] = str.get(d)[k];
            }
        }
        return new Dims(e, s);
    }

    /** Whether outer dimension (strides {@code so}) can absorb the inner one (strides {@code si}, extent {@code ei}). */
    private static boolean mergeable(long[] so, long eo, long[] si, long ei) {
        for (int k = 0; k < so.length; k++) {
            if (so[k] != si[k] * ei) {
                return false;
            }
        }
        return true;
    }

    /** The number of elements. */
    long volume() {
        long v = 1;
        for (long e : extents) {
            v *= e;
        }
        return v;
    }

    /** Whether every operand is dense: one dimension of stride 1. */
    boolean contiguous() {
        if (extents.length != 1) {
            return false;
        }
        for (long[] s : strides) {
            if (s[0] != 1) {
                return false;
            }
        }
        return true;
    }

    /** The dimensions the host loops over (those beyond the innermost {@link #KERNEL_DIMS}). */
    int outerDims() {
        return Math.max(0, extents.length - KERNEL_DIMS);
    }

    /** Number of kernel launches: the product of the outer extents. */
    long launches() {
        long n = 1;
        for (int d = 0; d < outerDims(); d++) {
            n *= extents[d];
        }
        return n;
    }

    /** The element offset of operand {@code k} at the start of launch {@code launch}. */
    long launchOffset(int k, long launch) {
        long off = 0;
        for (int d = outerDims() - 1; d >= 0; d--) {
            long i = launch % extents[d];
            launch /= extents[d];
            off += i * strides[k][d];
        }
        return off;
    }

    /**
     * The kernel's view of one launch: {@code n, e1, e2, e3} then four strides per operand, the
     * inner dimensions padded at the front with extent 1 and stride 0.
     */
    Object[] kernelShape() {
        int outer = outerDims();
        int inner = extents.length - outer;
        long[] e = {1, 1, 1, 1};
        long[][] s = new long[strides.length][KERNEL_DIMS];
        long n = 1;
        for (int d = 0; d < inner; d++) {
            int slot = KERNEL_DIMS - inner + d;
            e[slot] = extents[outer + d];
            n *= e[slot];
            for (int k = 0; k < strides.length; k++) {
                s[k][slot] = strides[k][outer + d];
            }
        }
        Object[] out = new Object[4 + KERNEL_DIMS * strides.length];
        out[0] = n;
        out[1] = e[1];
        out[2] = e[2];
        out[3] = e[3];
        for (int k = 0; k < strides.length; k++) {
            for (int d = 0; d < KERNEL_DIMS; d++) {
                out[4 + k * KERNEL_DIMS + d] = s[k][d];
            }
        }
        return out;
    }
}
