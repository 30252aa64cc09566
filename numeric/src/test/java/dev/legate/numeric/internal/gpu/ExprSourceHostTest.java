package dev.legate.numeric.internal.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;
import dev.legate.core.Scalar;
import dev.legate.core.Shape;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Interpreter;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.expr.Program;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated expression code ({@link ExprSource} over {@code prelude.cuh}) computes what the
 * CPU interpreter computes: every unary and binary operation and every cast, on every element type,
 * over inputs full of special values, compiled as host C++ with g++ (no GPU needed) and compared
 * with {@link Interpreter} element by element. Results of IEEE operations and integer arithmetic
 * must be bitwise equal (NaN payloads aside); results of transcendental functions, which come from
 * different libraries on the two sides, within a few ulps. Skipped, saying why, without g++.
 */
class ExprSourceHostTest {
    private static final int N = 96;
    private static final TypeCode[] TYPES = {TypeCode.BOOL, TypeCode.INT8, TypeCode.INT16, TypeCode.INT32,
        TypeCode.INT64, TypeCode.UINT8, TypeCode.UINT16, TypeCode.UINT32, TypeCode.UINT64, TypeCode.FLOAT16,
        TypeCode.FLOAT32, TypeCode.FLOAT64, TypeCode.COMPLEX64, TypeCode.COMPLEX128};
    /** Operations whose floating results come from a math library rather than IEEE basic operations. */
    private static final Set<Op> LIBM = EnumSet.of(Op.CBRT, Op.EXP, Op.EXPM1, Op.EXP2, Op.LOG, Op.LOG1P, Op.LOG2,
            Op.LOG10, Op.SIN, Op.COS, Op.TAN, Op.ASIN, Op.ACOS, Op.ATAN, Op.SINH, Op.COSH, Op.TANH, Op.ASINH,
            Op.ACOSH, Op.ATANH, Op.ATAN2, Op.HYPOT, Op.POW);

    /** One program on random inputs with the interpreter's result. */
    private record Case(String text, Program program, TypeCode[] inputs, MemorySegment[] data, Scalar[] consts,
                        TypeCode out, MemorySegment expected, boolean exact) {
    }

    private static String tok(Op op, TypeCode t) {
        return op.ordinal() + "." + t.ordinal();
    }

    private static TypeCode predicateOr(Op op, TypeCode t) {
        return switch (op) {
            case ISNAN, ISINF, ISFINITE, SIGNBIT, NOT, EQ, NE, LT, LE, GT, GE, AND, OR, XOR -> TypeCode.BOOL;
            case ABS, REAL, IMAG -> t.isComplex() ? (t == TypeCode.COMPLEX64 ? TypeCode.FLOAT32 : TypeCode.FLOAT64)
                    : t;
            default -> t;
        };
    }

    private static List<String> programs() {
        List<String> texts = new ArrayList<>();
        for (TypeCode t : TYPES) {
            for (Op op : Op.values()) {
                if (op.arity() == 1 && op != Op.CAST) {
                    texts.add(tok(Op.INPUT, t) + " " + tok(op, predicateOr(op, t)));
                } else if (op.arity() == 2) {
                    texts.add(tok(Op.INPUT, t) + " " + tok(Op.INPUT, t) + " " + tok(op, predicateOr(op, t)));
                }
            }
            for (TypeCode to : TYPES) {
                texts.add(tok(Op.INPUT, t) + " " + tok(Op.CAST, to));
            }
            texts.add(tok(Op.INPUT, TypeCode.BOOL) + " " + tok(Op.INPUT, t) + " " + tok(Op.INPUT, t) + " "
                    + tok(Op.WHERE, t));
            texts.add(tok(Op.INPUT, t) + " " + tok(Op.CONST, t) + " " + tok(Op.SUB, t));
        }
        String f = String.valueOf(TypeCode.FLOAT64.ordinal());
        // a * b + c, and the Jacobi sweep's 0.25 * (((u + d) + l) + r)
        texts.add("0." + f + " 0." + f + " " + Op.MUL.ordinal() + "." + f + " 0." + f + " " + Op.ADD.ordinal() + "." + f);
        texts.add("0." + f + " 0." + f + " " + Op.ADD.ordinal() + "." + f + " 0." + f + " " + Op.ADD.ordinal() + "."
                + f + " 0." + f + " " + Op.ADD.ordinal() + "." + f + " 1." + f + " " + Op.MUL.ordinal() + "." + f);
        String s = String.valueOf(TypeCode.FLOAT32.ordinal());
        // float32: (a - b) ** 2 / c, rounded at every step
        texts.add("0." + s + " 0." + s + " " + Op.SUB.ordinal() + "." + s + " " + Op.SQUARE.ordinal() + "." + s + " 0."
                + s + " " + Op.DIV.ordinal() + "." + s);
        // positions: linear index + coordinate as float64
        String l = String.valueOf(TypeCode.INT64.ordinal());
        texts.add(Op.LINEAR.ordinal() + "." + l + " " + Op.COORD.ordinal() + "." + l + " " + Op.ADD.ordinal() + "."
                + l + " " + Op.CAST.ordinal() + "." + f);
        return texts;
    }

