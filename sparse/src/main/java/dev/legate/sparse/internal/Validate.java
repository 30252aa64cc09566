package dev.legate.sparse.internal;

import dev.legate.core.DType;
import dev.legate.core.LogicalStore;
import dev.legate.core.ShapeMismatchException;
import dev.legate.core.TypeMismatchException;

/**
 * Checks of user-given sparse structures, on the host, before anything is launched on them.
 * Messages name the first bad position and its values.
 */
public final class Validate {
    private Validate() {
    }

    /** Throws {@link TypeMismatchException} unless {@code t} is an integer type. */
    public static void requireIndexType(String what, DType t) {
        if (!t.code().isInteger()) {
            throw new TypeMismatchException(what + " must hold integers, got " + t.name());
        }
    }

    /**
     * Checks CSR (or, with rows and columns exchanged, CSC) structure: {@code indptr} has
     * {@code major + 1} entries, starts at 0, never decreases and ends at the number of indices;
     * indices lie in {@code [0, minor)} and increase strictly within each row.
     *
     * @return a message describing the first problem, or the empty string
     */
    public static String compressed(String rowWord, long major, long minor, LogicalStore indptr,
                                     LogicalStore indices) {
        if (indptr.ndim() != 1 || indptr.volume() != major + 1) {
            throw new ShapeMismatchException("indptr must have " + (major + 1) + " entries (" + rowWord
                    + "s + 1), got shape " + indptr.shape());
        }
        V1 ptr = new V1(indptr.physical().data());
        V1 crd = new V1(indices.physical().data());
        long nnz = indices.volume();
        if (ptr.l(0) != 0) {
            return "indptr[0] must be 0, got " + ptr.l(0);
        }
        for (long r = 0; r < major; r++) {
            long a = ptr.l(r);
            long b = ptr.l(r + 1);
            if (b < a) {
                return "indptr is not monotone: indptr[" + r + "] = " + a + " > indptr[" + (r + 1) + "] = " + b;
            }
            if (b > nnz) {
                return "indptr[" + (r + 1) + "] = " + b + " exceeds the number of indices, " + nnz;
            }
            long prev = -1;
            for (long k = a; k < b; k++) {
                long c = crd.l(k);
                if (c < 0 || c >= minor) {
                    return "index " + c + " at position " + k + " (" + rowWord + " " + r + ") is out of range [0, "
                            + minor + ")";
                }
                if (c <= prev) {
                    return "indices of " + rowWord + " " + r + " are not sorted and distinct: indices[" + k + "] = "
                            + c + " after indices[" + (k - 1) + "] = " + prev;
                }
                prev = c;
            }
        }
        if (ptr.l(major) != nnz) {
            return "indptr[" + major + "] = " + ptr.l(major) + " must equal the number of indices, " + nnz;
        }
        return "";
    }

    /**
     * Checks COO coordinates: same lengths, rows in {@code [0, m)}, columns in {@code [0, n)}.
     *
     * @return a message describing the first problem, or the empty string
     */
    public static String coordinates(long m, long n, LogicalStore row, LogicalStore col) {
        V1 r = new V1(row.physical().data());
        V1 c = new V1(col.physical().data());
        for (long k = 0, e = row.volume(); k < e; k++) {
            long i = r.l(k);
            long j = c.l(k);
            if (i < 0 || i >= m) {
                return "row index " + i + " at position " + k + " is out of range [0, " + m + ")";
            }
            if (j < 0 || j >= n) {
                return "column index " + j + " at position " + k + " is out of range [0, " + n + ")";
            }
        }
        return "";
    }

    /** The offsets of a DIA matrix, checked distinct; returns an empty string or the problem. */
    public static String offsets(LogicalStore offsets) {
        V1 o = new V1(offsets.physical().data());
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long k = 0, e = offsets.volume(); k < e; k++) {
            if (!seen.add(o.l(k))) {
                return "offset " + o.l(k) + " at position " + k + " repeats an earlier offset";
            }
        }
        return "";
    }

    /** Reads the int64 values of a small 1-d store on the host. */
    public static long[] longs(LogicalStore s) {
        V1 v = new V1(s.physical().data());
        long[] r = new long[Math.toIntExact(s.volume())];
        for (int i = 0; i < r.length; i++) {
            r[i] = v.l(i);
        }
        return r;
    }
}
