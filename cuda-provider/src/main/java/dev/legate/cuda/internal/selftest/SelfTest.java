package dev.legate.cuda.internal.selftest;

import static dev.legate.cuda.internal.selftest.Report.require;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.LogicalStore;
import dev.legate.core.Memory;
import dev.legate.core.MemoryKind;
import dev.legate.core.PhysicalStore;
import dev.legate.core.ProcessorKind;
import dev.legate.core.RuntimeConfig;
import dev.legate.core.Scalar;
import dev.legate.core.TaskException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The CUDA provider's self-test: starts a runtime with the GPUs, runs the GPU variants of fill
 * and copy (dense, strided, more than four dimensions, bitmaps), host-device round trips, a
 * library's own kernels launched through {@code DeviceContext}, failure and out-of-memory
 * reporting, cuBLAS and NVRTC through {@link dev.legate.cuda} ({@link LibraryChecks}), multi-GPU
 * paths on logical GPUs ({@link MultiGpuChecks}), and compares every result with what the CPU
 * computes. Prints one
 * {@code CHECK PASS|FAIL} line per check, then (unless {@code --no-bench}) {@code BENCH} lines.
 *
 * <p>Exit status: 0 when every check passed, 1 when one failed, 2 when no GPU is available.
 * Run it as {@code java --enable-native-access=jcuda,dev.legate.cuda -m
 * dev.legate.cuda/dev.legate.cuda.internal.selftest.SelfTest}.
 */
public final class SelfTest {
    private SelfTest() {
    }

