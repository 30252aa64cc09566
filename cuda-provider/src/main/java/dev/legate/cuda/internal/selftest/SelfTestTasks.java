package dev.legate.cuda.internal.selftest;

import dev.legate.core.Align;
import dev.legate.core.Bloat;
import dev.legate.core.Broadcast;
import dev.legate.core.DeviceContext;
import dev.legate.core.InputArray;
import dev.legate.core.OutputArray;
import dev.legate.core.PhysicalStore;
import dev.legate.core.ProcessorKind;
import dev.legate.core.Task;
import dev.legate.core.Tasks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The self-test's task library, written as any library writes GPU variants: CPU bodies in Java,
 * GPU bodies that launch kernels of the library's own PTX ({@code src/main/cuda/selftest.cu})
 * through {@link DeviceContext}, with no CUDA binding of their own.
 *
 * <p>The package is exported to {@code dev.legate.core} only, which implements the interface.
 */
public interface SelfTestTasks {
    /** The PTX module's name, unique per library. */
    String MODULE = "legate.cuda.selftest";

    /** {@code out = a * x + y} with one rounding. */
    @Task
    @Align({"out", "x", "y"})
    default void axpy(OutputArray out, InputArray x, InputArray y, double a) {
        var o = out.doubles();
        var xs = x.doubles();
        var ys = y.doubles();
        for (long i = 0; i < o.size(); i++) {
            o.set(i, Math.fma(a, xs.get(i), ys.get(i)));
        }
    }

    /** GPU variant of {@link #axpy}. */
    @Task(name = "axpy", kind = ProcessorKind.GPU)
    @Align({"out", "x", "y"})
    default void axpyGpu(OutputArray out, InputArray x, InputArray y, double a) {
        DeviceContext d = device();
        PhysicalStore o = dense(out);
        long n = o.volume();
        d.launch(d.kernel(MODULE, SelfTestTasks::ptx, "selftest_axpy"), grid(n), new int[] {256}, 0, o, dense(x),
                dense(y), n, a);
    }

    /** {@code out = (a * x) + b}, rounding after each operation. */
    @Task
    @Align({"out", "x"})
    default void scaleShift(OutputArray out, InputArray x, double a, double b) {
        var o = out.doubles();
        var xs = x.doubles();
        for (long i = 0; i < o.size(); i++) {
            double t = a * xs.get(i);
            o.set(i, t + b);
        }
    }

    /** GPU variant of {@link #scaleShift}: the intermediate lives in scratch memory. */
    @Task(name = "scaleShift", kind = ProcessorKind.GPU)
    @Align({"out", "x"})
    default void scaleShiftGpu(OutputArray out, InputArray x, double a, double b) {
        DeviceContext d = device();
        PhysicalStore o = dense(out);
        long n = o.volume();
        long tmp = d.scratch(Math.max(8, n * 8));
        d.launch(d.kernel(MODULE, SelfTestTasks::ptx, "selftest_scale"), grid(n), new int[] {256}, 0, tmp, dense(x), n,
                a);
        d.launch(d.kernel(MODULE, SelfTestTasks::ptx, "selftest_shift"), grid(n), new int[] {256}, 0, o, tmp, n, b);
    }

