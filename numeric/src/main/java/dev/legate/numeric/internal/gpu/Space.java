package dev.legate.numeric.internal.gpu;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * A program evaluated over a tile of its iteration space by a generated reduction kernel: the
 * program's inputs (tiles of one rectangle, with their strides), the geometry, and the code that
 * computes the program's value at given local coordinates.
 *
 * <p>Kernel parameters, in order: per input {@code k} its pointer {@code ink} and strides
 * {@code sk_d}; the extents {@code ed}; the tile origin {@code lod}; for positional programs the
 * row-major strides {@code lsd} of the whole iteration space; then the program's constants and the
 * error flag {@code lg_err}. {@link #key} names everything the source depends on.
 */
final class Space {
    final Program program;
    private ExprSource expr;
    final Geometry geometry;
    final TypeCode[] types;
    private final String text;
    private final List<PhysicalStore> inputs;
    private final long[] shape;

    private Space(String text, List<PhysicalStore> inputs, Geometry geometry, long[] shape) {
        this.text = text;
        this.program = Program.of(text);
        this.inputs = inputs;
        this.geometry = geometry;
        this.shape = shape;
        this.types = new TypeCode[inputs.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = inputs.get(i).type().code();
        }
    }

    /**
     * The space of the program in scalar {@code first} (its constants follow) over its inputs, the
     * task's first inputs, on {@code rect}; merged dimensions unless {@code positional} or the
     * program reads positions.
     */
    static Space of(TaskContext ctx, int first, Rect rect, boolean positional) {
        String text = ctx.scalar(first).asString();
        Program p = Program.of(text);
        List<PhysicalStore> ins = new ArrayList<>(p.inputs());
        for (int i = 0; i < p.inputs(); i++) {
            ins.add(ctx.input(i).data());
        }
        long[] shape = ins.isEmpty() ? new long[0] : ins.get(0).storeShape().extents();
        Geometry g = Geometry.of(rect, ins, positional || p.positional());
        return new Space(text, ins, g, shape);
    }

    /** The program's value function (generated on first use, when a kernel's source is built). */
    ExprSource expr() {
        if (expr == null) {
            expr = ExprSource.of(program, types, geometry.rank);
        }
        return expr;
    }

    /** What the generated source depends on: program, input types, rank and merging. */
    String key() {
        StringBuilder sb = new StringBuilder(text.length() + 32).append(text).append('|');
        for (TypeCode t : types) {
            sb.append(t.ordinal()).append(',');
        }
        return sb.append('|').append(geometry.rank).toString();
    }

    /** Adds the input, geometry and position parameters. */
    void addGeometry(Params ps, DeviceContext d) {
        Geometry g = geometry;
        for (int k = 0; k < inputs.size(); k++) {
            ps.pointer("const " + CudaTypes.element(types[k]) + "*", "in" + k, d.address(inputs.get(k)));
            for (int dim = 0; dim < g.rank; dim++) {
                ps.i64("s" + k + "_" + dim, g.strides[k][dim]);
            }
        }
        for (int dim = 0; dim < g.rank; dim++) {
            ps.i64("e" + dim, g.extents[dim]);
        }
        for (int dim = 0; dim < g.rank; dim++) {
            ps.i64("lo" + dim, g.lo[dim]);
        }
        if (program.positional()) {
            long acc = 1;
            long[] lin = new long[g.rank];
            for (int dim = shape.length - 1; dim >= 0; dim--) {
                if (dim < g.rank) {
                    lin[dim] = acc;
                }
                acc *= shape[dim];
            }
            for (int dim = 0; dim < g.rank; dim++) {
                ps.i64("ls" + dim, lin[dim]);
            }
        }
    }

    /** Adds the constants (scalars after the program text at {@code first}) and the error flag. */
    void addConstants(Params ps, TaskContext ctx, int first, long flag) {
        ElementwiseGpu.addConstants(ps, program, ctx, first + 1);
        ps.pointer("int*", "lg_err", flag);
    }

    /** The program's value type in C. */
    String valueType() {
        return CudaTypes.kind(program.resultType()).ctype();
    }

    /**
     * A block of code that stores into {@code target} the program's value at local coordinates
     * {@code q} (C expressions, one per dimension).
     */
    String valueAt(String indent, String target, String[] q) {
        int m = geometry.rank;
        int n = types.length;
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("{\n");
        String[] offs = new String[n];
        for (int k = 0; k < n; k++) {
            StringBuilder o = new StringBuilder();
            for (int dim = 0; dim < m; dim++) {
                o.append(dim == 0 ? "" : " + ").append("(").append(q[dim]).append(") * s").append(k).append('_')
                        .append(dim);
            }
            sb.append(indent).append("    const i64 lg_o").append(k).append(" = ").append(o).append(";\n");
            offs[k] = "lg_o" + k;
        }
        String[] coords = new String[m];
        StringBuilder lin = new StringBuilder("(");
        if (program.positional()) {
            for (int dim = 0; dim < m; dim++) {
                sb.append(indent).append("    const i64 lg_c").append(dim).append(" = lo").append(dim).append(" + (")
                        .append(q[dim]).append(");\n");
                coords[dim] = "lg_c" + dim;
                lin.append(dim == 0 ? "" : " + ").append("lg_c").append(dim).append(" * ls").append(dim);
            }
        }
        lin.append(')');
        sb.append(indent).append("    ").append(target).append(" = ").append(expr().call(offs, coords, lin.toString()))
                .append(";\n");
        sb.append(indent).append("}\n");
        return sb.toString();
    }

    /** The number of inputs. */
    int inputCount() {
        return inputs.size();
    }

    /** Whether the program may set the error flag. */
    boolean needsErrorFlag() {
        return ElementwiseGpu.hasSignedPow(program);
    }

    /** The scalars a value type's reduction identity takes in C for {@code op}. */
    static String identity(dev.legate.numeric.internal.reduce.RedOp op, boolean floating, boolean unsigned) {
        return floating ? CudaTypes.doubleLiteral(op.identityDouble())
                : CudaTypes.longLiteral(op.identityLong(unsigned));
    }

    /** A typed C combination of {@code a} and {@code b} for {@code op} (RedOp.combine). */
    static String combine(dev.legate.numeric.internal.reduce.RedOp op, boolean floating, boolean unsigned, String a,
                          String b) {
        if (floating) {
            return switch (op) {
                case SUM -> "(" + a + " + " + b + ")";
                case PROD -> "(" + a + " * " + b + ")";
                case MIN -> "lg_min(" + a + ", " + b + ")";
                case MAX -> "lg_max(" + a + ", " + b + ")";
                case ALL -> "((" + a + " != 0 && " + b + " != 0) ? 1.0 : 0.0)";
                case ANY -> "((" + a + " != 0 || " + b + " != 0) ? 1.0 : 0.0)";
            };
        }
        return switch (op) {
            case SUM -> "lg_add(" + a + ", " + b + ")";
            case PROD -> "lg_mul(" + a + ", " + b + ")";
            case MIN -> "(lg_cmp(" + a + ", " + b + ", " + unsigned + ") <= 0 ? " + a + " : " + b + ")";
            case MAX -> "(lg_cmp(" + a + ", " + b + ", " + unsigned + ") >= 0 ? " + a + " : " + b + ")";
            case ALL -> "(i64)(" + a + " != 0 && " + b + " != 0)";
            case ANY -> "(i64)(" + a + " != 0 || " + b + " != 0)";
        };
    }
}