    /**
     * Runs the checks; {@code --no-bench} skips the transfer measurements, {@code --gemm-bench}
     * measures cuBLAS GEMM, {@code --no-multi-gpu} skips the checks on logical GPUs;
     * {@code --libraries} only prints where cuBLAS and NVRTC are found (exit status 1 when not).
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--libraries")) {
            System.exit(LibraryChecks.locate() ? 0 : 1);
        }
        boolean bench = !List.of(args).contains("--no-bench");
        boolean gemmBench = List.of(args).contains("--gemm-bench");
        Report report = new Report();
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().build())) {
            if (rt.machine().count(ProcessorKind.GPU) == 0) {
                System.out.println("SKIP no GPU processor: " + rt.machine().unavailable());
                System.exit(2);
            }
            System.out.println(rt.describe());
            runChecks(rt, report);
            LibraryChecks.run(rt, report, gemmBench);
            if (bench) {
                Bench.run(rt, report);
            }
            System.out.println(rt.describe());
        }
        report.check("out of memory names the memory, the request and the usage", SelfTest::outOfMemory);
        report.check("eviction: 8 stores of 64 MiB through a 256 MiB device memory", SelfTest::eviction);
        report.check("gpus=0: CUDA disabled by configuration, CPU variant agrees", SelfTest::cpuOnly);
        if (!List.of(args).contains("--no-multi-gpu")) {
            MultiGpuChecks.run(report, "auto");
            MultiGpuChecks.run(report, "staged");
        }
        System.exit(report.summary() ? 0 : 1);
    }

    static void runChecks(LegateRuntime rt, Report r) {
        r.check("fill float64 1.5 (1,000,003 elements, fill_contig_8)", () -> {
            LogicalStore s = rt.createStore(DType.FLOAT64, 1_000_003);
            rt.fill(s, Scalar.of(1.5));
            var a = s.physical().data().doubles();
            for (long i = 0; i < a.size(); i++) {
                require(a.get(i) == 1.5, "element " + i + " is " + a.get(i));
            }
            rt.fill(s, Scalar.of(0.0));
            a = s.physical().data().doubles();
            for (long i = 0; i < a.size(); i++) {
                require(Double.doubleToRawLongBits(a.get(i)) == 0, "after memset, element " + i + " is " + a.get(i));
            }
            return "then 0.0 by cuMemsetD32";
        });
        r.check("fill int8/int16/int32/int64/float32/complex128/bool", () -> {
            Scalar[] values = {Scalar.ofInteger(DType.INT8, -7), Scalar.ofInteger(DType.INT16, 12345),
                Scalar.of(-123456789), Scalar.of(0x0123456789ABCDEFL), Scalar.of(2.5f),
                Scalar.complex(DType.COMPLEX128, 1.25, -3.5), Scalar.of(true), Scalar.complex(DType.COMPLEX128, 0, 0)};
            for (Scalar v : values) {
                LogicalStore s = rt.createStore(v.type(), 100_003);
                rt.fill(s, v);
                requireAll(s.physical().data(), v);
            }
            return values.length + " types, 100,003 elements each";
        });
        r.check("strided fill of 2-d and 3-d slices", () -> {
            LogicalStore a = rt.createStore(DType.FLOAT64, 600, 1001);
            rt.fill(a, Scalar.of(0.0));
            rt.fill(a.slice(1, 1, 1000, 2), Scalar.of(7.0));
            var h = a.physical().data().doubles();
            for (long i = 0; i < 600; i++) {
                for (long j = 0; j < 1001; j++) {
                    double want = j >= 1 && j < 1000 && (j - 1) % 2 == 0 ? 7.0 : 0.0;
                    require(h.at(i, j) == want, "a[" + i + "][" + j + "] is " + h.at(i, j) + ", expected " + want);
                }
            }
            LogicalStore b = rt.createStore(DType.INT32, 20, 30, 40);
            rt.fill(b, Scalar.of(0));
            rt.fill(b.slice(0, 2, 18).slice(2, 5, 35, 3), Scalar.of(9));
            var g = b.physical().data().ints();
            for (long i = 0; i < 20; i++) {
                for (long j = 0; j < 30; j++) {
                    for (long k = 0; k < 40; k++) {
                        int want = i >= 2 && i < 18 && k >= 5 && k < 35 && (k - 5) % 3 == 0 ? 9 : 0;
                        require(g.at(i, j, k) == want, "b[" + i + "][" + j + "][" + k + "] is " + g.at(i, j, k));
                    }
                }
            }
            return "legate_fill_strided_8 and _4";
        });
        r.check("copy of transposed 2-d float64, int32, int8 (513 x 1027)", () -> {
            for (DType t : new DType[] {DType.FLOAT64, DType.INT32, DType.INT8}) {
                LogicalStore src = rt.createStore(t, 513, 1027);
                writeRandom(src, 11);
                LogicalStore dst = rt.createStore(t, 1027, 513);
                rt.copy(src.transpose(1, 0), dst);
                PhysicalStore s = src.physical().data();
                PhysicalStore d = dst.physical().data();
                for (long i = 0; i < 513; i++) {
                    for (long j = 0; j < 1027; j++) {
                        require(element(d, j, i) == element(s, i, j), t.name() + " dst[" + j + "][" + i + "] != src[" + i
                                + "][" + j + "]");
                    }
                }
            }
            return "legate_copy_strided_8, _4, _1";
        });
        r.check("copy of a transposed 6-d int16 store (host loop over 2 dims)", () -> {
            long[] shape = {3, 4, 5, 6, 7, 8};
            LogicalStore src = rt.createStore(DType.INT16, shape);
            writeRandom(src, 12);
            LogicalStore dst = rt.createStore(DType.INT16, 8, 7, 6, 5, 4, 3);
            rt.copy(src.transpose(5, 4, 3, 2, 1, 0), dst);
            PhysicalStore s = src.physical().data();
            PhysicalStore d = dst.physical().data();
            long count = 0;
            for (long a = 0; a < 3; a++) {
                for (long b = 0; b < 4; b++) {
                    for (long c = 0; c < 5; c++) {
                        for (long e = 0; e < 6; e++) {
                            for (long f = 0; f < 7; f++) {
                                for (long g = 0; g < 8; g++) {
                                    require(element(d, g, f, e, c, b, a) == element(s, a, b, c, e, f, g),
                                            "mismatch at src[" + a + "," + b + "," + c + "," + e + "," + f + "," + g + "]");
                                    count++;
                                }
                            }
                        }
                    }
                }
            }
            return count + " elements";
        });
        r.check("copy of 16M float64 (cuMemcpyDtoDAsync), round trip through the GPU", () -> {
            LogicalStore src = rt.createStore(DType.FLOAT64, 16L << 20);
            writeRandom(src, 13);
            LogicalStore dst = rt.createStore(DType.FLOAT64, 16L << 20);
            rt.copy(src, dst);
            requireSameBytes(src.physical().data(), dst.physical().data());
            return "128 MiB host -> device -> device -> host";
        });
        r.check("round trip of 256 MiB float64 through page-locked host memory", () -> {
            LogicalStore src = rt.createStore(DType.FLOAT64, 32L << 20);
            writeRandom(src, 14);
            LogicalStore mid = rt.createStore(DType.FLOAT64, 32L << 20);
            LogicalStore back = rt.createStore(DType.FLOAT64, 32L << 20);
            rt.copy(src, mid);
            rt.copy(mid, back);
            requireSameBytes(src.physical().data(), back.physical().data());
            return "";
        });
        r.check("validity bitmaps: fill, partial fill, copy at a bit offset", () -> {
            LogicalStore bm = rt.createBitmap(1000);
            rt.fill(bm, Scalar.of(true));
            rt.fill(bm.slice(0, 100, 357), Scalar.of(false));
            var bits = bm.physical().data().bits();
            for (long i = 0; i < 1000; i++) {
                require(bits.get(i) == (i < 100 || i >= 357), "bit " + i + " is " + bits.get(i));
            }
            LogicalStore part = rt.createBitmap(500);
            rt.fill(part, Scalar.of(true));
            rt.copy(bm.slice(0, 3, 503), part);
            var p = part.physical().data().bits();
            for (long i = 0; i < 500; i++) {
                long j = i + 3;
                require(p.get(i) == (j < 100 || j >= 357), "copied bit " + i + " is " + p.get(i));
            }
            return "legate_fill_bits, legate_copy_bits";
        });
        SelfTestTasks tasks = rt.tasks(SelfTestTasks.class);
        r.check("library task axpy: own PTX through DeviceContext, equals Math.fma", () -> {
            long n = 1_000_003;
            LogicalStore x = rt.createStore(DType.FLOAT64, n);
            LogicalStore y = rt.createStore(DType.FLOAT64, n);
            LogicalStore out = rt.createStore(DType.FLOAT64, n);
            writeRandom(x, 21);
            writeRandom(y, 22);
            tasks.axpy(out, x, y, 0.75);
            var o = out.physical().data().doubles();
            var xs = x.physical().data().doubles();
            var ys = y.physical().data().doubles();
            for (long i = 0; i < n; i++) {
                double want = Math.fma(0.75, xs.get(i), ys.get(i));
                require(Double.compare(o.get(i), want) == 0, "out[" + i + "] = " + o.get(i) + ", CPU gives " + want);
            }
            return "bitwise equal, " + n + " elements";
        });
        r.check("library task with scratch memory (scaleShift)", () -> {
            long n = 777_777;
            LogicalStore x = rt.createStore(DType.FLOAT64, n);
            LogicalStore out = rt.createStore(DType.FLOAT64, n);
            writeRandom(x, 23);
            long before = deviceMemory(rt).used();
            tasks.scaleShift(out, x, 3.0, -1.0);
            var o = out.physical().data().doubles();
            var xs = x.physical().data().doubles();
            for (long i = 0; i < n; i++) {
                double t = 3.0 * xs.get(i);
                require(Double.compare(o.get(i), t + -1.0) == 0, "out[" + i + "] = " + o.get(i));
            }
            long after = deviceMemory(rt).used();
            return "device memory in use " + before + " -> " + after + " bytes (scratch freed after the task)";
        });
        r.check("a failing GPU variant is reported; the runtime stays usable", () -> {
            LogicalStore x = rt.createStore(DType.FLOAT64, 1000);
            rt.fill(x, Scalar.of(1.0));
            tasks.missingKernel(x);
            try {
                rt.fence();
                throw new AssertionError("no exception from a kernel that does not exist");
            } catch (TaskException e) {
                require(Report.oneLine(e).contains("CUDA_ERROR_NOT_FOUND"), "unexpected failure: " + Report.oneLine(e));
            }
            rt.fill(x, Scalar.of(2.0));
            require(x.physical().data().doubles().get(999) == 2.0, "fill after the failure did not run");
            return "";
        });
        r.check("device memory accounting", () -> {
            Memory m = deviceMemory(rt);
            LogicalStore s = rt.createStore(DType.FLOAT64, 3_000_000);
            rt.fill(s, Scalar.of(4.0));
            rt.fence();
            long used = m.used();
            require(used >= 24_000_000 && used <= m.capacity(), m.name() + " reports " + used + " bytes in use of "
                    + m.capacity() + " while a 24,000,000-byte store lives there");
            require(s.physical().data().doubles().get(0) == 4.0, "fill did not run");
            return m.name() + ": " + used + " bytes in use, limit " + m.capacity();
        });
    }

    static Memory deviceMemory(LegateRuntime rt) {
        return rt.machine().memories().stream().filter(m -> m.kind() == MemoryKind.DEVICE).findFirst()
                .orElseThrow(() -> new AssertionError("no device memory in " + rt.machine().memories()));
    }

    private static String outOfMemory() {
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().fbmem(256L << 20).build())) {
            LogicalStore big = rt.createStore(DType.FLOAT64, 64L << 20);
            rt.fill(big, Scalar.of(1.0));
            try {
                rt.fence();
                throw new AssertionError("filling 512 MiB under a 256 MiB limit did not fail");
            } catch (TaskException e) {
                String msg = Report.oneLine(e);
                require(msg.contains("OutOfMemoryError") && msg.contains("fbmem0") && msg.contains("536870912"),
                        "the failure does not name the memory and request: " + msg);
                LogicalStore small = rt.createStore(DType.FLOAT64, 1000);
                rt.fill(small, Scalar.of(3.0));
                require(small.physical().data().doubles().get(0) == 3.0, "runtime unusable after the failure");
                int at = msg.indexOf("legate device memory");
                return at >= 0 ? msg.substring(at, Math.min(msg.length(), at + 190)) + "..." : msg;
            }
        }
    }

    /**
     * Eight 64 MiB stores computed on the GPU under a 256 MiB limit: later tasks evict earlier
     * results (written back to the host, their only copy), and every value survives, whether read
     * on the host or brought back to the GPU by a task.
     */
    private static String eviction() {
        int k = 8;
        long n = 8L << 20;
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().fbmem(256L << 20).build())) {
            SelfTestTasks t = rt.tasks(SelfTestTasks.class);
            LogicalStore ones = rt.createStore(DType.FLOAT64, n);
            rt.fill(ones, Scalar.of(1.0));
            LogicalStore[] s = new LogicalStore[k];
            for (int i = 0; i < k; i++) {
                LogicalStore c = rt.createStore(DType.FLOAT64, n);
                rt.fill(c, Scalar.of((double) i));
                s[i] = rt.createStore(DType.FLOAT64, n);
                t.axpy(s[i], ones, c, 2.0);        // s[i] = 2 + i, its only copy on the GPU
            }
            LogicalStore sum = rt.createStore(DType.FLOAT64, n);
            t.axpy(sum, s[0], s[k - 1], 1.0);      // s[0] was evicted: back to the GPU from the host
            Memory m = deviceMemory(rt);
            require(m.used() <= m.capacity(), m.name() + " uses " + m.used() + " of " + m.capacity());
            for (int i = 0; i < k; i++) {
                var h = s[i].physical().data().doubles();
                for (long j = 0; j < n; j += 4099) {
                    require(h.get(j) == 2.0 + i, "store " + i + " element " + j + " is " + h.get(j));
                }
                require(h.get(n - 1) == 2.0 + i, "store " + i + " last element is " + h.get(n - 1));
            }
            var h = sum.physical().data().doubles();
            for (long j = 0; j < n; j += 4099) {
                require(h.get(j) == 2.0 + 2.0 + (k - 1), "sum element " + j + " is " + h.get(j));
            }
            return (2 * k + 2) * (n * 8 >> 20) + " MiB of stores through " + (m.capacity() >> 20) + " MiB";
        }
    }

    private static String cpuOnly() {
        long n = 100_003;
        double[] gpu = new double[(int) n];
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().build())) {
            SelfTestTasks t = rt.tasks(SelfTestTasks.class);
            axpyInto(rt, t, gpu);
        }
        try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().gpus(0).build())) {
            String why = rt.machine().unavailable().getOrDefault("cuda", "");
            require(rt.machine().count(ProcessorKind.GPU) == 0 && why.contains("disabled by configuration"),
                    "gpus=0 left " + rt.machine().count(ProcessorKind.GPU) + " GPUs; unavailable: "
                            + rt.machine().unavailable());
            double[] cpu = new double[(int) n];
            axpyInto(rt, rt.tasks(SelfTestTasks.class), cpu);
            for (int i = 0; i < n; i++) {
                require(Double.compare(cpu[i], gpu[i]) == 0, "element " + i + ": CPU " + cpu[i] + ", GPU " + gpu[i]);
            }
            return "cuda: " + why + "; " + n + " elements bitwise equal";
        }
    }

    private static void axpyInto(LegateRuntime rt, SelfTestTasks t, double[] result) {
        LogicalStore x = rt.createStore(DType.FLOAT64, result.length);
        LogicalStore y = rt.createStore(DType.FLOAT64, result.length);
        LogicalStore out = rt.createStore(DType.FLOAT64, result.length);
        writeRandom(x, 31);
        writeRandom(y, 32);
        t.axpy(out, x, y, -1.25);
        var o = out.physical().data().doubles();
        for (int i = 0; i < result.length; i++) {
            result[i] = o.get(i);
        }
    }

    /** A deterministic pseudo-random value for element {@code i} (SplitMix64). */
    static long mix(long i, long seed) {
        long z = (i + seed * 0x632BE59BD9B4E019L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Writes pseudo-random elements into a whole (non-view) store on the host. */
    static void writeRandom(LogicalStore s, long seed) {
        s.update(p -> {
            MemorySegment seg = p.segment();
            long base = p.origin();
            long n = p.volume();
            switch (p.type().size()) {
                case 8 -> {
                    if (p.type().equals(DType.FLOAT64)) {
                        for (long i = 0; i < n; i++) {
                            seg.setAtIndex(ValueLayout.JAVA_DOUBLE, base + i, (mix(i, seed) >>> 11) * 0x1.0p-52 - 1.0);
                        }
                    } else {
                        for (long i = 0; i < n; i++) {
                            seg.setAtIndex(ValueLayout.JAVA_LONG, base + i, mix(i, seed));
                        }
                    }
                }
                case 4 -> {
                    for (long i = 0; i < n; i++) {
                        seg.setAtIndex(ValueLayout.JAVA_INT, base + i, (int) mix(i, seed));
                    }
                }
                case 2 -> {
                    for (long i = 0; i < n; i++) {
                        seg.setAtIndex(ValueLayout.JAVA_SHORT, base + i, (short) mix(i, seed));
                    }
                }
                case 1 -> {
                    for (long i = 0; i < n; i++) {
                        seg.set(ValueLayout.JAVA_BYTE, base + i, (byte) mix(i, seed));
                    }
                }
                default -> throw new IllegalArgumentException("writeRandom does not handle " + p.type().name());
            }
        });
    }

    /** The raw bits of the element at store point {@code p} of a host tile of 1, 2, 4 or 8 bytes. */
    static long element(PhysicalStore s, long... p) {
        long i = s.index(p);
        MemorySegment seg = s.segment();
        return switch (s.type().size()) {
            case 8 -> seg.getAtIndex(ValueLayout.JAVA_LONG, i);
            case 4 -> seg.getAtIndex(ValueLayout.JAVA_INT, i);
            case 2 -> seg.getAtIndex(ValueLayout.JAVA_SHORT, i);
            case 1 -> seg.get(ValueLayout.JAVA_BYTE, i);
            default -> throw new IllegalArgumentException("element() does not handle " + s.type().name());
        };
    }

    private static void requireAll(PhysicalStore s, Scalar v) {
        int es = v.type().size();
        byte[] want = new byte[es];
        v.write(MemorySegment.ofArray(want), 0);
        MemorySegment w = MemorySegment.ofArray(want);
        MemorySegment seg = s.segment();
        long base = s.origin() * es;
        for (long i = 0; i < s.volume(); i++) {
            long at = base + i * es;
            require(MemorySegment.mismatch(seg, at, at + es, w, 0, es) == -1, v.type().name() + " element " + i
                    + " differs from " + v);
        }
    }

    private static void requireSameBytes(PhysicalStore a, PhysicalStore b) {
        long es = a.type().size();
        long n = a.volume();
        long m = MemorySegment.mismatch(a.segment(), a.origin() * es, (a.origin() + n) * es, b.segment(),
                b.origin() * es, (b.origin() + n) * es);
        require(m == -1, "stores differ at byte " + m + " of " + n * es);
    }
}
