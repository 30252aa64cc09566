package dev.legate.numeric.internal.gpu;

import dev.legate.numeric.internal.reduce.RedOp;

/**
 * Generated code with which eight consecutive lanes of a warp (a group) reduce one chunk of a row
 * exactly as {@code RedOp.reduce} does on the CPU: for fewer than eight values, one lane combines
 * them in order from the identity; otherwise lane {@code j} starts from value {@code j} and adds
 * values {@code j + 8, j + 16, ...} of the whole groups of eight (Pairwise's eight accumulators),
 * the lanes are combined as {@code ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))} through
 * shuffles, and lane 0 adds the remaining values in order. Order-free operators get the same
 * result from this order as from any other.
 *
 * <p>The code expects, in scope: {@code j} (the lane in the group, 0..7), {@code gmask} (the
 * group's lanes), {@code c0} and {@code c} (the chunk's first local coordinate along the last
 * dimension and its length, the same in all lanes of the group), and the outer local coordinates
 * named by {@code outer}. The result is in {@code p_re} (and {@code p_im} for complex values) at
 * lane 0 of the group.
 */
final class ChunkSource {
    private ChunkSource() {
    }

    /**
     * The chunk code for {@code space}'s program reduced with {@code op}; {@code complex} values
     * have two parts, each reduced alone; {@code floating} selects double or 64-bit integer
     * accumulation.
     */
    static String chunk(Space space, String indent, RedOp op, boolean floating, boolean complex, boolean unsigned,
                        String[] outer) {
        String acc = floating || complex ? "double" : "i64";
        String id = Space.identity(op, floating || complex, unsigned);
        String vt = space.valueType();
        int m = space.geometry.rank;
        StringBuilder sb = new StringBuilder();
        String in = indent + "    ";
        sb.append(indent).append(acc).append(" p_re = ").append(id).append(";\n");
        if (complex) {
            sb.append(indent).append(acc).append(" p_im = ").append(id).append(";\n");
        }
        sb.append(indent).append("if (c < 8) {\n");
        sb.append(in).append("if (j == 0) {\n");
        sb.append(in).append("    for (i64 x = c0; x < c0 + c; x++) {\n");
        sb.append(in).append("        ").append(vt).append(" v;\n");
        sb.append(space.valueAt(in + "        ", "v", coords(outer, m, "x")));
        sb.append(accumulate(in + "        ", "p", op, floating, complex, unsigned));
        sb.append(in).append("    }\n");
        sb.append(in).append("}\n");
        sb.append(indent).append("} else {\n");
        sb.append(in).append("const i64 qn = c >> 3;\n");
        sb.append(in).append(vt).append(" v;\n");
        sb.append(space.valueAt(in, "v", coords(outer, m, "c0 + j")));
        sb.append(in).append(acc).append(" r_re = ").append(complex ? "v.re" : "v").append(";\n");
        if (complex) {
            sb.append(in).append(acc).append(" r_im = v.im;\n");
        }
        sb.append(in).append("for (i64 g8 = 1; g8 < qn; g8++) {\n");
        sb.append(space.valueAt(in + "    ", "v", coords(outer, m, "c0 + (g8 << 3) + j")));
        sb.append(accumulate(in + "    ", "r", op, floating, complex, unsigned));
        sb.append(in).append("}\n");
        for (String part : complex ? new String[] {"r_re", "r_im"} : new String[] {"r_re"}) {
            sb.append(in).append("{\n");
            sb.append(in).append("    ").append(acc).append(" o = __shfl_down_sync(gmask, ").append(part)
                    .append(", 1, 8);\n");
            sb.append(in).append("    if ((j & 1) == 0) ").append(part).append(" = ")
                    .append(Space.combine(op, floating || complex, unsigned, part, "o")).append(";\n");
            sb.append(in).append("    o = __shfl_down_sync(gmask, ").append(part).append(", 2, 8);\n");
            sb.append(in).append("    if ((j & 3) == 0) ").append(part).append(" = ")
                    .append(Space.combine(op, floating || complex, unsigned, part, "o")).append(";\n");
            sb.append(in).append("    o = __shfl_down_sync(gmask, ").append(part).append(", 4, 8);\n");
            sb.append(in).append("    if (j == 0) ").append(part).append(" = ")
                    .append(Space.combine(op, floating || complex, unsigned, part, "o")).append(";\n");
            sb.append(in).append("}\n");
        }
        sb.append(in).append("if (j == 0) {\n");
        sb.append(in).append("    for (i64 x = c0 + (qn << 3); x < c0 + c; x++) {\n");
        sb.append(space.valueAt(in + "        ", "v", coords(outer, m, "x")));
        sb.append(accumulate(in + "        ", "r", op, floating, complex, unsigned));
        sb.append(in).append("    }\n");
        sb.append(in).append("    p_re = r_re;\n");
        if (complex) {
            sb.append(in).append("    p_im = r_im;\n");
        }
        sb.append(in).append("}\n");
        sb.append(indent).append("}\n");
        return sb.toString();
    }

    /** {@code prefix_re = prefix_re op v} (and the imaginary part). */
    private static String accumulate(String indent, String prefix, RedOp op, boolean floating, boolean complex,
                                     boolean unsigned) {
        boolean f = floating || complex;
        StringBuilder sb = new StringBuilder();
        String re = prefix + "_re";
        sb.append(indent).append(re).append(" = ").append(Space.combine(op, f, unsigned, re, complex ? "v.re" : "v"))
                .append(";\n");
        if (complex) {
            String im = prefix + "_im";
            sb.append(indent).append(im).append(" = ").append(Space.combine(op, f, unsigned, im, "v.im")).append(";\n");
        }
        return sb.toString();
    }

    /** The local coordinates {@code outer..., last}. */
    static String[] coords(String[] outer, int m, String last) {
        String[] q = new String[m];
        for (int d = 0; d < m - 1; d++) {
            q[d] = outer[d];
        }
        q[m - 1] = last;
        return q;
    }
}
