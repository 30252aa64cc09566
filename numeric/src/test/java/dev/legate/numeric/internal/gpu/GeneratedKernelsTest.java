package dev.legate.numeric.internal.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.legate.core.DType;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;
import dev.legate.core.Scalar;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.expr.Op;
import dev.legate.numeric.internal.reduce.RedOp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GPU variants' host code run on a fake device (no GPU): each task body builds its launch for
 * representative programs, types and tile geometries (dense, strided, broadcast, transposed,
 * positional, partial tiles); the generated sources are captured, checked for their shape, and, where
 * nvcc is on the PATH, compiled together to PTX for the H100's architecture with NVRTC's options.
 */
class GeneratedKernelsTest {
    private static final int F64 = TypeCode.FLOAT64.ordinal();
    private static final int F32 = TypeCode.FLOAT32.ordinal();
    private static final int I64 = TypeCode.INT64.ordinal();
    private final List<String> sources = new ArrayList<>();
    private Generated.Compiler saved;

    @BeforeEach
    void capture() {
        saved = Generated.compiler;
        Generated.compiler = (source, name, options) -> {
            assertTrue(options.contains("--fmad=false"), "options " + options);
            sources.add(source);
            return new byte[0];
        };
    }

    @AfterEach
    void restore() {
        Generated.compiler = saved;
    }

    private static String t(Op op, int type) {
        return op.ordinal() + "." + type;
    }

    private static String aTimesBPlusC(int type) {
        return t(Op.INPUT, type) + " " + t(Op.INPUT, type) + " " + t(Op.MUL, type) + " " + t(Op.INPUT, type) + " "
                + t(Op.ADD, type);
    }

    private static List<Scalar> scalars(Object... values) {
        List<Scalar> s = new ArrayList<>();
        for (Object v : values) {
            s.add(switch (v) {
                case String x -> Scalar.of(x);
                case Integer x -> Scalar.of(x);
                case Long x -> Scalar.of(x);
                case Double x -> Scalar.of(x);
                default -> throw new IllegalArgumentException(v.toString());
            });
        }
        return s;
    }

    private static PhysicalStore strided(TypeCode t, long[] shape, long[] lo, long[] hi, long base, long... strides) {
        return FakeGpu.store(t, shape, new Rect(lo, hi), base, strides);
    }

    private final List<FakeGpu.Launch> launches = new ArrayList<>();

    private FakeGpu run(java.util.function.Consumer<TaskContext> body, List<PhysicalStore> in, List<PhysicalStore> out,
                        List<PhysicalStore> red, List<Scalar> scalars) {
        FakeGpu d = new FakeGpu();
        body.accept(d.context(in, out, red, scalars));
        launches.addAll(d.launches);
        return d;
    }