    private static boolean exact(Program p) {
        for (int i = 0; i < p.length(); i++) {
            Op op = p.op(i);
            TypeCode t = p.operandType(i, 0);
            boolean real = t != null && (t.isFloating() || t.isComplex());
            if (real && LIBM.contains(op)) {
                return false;
            }
            if (t != null && t.isComplex() && (op == Op.SQRT || op == Op.ABS)) {
                return false;
            }
        }
        return true;
    }

    private static void fill(MemorySegment seg, TypeCode t, Random r, boolean exponent) {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0, -1.0, 0.5,
            2.0, -2.0, 3.0, 7.5, -7.5, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, 1e300, -1e-300, 1e-7,
            65504.0, 65520.0, 6.1e-5, 3.4028235e38, 1.5e-45, 0x1p53 + 2, -0x1p63, 0x1p63, 0x1p64, 0.75, 1e16};
        long[] ispecial = {0, 1, -1, 2, 3, 7, 8, 15, 16, 31, 32, 63, 64, 65, -64, Long.MIN_VALUE, Long.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MAX_VALUE, 255, 256, -128, 127, 65535, 0xFFFF_FFFFL};
        for (int j = 0; j < N; j++) {
            double d = j < special.length ? special[j] : switch (r.nextInt(3)) {
                case 0 -> r.nextGaussian() * 10;
                case 1 -> r.nextInt(41) - 20;
                default -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            };
            long v = j < ispecial.length ? ispecial[j] : r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(200) - 100;
            if (exponent) {
                v = Math.floorMod(v, 70);
            }
            switch (t) {
                case FLOAT64 -> seg.setAtIndex(ValueLayout.JAVA_DOUBLE, j, d);
                case FLOAT32 -> seg.setAtIndex(ValueLayout.JAVA_FLOAT, j, (float) d);
                case FLOAT16 -> seg.setAtIndex(ValueLayout.JAVA_SHORT, j,
                        r.nextInt(3) == 0 ? (short) r.nextInt() : Float.floatToFloat16((float) d));
                case COMPLEX128 -> {
                    seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 2L * j, d);
                    seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 2L * j + 1, r.nextInt(4) == 0 ? 0.0 : r.nextGaussian());
                }
                case COMPLEX64 -> {
                    seg.setAtIndex(ValueLayout.JAVA_FLOAT, 2L * j, (float) d);
                    seg.setAtIndex(ValueLayout.JAVA_FLOAT, 2L * j + 1, r.nextInt(4) == 0 ? 0f : (float) r.nextGaussian());
                }
                case INT64, UINT64 -> seg.setAtIndex(ValueLayout.JAVA_LONG, j, v);
                case INT32, UINT32 -> seg.setAtIndex(ValueLayout.JAVA_INT, j, (int) v);
                case INT16, UINT16 -> seg.setAtIndex(ValueLayout.JAVA_SHORT, j, (short) v);
                case INT8, UINT8 -> seg.set(ValueLayout.JAVA_BYTE, j, (byte) v);
                case BOOL -> seg.set(ValueLayout.JAVA_BYTE, j, (byte) (v & 1));
                default -> throw new IllegalArgumentException(t.toString());
            }
        }
    }

    private static PhysicalStore host(TypeCode t, MemorySegment seg) {
        return new PhysicalStore(new DType.Primitive(t), Shape.of(N), Rect.of1(0, N), seg, 0, 0, new long[] {1}, true,
                Optional.empty(), false);
    }

    /** The interpreter's result, or empty when it has no loop for the program (or it throws). */
    private static Optional<Case> evaluate(String text, Arena arena, Random r) {
        Program p = Program.of(text);
        TypeCode[] in = new TypeCode[p.inputs()];
        MemorySegment[] data = new MemorySegment[in.length];
        PhysicalStore[] stores = new PhysicalStore[in.length];
        for (int i = 0, k = 0; i < p.length(); i++) {
            if (p.op(i) == Op.INPUT) {
                in[k] = p.type(i);
                data[k] = arena.allocate((long) N * in[k].size(), 16);
                boolean exponent = k == 1 && p.op(p.length() - 1) == Op.POW && !in[k].isFloating()
                        && !in[k].isComplex() && !in[k].isUnsigned();
                fill(data[k], in[k], r, exponent);
                stores[k] = host(in[k], data[k]);
                k++;
            }
        }
        Scalar[] consts = new Scalar[p.constants()];
        for (int i = 0; i < p.length(); i++) {
            if (p.op(i) == Op.CONST) {
                TypeCode t = p.type(i);
                DType dt = new DType.Primitive(t);
                consts[p.leafIndex(i)] = t.isComplex() ? Scalar.complex(dt, 1.25, -0.5)
                        : t.isFloating() ? Scalar.of(dt, 0.1) : Scalar.ofInteger(dt, t == TypeCode.BOOL ? 1 : 3);
            }
        }
        TypeCode out = p.resultType();
        MemorySegment expected = arena.allocate((long) N * out.size(), 16);
        try {
            Interpreter it = new Interpreter(p, stores, consts, new long[] {N});
            long[] off = new long[in.length];
            long[] stride = new long[in.length];
            java.util.Arrays.fill(stride, 1);
            it.eval(off, stride, N, new long[] {0});
            it.store(expected, out, 0, 1, N);
        } catch (UnsupportedOperationException | ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Case(text, p, in, data, consts, out, expected, exact(p)));
    }

    @Test
    void generatedExpressionsComputeWhatTheInterpreterComputes() throws Exception {
        Optional<String> gxx = HostTools.find("g++");
        if (gxx.isEmpty()) {
            System.out.println("ExprSourceHostTest skipped: g++ is not on the PATH");
            return;
        }
        Path dir = Files.createTempDirectory("legate-expr-host");
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(42);
            List<Case> cases = new ArrayList<>();
            for (String text : programs()) {
                evaluate(text, arena, r).ifPresent(cases::add);
            }
            assertTrue(cases.size() > 400, "programs the interpreter runs: " + cases.size());
            StringBuilder src = new StringBuilder();
            src.append("#include <math.h>\n#include <stdio.h>\n#include <stdlib.h>\n");
            src.append("#define __device__\n#define __forceinline__ inline\n");
            src.append(Generated.prelude());
            StringBuilder main = new StringBuilder("int main(int argc, char** argv) {\n    int err = 0;\n"
                    + "    int* lg_err = &err;\n    char path[4096];\n");
            for (int c = 0; c < cases.size(); c++) {
                Case k = cases.get(c);
                ExprSource es = ExprSource.of(k.program, k.inputs, 1);
                String fn = "lg_value_" + c;
                src.append(es.function().replace(ExprSource.FUNCTION + "(", fn + "("));
                main.append("    {\n");
                String[] offs = new String[k.inputs.length];
                for (int i = 0; i < k.inputs.length; i++) {
                    String el = CudaTypes.element(k.inputs[i]);
                    long count = (long) N * (k.inputs[i].isComplex() ? 2 : 1);
                    main.append("        static ").append(el).append(" in").append(i).append("[").append(count)
                            .append("];\n");
                    main.append("        snprintf(path, sizeof path, \"%s/c").append(c).append("_").append(i)
                            .append("\", argv[1]);\n");
                    main.append("        { FILE* f = fopen(path, \"rb\"); if (!f || fread(in").append(i)
                            .append(", 1, sizeof in").append(i).append(", f) != sizeof in").append(i)
                            .append(") return 2; fclose(f); }\n");
                    offs[i] = "j";
                }
                String ot = CudaTypes.element(k.out);
                main.append("        static ").append(ot).append(" out[").append(N * (k.out.isComplex() ? 2 : 1))
                        .append("];\n");
                main.append("        for (i64 j = 0; j < ").append(N).append("; j++) {\n");
                for (int i = 0; i < k.program.length(); i++) {
                    if (k.program.op(i) == Op.CONST) {
                        int q = k.program.leafIndex(i);
                        Scalar s = k.consts[q];
                        switch (CudaTypes.kind(k.program.type(i))) {
                            case DOUBLE -> main.append("            const double k").append(q).append(" = ")
                                    .append(CudaTypes.doubleLiteral(s.asDouble())).append(";\n");
                            case LONG -> main.append("            const i64 k").append(q).append(" = ")
                                    .append(CudaTypes.longLiteral(s.asLong())).append(";\n");
                            case COMPLEX -> main.append("            const double k").append(q).append("r = ")
                                    .append(CudaTypes.doubleLiteral(s.asDouble())).append(", k").append(q)
                                    .append("i = ").append(CudaTypes.doubleLiteral(s.imag())).append(";\n");
                        }
                    }
                }
                main.append("            const ").append(CudaTypes.kind(k.out).ctype()).append(" v = ")
                        .append(es.call(offs, new String[] {"j"}, "j").replace(ExprSource.FUNCTION + "(", fn + "("))
                        .append(";\n");
                main.append("            ").append(CudaTypes.store(k.out, "out", "j", "v")).append("\n");
                main.append("        }\n");
                main.append("        snprintf(path, sizeof path, \"%s/o").append(c).append("\", argv[1]);\n");
                main.append("        { FILE* f = fopen(path, \"wb\"); fwrite(out, 1, sizeof out, f); fclose(f); }\n");
                main.append("    }\n");
                for (int i = 0; i < k.inputs.length; i++) {
                    Files.write(dir.resolve("c" + c + "_" + i), k.data[i].toArray(ValueLayout.JAVA_BYTE));
                }
            }
            main.append("    return 0;\n}\n");
            src.append(main);
            Path cpp = dir.resolve("harness.cpp");
            Files.writeString(cpp, src, StandardCharsets.UTF_8);
            Path exe = dir.resolve("harness");
            HostTools.run(List.of(gxx.get(), "-std=c++17", "-O0", "-ffp-contract=off", "-fno-fast-math", "-w", "-o",
                    exe.toString(), cpp.toString()), 300);
            HostTools.run(List.of(exe.toString(), dir.toString()), 120);
            int exactChecked = 0;
            List<String> failures = new ArrayList<>();
            for (int c = 0; c < cases.size(); c++) {
                Case k = cases.get(c);
                MemorySegment got = MemorySegment.ofArray(Files.readAllBytes(dir.resolve("o" + c)));
                String diff = compare(k, got);
                if (diff != null) {
                    failures.add(k.text + " (" + describe(k.program) + "): " + diff);
                }
                if (k.exact) {
                    exactChecked++;
                }
            }
            System.out.println("ExprSourceHostTest: " + cases.size() + " programs, " + exactChecked
                    + " compared bit for bit, the others within ulps");
            assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())),
                    failures.size() + " programs differ");
        } finally {
            HostTools.delete(dir);
        }
    }

    private static String describe(Program p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            sb.append(p.op(i)).append(':').append(p.type(i)).append(' ');
        }
        return sb.toString().trim();
    }

    /** Null when {@code got} equals the expected result (bitwise or, for library functions, within ulps). */
    private static String compare(Case k, MemorySegment got) {
        TypeCode t = k.out;
        int parts = t.isComplex() ? 2 : 1;
        for (int j = 0; j < N * parts; j++) {
            switch (t) {
                case FLOAT64, COMPLEX128 -> {
                    double a = k.expected.getAtIndex(ValueLayout.JAVA_DOUBLE, j);
                    double b = got.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, j);
                    if (!close(a, b, k.exact, Math.ulp(a) * 4)) {
                        return "element " + j / parts + ": expected " + a + ", got " + b;
                    }
                }
                case FLOAT32, COMPLEX64 -> {
                    float a = k.expected.getAtIndex(ValueLayout.JAVA_FLOAT, j);
                    float b = got.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, j);
                    if (!close(a, b, k.exact, Math.ulp(a) * 2)) {
                        return "element " + j / parts + ": expected " + a + ", got " + b;
                    }
                }
                case FLOAT16 -> {
                    float a = Float.float16ToFloat(k.expected.getAtIndex(ValueLayout.JAVA_SHORT, j));
                    float b = Float.float16ToFloat(got.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, j));
                    if (!close(a, b, k.exact, Math.ulp(Float.float16ToFloat((short) 0x3c00)) * Math.abs(a) * 2)) {
                        return "element " + j + ": expected " + a + ", got " + b;
                    }
                }
                default -> {
                    long size = t.size();
                    for (long b = 0; b < size; b++) {
                        byte x = k.expected.get(ValueLayout.JAVA_BYTE, j * size + b);
                        byte y = got.get(ValueLayout.JAVA_BYTE, j * size + b);
                        if (x != y) {
                            return "element " + j + " byte " + b + ": expected " + x + ", got " + y;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean close(double a, double b, boolean exact, double tol) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (exact) {
            return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
        }
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return Math.abs(a) > 1e300 && Math.abs(b) > 1e300 && Math.signum(a) == Math.signum(b)
                    || Math.abs(a) > 3e38 && Math.abs(b) > 3e38;
        }
        return Math.abs(a - b) <= Math.max(tol, 1e-12 * Math.max(Math.abs(a), Math.abs(b)));
    }
}
