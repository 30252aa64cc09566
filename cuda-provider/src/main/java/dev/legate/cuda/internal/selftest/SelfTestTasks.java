package dev.legate.cuda.internal.selftest;

import dev.legate.core.Align;
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