    private static final Pattern KERNEL = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(([^)]*)\\)");

    /**
     * Every launch of a hand-written kernel passes arguments of the sizes its C parameters have
     * (Integer for int and u32, Long for 64-bit integers and pointers, Double for double).
     */
    private void checkHandWrittenSignatures() throws java.io.IOException {
        String cu = Files.readString(Path.of("src/main/cuda/numeric.cu"));
        java.util.Map<String, List<String>> params = new java.util.HashMap<>();
        Matcher m = KERNEL.matcher(cu);
        while (m.find()) {
            params.put(m.group(1), List.of(m.group(2).split(",")));
        }
        Matcher macro = Pattern.compile("#define RANDOM_KERNEL\\(NAME, T, EXPR\\)[^(]*\\(([^)]*)\\)").matcher(cu);
        assertTrue(macro.find(), "RANDOM_KERNEL's signature");
        Matcher uses = Pattern.compile("RANDOM_KERNEL\\((\\w+), ([\\w ]+),").matcher(cu);
        while (uses.find()) {
            params.put(uses.group(1), List.of(macro.group(1).replace("\\", " ").replace("T*", uses.group(2) + "*")
                    .split(",")));
        }
        int checked = 0;
        for (FakeGpu.Launch l : launches) {
            if (!l.function().startsWith("numeric_")) {
                continue;
            }
            List<String> ps = params.get(l.function());
            assertTrue(ps != null, "no kernel " + l.function() + " in numeric.cu");
            assertEquals(ps.size(), l.args().length, l.function() + " takes " + ps);
            for (int i = 0; i < ps.size(); i++) {
                String p = ps.get(i).trim();
                Object a = l.args()[i];
                String want = p.contains("*") || p.startsWith("i64") || p.startsWith("u64") ? "Long"
                        : p.startsWith("double") ? "Double" : p.startsWith("float") ? "Float" : "Integer";
                assertEquals(want, a.getClass().getSimpleName(), l.function() + " parameter " + i + " (" + p + ")");
            }
            checked++;
        }
        assertTrue(checked > 0, "no hand-written launches to check");
    }

    @Test
    void elementwiseKernels() throws java.io.IOException {
        long n = 1L << 20;
        PhysicalStore a = FakeGpu.dense(TypeCode.FLOAT64, n);
        FakeGpu d = run(ElementwiseGpu::run, List.of(a, a, a), List.of(FakeGpu.dense(TypeCode.FLOAT64, n)), List.of(),
                scalars(aTimesBPlusC(F64)));
        assertEquals(1, d.launches.size());
        FakeGpu.Launch l = d.launches.get(0);
        assertEquals(n / ElementwiseGpu.SPAN, l.grid()[0], "one block per 1024 elements");
        String src = sources.get(sources.size() - 1);
        assertTrue(src.contains("lg_value(in0, b0 + j0, in1, b1 + j0") && src.contains("out[b3 + j3] = res3;"), src);
        assertFalse(src.contains("row = b / cpr"), "a dense tile is one row: no divisions per block\n" + src);
        // Jacobi: the interior of a 2-d grid from four shifted views, 0.25 * (sum).
        long g = 4096;
        long[] shape = {g, g};
        List<PhysicalStore> views = new ArrayList<>();
        long[][] shifts = {{0, 1}, {2, 1}, {1, 0}, {1, 2}};
        for (long[] s : shifts) {
            views.add(strided(TypeCode.FLOAT64, new long[] {g - 2, g - 2}, new long[] {0, 0},
                    new long[] {g - 2, g - 2}, s[0] * g + s[1], g, 1));
        }
        PhysicalStore interior = strided(TypeCode.FLOAT64, new long[] {g - 2, g - 2}, new long[] {0, 0},
                new long[] {g - 2, g - 2}, g + 1, g, 1);
        String jacobi = t(Op.INPUT, F64) + " " + t(Op.INPUT, F64) + " " + t(Op.ADD, F64) + " " + t(Op.INPUT, F64) + " "
                + t(Op.ADD, F64) + " " + t(Op.INPUT, F64) + " " + t(Op.ADD, F64) + " " + t(Op.CONST, F64) + " "
                + t(Op.MUL, F64);
        d = run(ElementwiseGpu::run, views, List.of(interior), List.of(), scalars(jacobi, 0.25));
        assertEquals((g - 2) * ((g - 2 + 1023) / 1024), (long) d.launches.get(0).grid()[0]);
        // A transposed input with short rows (flat mode), int32 to float32 with a broadcast scalar.
        PhysicalStore tr = strided(TypeCode.INT32, new long[] {1000, 3}, new long[] {0, 0}, new long[] {1000, 3}, 0, 1,
                1000);
        PhysicalStore sc = strided(TypeCode.FLOAT32, new long[] {1000, 3}, new long[] {0, 0}, new long[] {1000, 3}, 0, 0,
                0);
        String mixed = t(Op.INPUT, TypeCode.INT32.ordinal()) + " " + t(Op.CAST, F32) + " " + t(Op.INPUT, F32) + " "
                + t(Op.DIV, F32);
        run(ElementwiseGpu::run, List.of(tr, sc), List.of(FakeGpu.dense(TypeCode.FLOAT32, 1000, 3)), List.of(),
                scalars(mixed));
        assertTrue(sources.get(sources.size() - 1).contains("lg_volume"), "flat mode");
        // Positions on a partial tile of a 3-d space: linear index + coordinate 1, as float64.
        String pos = t(Op.LINEAR, I64) + " " + Op.COORD.ordinal() + "." + I64 + ".1 " + t(Op.ADD, I64) + " "
                + t(Op.CAST, F64);
        run(ElementwiseGpu::run, List.of(), List.of(strided(TypeCode.FLOAT64, new long[] {5, 6, 2000},
                new long[] {2, 0, 1024}, new long[] {4, 6, 2000}, 0, 12000, 2000, 1)), List.of(), scalars(pos));
        // Integer powers (error flag), complex64 and float16 arithmetic, a bool where.
        int i32 = TypeCode.INT32.ordinal();
        run(ElementwiseGpu::run, List.of(FakeGpu.dense(TypeCode.INT32, 777), FakeGpu.dense(TypeCode.INT32, 777)),
                List.of(FakeGpu.dense(TypeCode.INT32, 777)), List.of(),
                scalars(t(Op.INPUT, i32) + " " + t(Op.INPUT, i32) + " " + t(Op.POW, i32)));
        assertTrue(sources.get(sources.size() - 1).contains("lg_ipow"), "integer power");
        int c64 = TypeCode.COMPLEX64.ordinal();
        run(ElementwiseGpu::run, List.of(FakeGpu.dense(TypeCode.COMPLEX64, 300), FakeGpu.dense(TypeCode.COMPLEX64, 300)),
                List.of(FakeGpu.dense(TypeCode.COMPLEX64, 300)), List.of(),
                scalars(t(Op.INPUT, c64) + " " + t(Op.INPUT, c64) + " " + t(Op.DIV, c64) + " " + t(Op.SQRT, c64)));
        int f16 = TypeCode.FLOAT16.ordinal();
        int b = TypeCode.BOOL.ordinal();
        run(ElementwiseGpu::run, List.of(FakeGpu.dense(TypeCode.BOOL, 300), FakeGpu.dense(TypeCode.FLOAT16, 300),
                FakeGpu.dense(TypeCode.FLOAT16, 300)), List.of(FakeGpu.dense(TypeCode.FLOAT16, 300)), List.of(),
                scalars(t(Op.INPUT, b) + " " + t(Op.INPUT, f16) + " " + t(Op.INPUT, f16) + " " + t(Op.WHERE, f16)));
        compileAll();
        checkHandWrittenSignatures();
    }

    @Test
    void reductionKernels() throws java.io.IOException {
        PhysicalStore x = FakeGpu.dense(TypeCode.FLOAT64, 64, 5000);
        String plain = t(Op.INPUT, F64);
        String sq = t(Op.INPUT, F64) + " " + t(Op.SQUARE, F64);
        DType pt = DType.INT64;
        PhysicalStore partials = FakeGpu.store(TypeCode.INT64, new long[] {64, 5, 1}, new Rect(new long[3],
                new long[] {64, 5, 1}), 0, new long[] {5, 1, 1});
        run(BlockReduceGpu::blocks, List.of(x), List.of(), List.of(partials), scalars(RedOp.SUM.ordinal(), 1024L, plain));
        run(BlockReduceGpu::blocks, List.of(x), List.of(), List.of(partials), scalars(RedOp.PROD.ordinal(), 1024L, sq));
        int c128 = TypeCode.COMPLEX128.ordinal();
        FakeGpu d = run(BlockReduceGpu::full, List.of(FakeGpu.dense(TypeCode.COMPLEX128, 3000)),
                List.of(FakeGpu.dense(TypeCode.COMPLEX128)), List.of(),
                scalars(RedOp.SUM.ordinal(), 1024L, t(Op.INPUT, c128)));
        assertEquals("numeric_tree", d.launches.get(d.launches.size() - 1).function());
        run(BlockReduceGpu::combine, List.of(partials), List.of(FakeGpu.dense(TypeCode.FLOAT32)), List.of(),
                scalars(RedOp.SUM.ordinal()));
        // Order-free reductions: int64 sum, float32 max, all of a comparison.
        PhysicalStore i = FakeGpu.dense(TypeCode.INT64, 100_000);
        run(ScalarReduceGpu::scalar, List.of(i), List.of(), List.of(FakeGpu.dense(TypeCode.INT64)),
                scalars(RedOp.SUM.ordinal(), t(Op.INPUT, I64)));
        run(ScalarReduceGpu::scalar, List.of(FakeGpu.dense(TypeCode.FLOAT32, 77, 13)), List.of(),
                List.of(FakeGpu.dense(TypeCode.FLOAT32)), scalars(RedOp.MAX.ordinal(), t(Op.INPUT, F32)));
        run(ScalarReduceGpu::scalar, List.of(x), List.of(), List.of(FakeGpu.dense(TypeCode.BOOL)),
                scalars(RedOp.ALL.ordinal(), t(Op.INPUT, F64) + " " + t(Op.CONST, F64) + " " + t(Op.GT,
                        TypeCode.BOOL.ordinal()), 0.5));
        // argmin over everything, argmax along the last axis, the index of the pair.
        DType.Struct pair = DType.argType(DType.FLOAT64);
        PhysicalStore ps = new PhysicalStore(pair, dev.legate.core.Shape.of(), new Rect(new long[0], new long[0]),
                java.lang.foreign.MemorySegment.NULL, 1L << 32, 0, new long[0], true, Optional.empty(), false);
        run(ScalarReduceGpu::argFull, List.of(x), List.of(), List.of(ps), scalars(0, t(Op.INPUT, F64)));
        int u64 = TypeCode.UINT64.ordinal();
        PhysicalStore promoted = strided(TypeCode.INT64, new long[] {64, 5000}, new long[] {0, 0},
                new long[] {64, 5000}, 0, 1, 0);
        run(AxisReduceGpu::argAxis, List.of(FakeGpu.dense(TypeCode.UINT64, 64, 5000)), List.of(promoted), List.of(),
                scalars(1, t(Op.INPUT, u64)));
        run(ScalarReduceGpu::argIndex, List.of(ps), List.of(FakeGpu.dense(TypeCode.INT64)), List.of(), scalars());
        // Axis reductions of a 3-d space: the last axis (warp per output), the middle one (thread per output).
        PhysicalStore x3 = FakeGpu.dense(TypeCode.FLOAT32, 6, 7, 3000);
        PhysicalStore lastOut = strided(TypeCode.FLOAT32, new long[] {6, 7, 3000}, new long[3], new long[] {6, 7, 3000},
                0, 7, 1, 0);
        run(AxisReduceGpu::axis, List.of(x3), List.of(lastOut), List.of(), scalars(RedOp.SUM.ordinal(), 5L,
                t(Op.INPUT, F32)));
        PhysicalStore midOut = strided(TypeCode.INT64, new long[] {6, 7, 3000}, new long[3], new long[] {6, 7, 3000},
                0, 3000, 0, 1);
        run(AxisReduceGpu::axis, List.of(FakeGpu.dense(TypeCode.INT64, 6, 7, 3000)), List.of(midOut), List.of(),
                scalars(RedOp.MAX.ordinal(), 2L, t(Op.INPUT, I64)));
        // Row blocks of a tall matrix, plain and through an expression.
        PhysicalStore tall = strided(TypeCode.FLOAT64, new long[] {2048, 300}, new long[] {512, 0},
                new long[] {1024, 300}, 0, 300, 1);
        PhysicalStore q = strided(TypeCode.FLOAT64, new long[] {8, 300}, new long[] {2, 0}, new long[] {4, 300}, 0,
                300, 1);
        run(AxisReduceGpu::rowBlocks, List.of(tall), List.of(q), List.of(), scalars(RedOp.SUM.ordinal(), plain));
        run(AxisReduceGpu::rowBlocks, List.of(tall), List.of(q), List.of(), scalars(RedOp.MIN.ordinal(), sq));
        assertEquals(pt, DType.INT64);
        compileAll();
        checkHandWrittenSignatures();
    }

    @Test
    void randomAndMatmulLaunchHandWrittenKernels() throws java.io.IOException {
        PhysicalStore tile = strided(TypeCode.FLOAT64, new long[] {100, 200}, new long[] {10, 50},
                new long[] {20, 150}, 0, 200, 1);
        FakeGpu d = run(RandomGpu::run, List.of(), List.of(tile), List.of(), scalars(1, 7L, 3));
        assertEquals(1, d.launches.size());
        Object[] args = d.launches.get(0).args();
        assertEquals("numeric_normal_f64", d.launches.get(0).function());
        assertEquals(10L * 200 + 50, args[10], "global index of the tile's origin");
        d = run(RandomGpu::run, List.of(), List.of(FakeGpu.dense(TypeCode.INT32, 1000)), List.of(),
                scalars(2, 7L, 3, -5L, 9L));
        assertEquals("numeric_integers_i32", d.launches.get(0).function());
        PhysicalStore a = strided(TypeCode.INT32, new long[] {4, 5, 6}, new long[3], new long[] {4, 5, 6}, 0, 6, 0, 1);
        PhysicalStore b = strided(TypeCode.INT32, new long[] {4, 5, 6}, new long[3], new long[] {4, 5, 6}, 0, 0, 1, 5);
        PhysicalStore c = strided(TypeCode.INT32, new long[] {4, 5, 6}, new long[3], new long[] {4, 5, 6}, 0, 5, 1, 0);
        d = run(MatmulGpu::run, List.of(a, b), List.of(c), List.of(), scalars());
        assertEquals("numeric_matmul_naive", d.launches.get(0).function());
        assertTrue(sources.isEmpty(), "hand-written kernels need no run-time compilation");
        checkHandWrittenSignatures();
    }

    private static final Pattern NAMES = Pattern.compile(
            "\\b(lg_value|lg_takes|lg_ew|lg_blocks|lg_scalar_fin|lg_scalar|lg_arg_fin|lg_arg_axis|lg_arg|lg_axis"
                    + "|lg_row_blocks)\\(");

    /** Compiles every captured source in one nvcc run (kernels renamed apart), where nvcc exists. */
    private void compileAll() {
        assertFalse(sources.isEmpty());
        String prelude = Generated.prelude();
        StringBuilder all = new StringBuilder(prelude);
        for (int i = 0; i < sources.size(); i++) {
            String s = sources.get(i);
            assertTrue(s.startsWith(prelude), "every source starts with the prelude");
            Matcher m = NAMES.matcher(s.substring(prelude.length()));
            all.append(m.replaceAll("$1_" + i + "("));
        }
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "generated-kernels-" + sources.size() + ".cu"), all);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Optional<String> nvcc = HostTools.find("nvcc");
        if (nvcc.isEmpty()) {
            System.out.println("GeneratedKernelsTest: nvcc is not on the PATH; " + sources.size()
                    + " generated sources checked without compiling them");
            return;
        }
        try {
            Path dir = Files.createTempDirectory("legate-gen");
            try {
                Path cu = dir.resolve("generated.cu");
                Files.writeString(cu, all, StandardCharsets.UTF_8);
                HostTools.run(List.of(nvcc.get(), "-ptx", "-arch=compute_90", "-std=c++17", "--fmad=false", "-o",
                        dir.resolve("generated.ptx").toString(), cu.toString()), 600);
            } finally {
                HostTools.delete(dir);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("nvcc run failed", e);
        }
    }
}