    /** {@code out[i] = (in[i-1] + in[i]) + in[i+1]}, ends clamped: each tile reads a halo of one element. */
    @Task
    @Bloat(src = "out", dst = "in", low = {1}, high = {1})
    default void stencil(OutputArray out, InputArray in) {
        PhysicalStore o = out.physical().data();
        PhysicalStore i = in.physical().data();
        long n = i.storeShape().extent(0);
        var od = o.doubles();
        for (long k = o.rect().lo(0); k < o.rect().hi(0); k++) {
            double l = i.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i.index(Math.max(0, k - 1)));
            double c = i.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i.index(k));
            double r = i.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i.index(Math.min(n - 1, k + 1)));
            od.set(k - o.rect().lo(0), (l + c) + r);
        }
    }

    /** GPU variant of {@link #stencil}. */
    @Task(name = "stencil", kind = ProcessorKind.GPU)
    @Bloat(src = "out", dst = "in", low = {1}, high = {1})
    default void stencilGpu(OutputArray out, InputArray in) {
        DeviceContext d = device();
        PhysicalStore o = dense(out);
        PhysicalStore i = dense(in);
        long lo = o.rect().lo(0);
        long hi = o.rect().hi(0);
        long n = i.storeShape().extent(0);
        d.launch(d.kernel(MODULE, SelfTestTasks::ptx, "selftest_stencil"), grid(hi - lo), new int[] {256}, 0,
                d.address(o) - lo * 8, d.address(i) - i.rect().lo(0) * 8, lo, hi, n);
    }

    /** {@code c = a b} for row-major float64 or float32 matrices, one tile each (a triple loop in double). */
    @Task
    @Broadcast("c")
    @Broadcast("a")
    @Broadcast("b")
    default void gemm(OutputArray c, InputArray a, InputArray b) {
        PhysicalStore pc = c.physical().data();
        PhysicalStore pa = a.physical().data();
        PhysicalStore pb = b.physical().data();
        boolean f64 = pc.type().size() == 8;
        long m = pc.rect().extent(0);
        long n = pc.rect().extent(1);
        long k = pa.rect().extent(1);
        for (long i = 0; i < m; i++) {
            for (long j = 0; j < n; j++) {
                double s = 0;
                for (long q = 0; q < k; q++) {
                    s += value(pa, f64, i, q) * value(pb, f64, q, j);
                }
                if (f64) {
                    pc.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, pc.index(i, j), s);
                } else {
                    pc.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, pc.index(i, j), (float) s);
                }
            }
        }
    }

    /** GPU variant of {@link #gemm}: cuBLAS through {@link dev.legate.cuda.Blas}. */
    @Task(name = "gemm", kind = ProcessorKind.GPU)
    @Broadcast("c")
    @Broadcast("a")
    @Broadcast("b")
    default void gemmGpu(OutputArray c, InputArray a, InputArray b) {
        dev.legate.cuda.Blas.gemm(device(), a.physical().data(), b.physical().data(), c.physical().data(), 1.0, 0.0);
    }

    private static double value(PhysicalStore s, boolean f64, long i, long j) {
        return f64 ? s.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, s.index(i, j))
                : s.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, s.index(i, j));
    }

    /** CUDA C++ compiled at run time by {@link #rtcAxpyGpu} (the same arithmetic as {@link #axpy}). */
    String RTC_SOURCE = """
            extern "C" __global__ void rtc_axpy(double* out, const double* x, const double* y, long long n, double a) {
                for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n;
                     i += (long long)gridDim.x * blockDim.x) {
                    out[i] = fma(a, x[i], y[i]);
                }
            }
            """;

    /** {@code out = a * x + y} with one rounding, as {@link #axpy}; the GPU variant's kernel is compiled at run time. */
    @Task
    @Align({"out", "x", "y"})
    default void rtcAxpy(OutputArray out, InputArray x, InputArray y, double a) {
        axpy(out, x, y, a);
    }

    /** GPU variant of {@link #rtcAxpy}: {@link #RTC_SOURCE} through {@link dev.legate.cuda.RuntimeCompiler}. */
    @Task(name = "rtcAxpy", kind = ProcessorKind.GPU)
    @Align({"out", "x", "y"})
    default void rtcAxpyGpu(OutputArray out, InputArray x, InputArray y, double a) {
        DeviceContext d = device();
        PhysicalStore o = dense(out);
        long n = o.volume();
        d.launch(dev.legate.cuda.RuntimeCompiler.kernel(d, RTC_SOURCE, "rtc_axpy"), grid(n), new int[] {256}, 0, o,
                dense(x), dense(y), n, a);
    }

    /** Reads its input and does nothing: makes the runtime bring a store to the processor. */
    @Task
    default void touch(InputArray in) {
        in.physical().data();
    }

    /** GPU variant of {@link #touch}. */
    @Task(name = "touch", kind = ProcessorKind.GPU)
    default void touchGpu(InputArray in) {
        device().address(in.physical().data());
    }

    /** Asks for a function the module does not have (to check how failures are reported). */
    @Task
    default void missingKernel(InputArray in) {
        throw new IllegalStateException("missingKernel has no CPU body");
    }

    /** GPU variant of {@link #missingKernel}. */
    @Task(name = "missingKernel", kind = ProcessorKind.GPU)
    default void missingKernelGpu(InputArray in) {
        device().kernel(MODULE, SelfTestTasks::ptx, "selftest_no_such_kernel");
    }

    private static DeviceContext device() {
        return Tasks.context().device().orElseThrow(() -> new IllegalStateException("a GPU variant ran without a device"));
    }

    private static PhysicalStore dense(dev.legate.core.ArrayArgument a) {
        PhysicalStore s = a.physical().data();
        if (!s.isContiguous()) {
            throw new IllegalArgumentException("the self-test kernels need dense tiles, got " + s);
        }
        return s;
    }

    private static int[] grid(long n) {
        return new int[] {(int) Math.max(1, Math.min((n + 255) / 256, 65535))};
    }

    private static byte[] ptx() {
        try (InputStream in = SelfTestTasks.class.getResourceAsStream("selftest.ptx")) {
            if (in == null) {
                throw new IllegalStateException("selftest.ptx is missing from module dev.legate.cuda");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read selftest.ptx", e);
        }
    }
}
