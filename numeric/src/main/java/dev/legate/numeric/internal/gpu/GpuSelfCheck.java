package dev.legate.numeric.internal.gpu;

import static dev.legate.numeric.Numeric.*;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.ProcessorKind;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Shape;
import dev.legate.numeric.Generator;
import dev.legate.numeric.NDArray;
import dev.legate.numeric.Ufunc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Numeric's GPU self-check, run on a machine with a GPU: one program of numeric operations on
 * fresh random inputs (element-wise expressions over every kind of tile, random streams,
 * reductions full and along axes, argmin/argmax, matrix products) on CPUs, on one GPU and on two
 * logical GPUs of one device; every GPU result is compared with the CPU's. Element-wise results of
 * IEEE operations, random numbers and reductions must be bitwise equal; results of transcendental
 * functions (CUDA's against the JDK's) and floating matrix products (cuBLAS's summation order)
 * within the bounds their names state. Then, with {@code --bench}, the GPU measurements of the
 * benchmark table: {@code a*b + c} over 2^28 float64, matmul 8192^3 float32 and float64, and
 * host-to-device copy of a 1 GiB store.
 *
 * <p>Prints {@code CHECK PASS|FAIL} lines, {@code BENCH} lines and a {@code SUMMARY}; exit status
 * 0 when every check passed, 1 otherwise, 2 without a GPU. Run as
 * {@code java -m dev.legate.numeric/dev.legate.numeric.internal.gpu.GpuSelfCheck [--bench | --bench-only]
 * [--one-gpu]} ({@code --bench-only} skips the checks, {@code --one-gpu} the run on two logical GPUs).
 */
public final class GpuSelfCheck {
    private final List<String> failed = new ArrayList<>();
    private int passed;

    private GpuSelfCheck() {
    }

    /** Runs the checks and, with {@code --bench}, the measurements; {@code --bench-only} runs only those. */
    public static void main(String[] args) {
        long seed = System.nanoTime() & 0xFFFF_FFFFL;
        List<String> opts = List.of(args);
        boolean benchOnly = opts.contains("--bench-only");
        System.out.println("numeric GPU self-check, random seed " + seed);
        Optional<GpuSelfCheck> done = benchOnly ? gpuPresent() : checks(seed, !opts.contains("--one-gpu"));
        if (done.isEmpty()) {
            System.exit(2);
        }
        GpuSelfCheck c = done.get();
        if (benchOnly || opts.contains("--bench")) {
            c.check("benchmarks on one GPU", GpuSelfCheck::bench);
        }
        System.out.println("SUMMARY " + c.passed + " passed, " + c.failed.size() + " failed"
                + (c.failed.isEmpty() ? "" : ": " + String.join(", ", c.failed)));
        System.exit(c.failed.isEmpty() ? 0 : 1);
    }

    /** A self-check with nothing run yet; empty (after printing why) without a GPU. */
    private static Optional<GpuSelfCheck> gpuPresent() {
        try (LegateRuntime probe = Legate.start(RuntimeConfig.builder().gpus(1).fbmem(1L << 30).build())) {
            if (probe.machine().count(ProcessorKind.GPU) == 0) {
                System.out.println("SKIP no GPU processor: " + probe.machine().unavailable());
                return Optional.empty();
            }
        }
        return Optional.of(new GpuSelfCheck());
    }

    /** Runs the program on CPUs and GPUs and compares; empty (after printing why) without a GPU. */
    static Optional<GpuSelfCheck> checks(long seed, boolean logical) {
        Optional<GpuSelfCheck> present = gpuPresent();
        if (present.isEmpty()) {
            return present;
        }
        GpuSelfCheck c = present.get();
        Map<String, Object> cpu = c.run("cpu", RuntimeConfig.builder().gpus(0).minTileVolume(4096).build(), seed);
        if (cpu == null) {
            return Optional.of(c);
        }
        c.compare("1 GPU", cpu, c.run("1 GPU", RuntimeConfig.builder().gpus(1).fbmem(8L << 30).minTileVolume(4096)
                .build(), seed));
        if (logical) {
            c.compare("2 logical GPUs", cpu, c.run("2 logical GPUs", RuntimeConfig.builder().gpus(2).fbmem(4L << 30)
                    .minTileVolume(4096).option("cuda.logicalGpus", "2").build(), seed));
        }
        return Optional.of(c);
    }

    /** The names of the checks that failed. */
    List<String> failures() {
        return List.copyOf(failed);
    }

    private interface Body {
        String run() throws Throwable;
    }

    private void check(String name, Body body) {
        long t0 = System.nanoTime();
        try {
            String detail = body.run();
            passed++;
            System.out.printf(Locale.ROOT, "CHECK PASS %-64s %8.1f ms  %s%n", name, (System.nanoTime() - t0) / 1e6,
                    detail);
        } catch (Throwable t) {
            failed.add(name);
            System.out.printf(Locale.ROOT, "CHECK FAIL %-64s %8.1f ms  %s%n", name, (System.nanoTime() - t0) / 1e6, t);
            t.printStackTrace(System.out);
        }
        System.out.flush();
    }

    private Map<String, Object> run(String label, RuntimeConfig config, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        check("program on " + label, () -> {
            try (LegateRuntime rt = Legate.start(config)) {
                LegateRuntime old = Legate.setDefault(rt);
                try {
                    program(seed, out);
                    rt.fence();
                } finally {
                    Legate.setDefault(old);
                }
                return out.size() + " results; " + rt.machine().count(ProcessorKind.GPU) + " GPU processors";
            }
        });
        return out.isEmpty() ? null : out;
    }

    /**
     * Numeric operations on random inputs; every result as a Java array, by name. Names ending in
     * {@code ~Nulp} allow N units in the last place, {@code ~rel X} a relative error X of the
     * largest magnitude; all others must be bitwise equal (NaNs equal NaNs).
     */
    static void program(long seed, Map<String, Object> out) {
        Generator g = defaultRng(seed);
        int n = 200_003;
        NDArray a = g.random(n);
        NDArray b = g.random(n);
        NDArray c = g.standardNormal(n);
        out.put("random float64", a.toDoubleArray());
        out.put("standard normal float64", c.toDoubleArray());
        out.put("random float32", g.random(Shape.of(10_001), DType.FLOAT32).toDoubleArray());
        out.put("standard normal float32", g.standardNormal(Shape.of(10_001), DType.FLOAT32).toDoubleArray());
        out.put("integers int64 [-5, 1000)", g.integers(-5, 1000, 50_001).toLongArray());
        out.put("integers int32 [0, 7)", g.integers(0, 7, Shape.of(30_001), DType.INT32).toLongArray());
        out.put("uniform(-2, 3) 2-d", g.uniform(-2, 3, 301, 207).toDoubleArray());
        // Element-wise expressions (IEEE operations: bitwise).
        out.put("a * b + c", a.multiply(b).add(c).toDoubleArray());
        NDArray a32 = a.astype(DType.FLOAT32);
        NDArray c32 = c.astype(DType.FLOAT32);
        out.put("float32 (a - c) / (c * c + 2)", a32.subtract(c32).divide(c32.multiply(c32).add(2)).toDoubleArray());
        out.put("sqrt(|c|) - c ** 2", sqrt(absolute(c)).subtract(power(c, 2)).toDoubleArray());
        NDArray withNan = where(c.gt(1.5), Double.NaN, c);
        out.put("where(c > 1.5, nan, c)", withNan.toDoubleArray());
        out.put("maximum/fmin with NaN", maximum(withNan, 0.25).add(fmin(withNan, -0.25)).toDoubleArray());
        out.put("clip(c, -0.5, 0.5)", clip(c, -0.5, 0.5).toDoubleArray());
        out.put("floor_divide/remainder float", floorDivide(c, 0.3).add(remainder(c, -0.7)).toDoubleArray());
        NDArray x = g.integers(-1000, 1000, n);
        NDArray y = g.integers(1, 70, n);
        out.put("int64 floor_divide, mod, shifts, xor", floorDivide(x, y).add(mod(x, y)).add(leftShift(x, y))
                .add(rightShift(x, y)).add(bitwiseXor(x, y)).toLongArray());
        out.put("int64 power(x, y mod 5)", power(x, mod(y, 5)).toLongArray());
        out.put("int8 wrap-around", x.astype(DType.INT8).multiply(x.astype(DType.INT8)).add(7).toLongArray());
        out.put("uint32 arithmetic", x.astype(DType.UINT32).multiply(3).subtract(y.astype(DType.UINT32))
                .toLongArray());
        out.put("float to int casts", c.multiply(1e3).astype(DType.INT32).toLongArray());
        out.put("comparisons and logical ops", logicalXor(a.gt(b), c.lt(0)).astype(DType.INT64).add(
                logicalAnd(a.ge(0.5), isfinite(withNan)).astype(DType.INT64)).toLongArray());
        out.put("float16 arithmetic", a.astype(DType.FLOAT16).multiply(3).add(c.astype(DType.FLOAT16))
                .toDoubleArray());
        NDArray z = a.astype(DType.COMPLEX128).add(c.astype(DType.COMPLEX128).multiply(conj(b.astype(DType.COMPLEX128))));
        NDArray zz = z.multiply(z).divide(z.add(1));
        out.put("complex128 multiply, divide (real)", real(zz).toDoubleArray());
        out.put("complex128 multiply, divide (imag)", imag(zz).toDoubleArray());
        NDArray m = g.random(300, 300);
        out.put("m + m.T (transposed input)", m.add(m.T()).toDoubleArray());
        out.put("strided slices m[::2, 1::3] * 2", m.get("::2, 1::3").multiply(2).toDoubleArray());
        NDArray w = g.random(5000, 8);
        out.put("short rows w[:, 1:4] * w[:, 4:7]", w.get(":, 1:4").multiply(w.get(":, 4:7")).toDoubleArray());
        out.put("broadcast m + row", m.add(g.random(300)).toDoubleArray());
        out.put("arange * 0.5, linspace", concat(arange(10_007).multiply(0.5).toDoubleArray(),
                linspace(-1, 1, 1001).toDoubleArray()));
        out.put("eye(60, 70, 3)", eye(60, 70, 3).toDoubleArray());
        NDArray u = g.random(200, 200);
        for (int i = 0; i < 5; i++) {
            NDArray mean = u.get(":-2, 1:-1").add(u.get("2:, 1:-1")).add(u.get("1:-1, :-2")).add(u.get("1:-1, 2:"))
                    .multiply(0.25);
            u.set("1:-1, 1:-1", mean);
        }
        out.put("jacobi 200x200, 5 sweeps", u.toDoubleArray());
        NDArray acc = a.copy();
        acc.iadd(b);
        acc.imultiply(c);
        out.put("in-place iadd, imultiply", acc.toDoubleArray());
        // Transcendental functions: CUDA's against the JDK's.
        out.put("exp(c) ~4ulp", exp(c).toDoubleArray());
        out.put("log(a) ~4ulp", log(a).toDoubleArray());
        out.put("sin(c) ~4ulp", sin(c).toDoubleArray());
        out.put("tanh(c) ~4ulp", tanh(c).toDoubleArray());
        out.put("power(a, 2.5) ~4ulp", power(a, 2.5).toDoubleArray());
        out.put("arctan2(b, c) ~4ulp", arctan2(b, c).toDoubleArray());
        // Reductions (bitwise: the CPU's blocks and trees).
        out.put("sum, prod, mean, var, std", new double[] {a.sum().item(), a.add(0.5).get(":1000").prod().item(),
            c.mean().item(), c.var().item(), c.std().item(), a32.sum().item(), nansum(withNan).item()});
        out.put("min, max (with NaN), all, any, count_nonzero", new double[] {c.min().item(), c.max().item(),
            withNan.max().item(), a.gt(0.5).all().itemBoolean() ? 1 : 0, a.gt(0.999).any().itemBoolean() ? 1 : 0,
            countNonzero(a.gt(0.5)).itemLong()});
        out.put("argmax, argmin (with NaN)", new long[] {c.argmax().itemLong(), c.argmin().itemLong(),
            withNan.argmax().itemLong(), x.argmin().itemLong(), x.astype(DType.UINT64).argmax().itemLong()});
        out.put("int64 sum, max, prod", new long[] {x.sum().itemLong(), x.max().itemLong(),
            y.get(":20").prod().itemLong()});
        out.put("complex sum", new double[] {real(z.sum()).item(), imag(z.sum()).item()});
        out.put("m.sum(0)", m.sum(0).toDoubleArray());
        out.put("m.sum(1)", m.sum(1).toDoubleArray());
        out.put("m.max(0), m.min(1)", concat(m.max(0).toDoubleArray(), m.min(1).toDoubleArray()));
        NDArray t3 = g.random(6, 50, 3000).astype(DType.FLOAT32);
        out.put("3-d float32 sum(1)", t3.sum(1).toDoubleArray());
        out.put("3-d float32 sum(0, 2)", t3.sum(new int[] {0, 2}, false).toDoubleArray());
        out.put("3-d float32 mean(2)", t3.mean(2).toDoubleArray());
        NDArray tall = g.random(3000, 40);
        out.put("tall sum(0) (row blocks)", tall.sum(0).toDoubleArray());
        out.put("tall (x * x).max(0) (row blocks)", tall.multiply(tall).max(0).toDoubleArray());
        out.put("int64 axis sums", x.get(":200001").reshape(3, -1).sum(1).toLongArray());
        out.put("argmax(1), argmin(0)", concatLong(m.argmax(1).toLongArray(), m.argmin(0).toLongArray()));
        out.put("all(1), any(0)", concatLong(m.gt(0.1).all(1).astype(DType.INT64).toLongArray(),
            m.gt(0.99).any(0).astype(DType.INT64).toLongArray()));
        out.put("dot(a, b), norm(c)", new double[] {dot(a, b).item(), linalg.norm(c).item()});
        out.put("matrix-vector m @ v", m.matmul(g.random(300)).toDoubleArray());
        // Matrix products: cuBLAS sums in its own order.
        NDArray p = g.random(300, 400);
        NDArray q = g.random(400, 200);
        out.put("matmul float64 ~rel 1e-13", p.matmul(q).toDoubleArray());
        out.put("matmul float32 ~rel 1e-5", p.astype(DType.FLOAT32).matmul(q.astype(DType.FLOAT32))
                .toDoubleArray());
        out.put("matmul int64", x.get(":1200").reshape(30, 40).matmul(y.get(":800").reshape(40, 20)).toLongArray());
        out.put("matmul with a transposed operand ~rel 1e-13", p.T().matmul(g.random(300, 50)).toDoubleArray());
        // Tasks without GPU variants, mixed with ones that have them.
        out.put("sort(c)[:100], cumsum", concat(sort(c).get(":100").toDoubleArray(),
            cumsum(a.get(":1000")).toDoubleArray()));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static long[] concatLong(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private void compare(String label, Map<String, Object> cpu, Map<String, Object> got) {
        if (got == null) {
            return;
        }
        for (Map.Entry<String, Object> e : cpu.entrySet()) {
            String name = e.getKey();
            check(label + ": " + name, () -> same(name, e.getValue(), got.get(name)));
        }
    }

    /** "bitwise equal", or the largest difference within the name's bound; throws otherwise. */
    static String same(String name, Object want, Object got) {
        if (got == null) {
            throw new AssertionError("no result");
        }
        if (want instanceof long[] w) {
            long[] h = (long[]) got;
            if (Arrays.equals(w, h)) {
                return "bitwise equal (" + w.length + " values)";
            }
            for (int i = 0; i < Math.min(w.length, h.length); i++) {
                if (w[i] != h[i]) {
                    throw new AssertionError("element " + i + ": CPU " + w[i] + ", GPU " + h[i] + " (lengths " + w.length
                            + ", " + h.length + ")");
                }
            }
            throw new AssertionError("lengths differ: CPU " + w.length + ", GPU " + h.length);
        }
        double[] w = (double[]) want;
        double[] h = (double[]) got;
        if (w.length != h.length) {
            throw new AssertionError("lengths differ: CPU " + w.length + ", GPU " + h.length);
        }
        int ulps = name.contains("~") && name.endsWith("ulp") ? Integer.parseInt(name.replaceAll(".*~(\\d+)ulp", "$1"))
                : -1;
        double rel = name.contains("~rel ") ? Double.parseDouble(name.replaceAll(".*~rel (\\S+)", "$1")) : -1;
        double scale = 0;
        for (double v : w) {
            if (Double.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        long worstUlps = 0;
        double worstRel = 0;
        int differing = 0;
        for (int i = 0; i < w.length; i++) {
            double x = w[i];
            double y = h[i];
            if (Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y) || Double.isNaN(x) && Double.isNaN(y)) {
                continue;
            }
            differing++;
            if (ulps >= 0 && Double.isFinite(x) && Double.isFinite(y) && Math.signum(x) == Math.signum(y)) {
                long d = Math.abs(Double.doubleToRawLongBits(x) - Double.doubleToRawLongBits(y));
                worstUlps = Math.max(worstUlps, d);
                if (d <= ulps) {
                    continue;
                }
            }
            if (rel >= 0 && Math.abs(x - y) <= rel * scale) {
                worstRel = Math.max(worstRel, Math.abs(x - y) / scale);
                continue;
            }
            throw new AssertionError("element " + i + ": CPU " + x + ", GPU " + y + " (" + differing
                    + " elements differ so far)");
        }
        if (differing == 0) {
            return "bitwise equal (" + w.length + " values)";
        }
        return ulps >= 0 ? differing + " of " + w.length + " values differ, by at most " + worstUlps + " ulp"
                : differing + " of " + w.length + " values differ, by at most " + String.format(Locale.ROOT, "%.2e",
                worstRel) + " of the largest magnitude";
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void bench(String key, double value, String unit, String what) {
        System.out.printf(Locale.ROOT, "BENCH %s %.3f %s %s%n", key, value, unit, what);
    }

    /** The benchmark table's numeric measurements on one GPU. */
    private static String bench() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().gpus(1).build())) {
            LegateRuntime old = Legate.setDefault(rt);
            try {
                StringBuilder sb = new StringBuilder();
                sb.append(fma(rt)).append("; ").append(matmuls(rt)).append("; ").append(h2d(rt));
                return sb.toString();
            } finally {
                Legate.setDefault(old);
            }
        }
    }

    /** {@code a*b + c} over 2^28 float64 into an existing array, back to back. */
    private static String fma(LegateRuntime rt) {
        long n = 1L << 28;
        Generator g = defaultRng(1);
        NDArray a = g.random(n).evaluate();
        NDArray b = g.random(n).evaluate();
        NDArray c = g.random(n).evaluate();
        NDArray out = empty(n).evaluate();
        rt.fence();
        Ufunc.ADD.into(out, a.multiply(b), c);
        rt.fence();
        int reps = 20;
        double[] t = new double[5];
        for (int r = 0; r < t.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                Ufunc.ADD.into(out, a.multiply(b), c);
            }
            rt.fence();
            t[r] = (System.nanoTime() - t0) / 1e9 / reps;
        }
        double s = median(t);
        double check = out.get(12345L).item();
        double want = a.get(12345L).item() * b.get(12345L).item() + c.get(12345L).item();
        if (check != want) {
            throw new AssertionError("a*b + c at 12345: " + check + ", expected " + want);
        }
        bench("legate.fma_ms", s * 1e3, "ms", "a*b + c over 2^28 float64 into an array, one fused kernel, "
                + reps + " back to back per timing");
        bench("legate.fma_GBps", 4.0 * 8 * n / s / 1e9, "GB/s", "a*b + c, 3 reads + 1 write of 2^28 float64");
        double sum = median(time(rt, 5, () -> a.sum().item()));
        bench("legate.sum_GBps", 8.0 * n / sum / 1e9, "GB/s", "sum of 2^28 float64 (deterministic blocks and tree), "
                + "submit to item()");
        return String.format(Locale.ROOT, "fma %.3f ms, sum %.3f ms", s * 1e3, sum * 1e3);
    }

    private static double[] time(LegateRuntime rt, int reps, Runnable r) {
        r.run();
        rt.fence();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            rt.fence();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        return t;
    }

    /** matmul 8192^3 float32 and float64 (cuBLAS through a task). */
    private static String matmuls(LegateRuntime rt) {
        int n = 8192;
        StringBuilder sb = new StringBuilder();
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            Generator g = defaultRng(2);
            NDArray x = g.random(Shape.of(n, n), t).evaluate();
            NDArray y = g.random(Shape.of(n, n), t).evaluate();
            x.matmul(y).evaluate();
            rt.fence();
            int reps = 5;
            double[] total = new double[reps];
            double[] submit = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                x.matmul(y).evaluate();
                long t1 = System.nanoTime();
                rt.fence();
                total[i] = (System.nanoTime() - t0) / 1e9;
                submit[i] = (t1 - t0) / 1e9;
            }
            double s = median(total);
            bench("legate.matmul_" + t.name() + "_TFLOPs", 2.0 * n * n * n / s / 1e12, "TFLOP/s",
                    "matmul 8192^3 through numeric (cuBLAS), submit to fence, median of " + reps);
            sb.append(t.name()).append(' ').append(String.format(Locale.ROOT, "%.1f ms (submit %.1f ms) ", s * 1e3,
                    median(submit) * 1e3));
        }
        return sb.toString().trim();
    }

    /** Host-to-device copy of a 1 GiB store written on the host, before a GPU reduction reads it. */
    private static String h2d(LegateRuntime rt) {
        long n = (1L << 30) / 8;
        NDArray h = zeros(n).evaluate();
        LogicalStore s = h.store();
        rt.fence();
        double[] copy = new double[6];
        double[] alone = time(rt, 5, () -> h.sum().item());
        for (int i = 0; i < copy.length; i++) {
            s.update(p -> p.segment().set(java.lang.foreign.ValueLayout.JAVA_DOUBLE, p.origin() * 8, 1.0));
            long t0 = System.nanoTime();
            h.sum().item();
            copy[i] = (System.nanoTime() - t0) / 1e9;
        }
        double c = median(Arrays.copyOfRange(copy, 1, copy.length)) - median(alone);
        bench("legate.h2d_GBps", (1L << 30) / c / 1e9, "GB/s", "host-to-device copy of a 1 GiB store written on the "
                + "host (coherence copy before a GPU sum; the sum's own time subtracted)");
        return String.format(Locale.ROOT, "h2d %.1f ms (first %.1f ms)", c * 1e3, copy[0] * 1e3);
    }
}
