package dev.legate.cuda.internal;

import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemsetD16Async;
import static jcuda.driver.JCudaDriver.cuMemsetD32Async;
import static jcuda.driver.JCudaDriver.cuMemsetD8Async;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Rect;
import dev.legate.core.Scalar;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.Supplier;
import jcuda.driver.CUstream;

/**
 * The GPU variants of the runtime's own tasks: {@code fill} (output 0 set to scalar 0) and
 * {@code copy} (input 0 into output 0), for elements of 1, 2, 4, 8 and 16 bytes and validity
 * bitmaps, with any strides. Dense tiles use the driver's memset and memcpy where they can;
 * everything else runs the kernels of {@code src/main/cuda/core.cu}.
 */
final class CoreKernels {
    static final String MODULE = "legate.core";
    private static final Supplier<byte[]> PTX = () -> resource("core.ptx");

    private CoreKernels() {
    }

    /** Reads a PTX file that sits beside this class in the module. */
    static byte[] resource(String name) {
        try (InputStream in = CoreKernels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("PTX resource " + name + " is missing from module dev.legate.cuda");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PTX resource " + name, e);
        }
    }

    private static TaskDevice device(TaskContext ctx) {
        DeviceContext d = ctx.device().orElseThrow(() -> new IllegalStateException(
                "GPU variant of " + ctx.task() + " ran without a device on " + ctx.processor().name()));
        if (!(d instanceof TaskDevice t)) {
            throw new IllegalStateException("GPU variant of " + ctx.task() + " needs the CUDA provider's device, got " + d);
        }
        return t;
    }

    /** Writes scalar 0 into every element of output 0. */
    static void fill(TaskContext ctx) {
        PhysicalStore out = ctx.output(0).data();
        long n = out.volume();
        if (n == 0) {
            return;
        }
        TaskDevice dev = device(ctx);
        Scalar v = ctx.scalar(0);
        if (out.isBitmap()) {
            requireOneDim(out, "fill");
            dev.launch1d(kernel(dev, "legate_fill_bits"), n, out.deviceAddress(), out.origin(), out.stride(0), n,
                    v.asBoolean() ? 1 : 0);
            return;
        }
        int es = out.type().size();
        long[] value = valueWords(v, es);
        long lo = value[0];
        long hi = value[1];
        long origin = dev.address(out);
        Dims dims = Dims.of(extents(out.rect()), out.strides());
        if (dims.contiguous()) {
            fillDense(dev, origin, n, es, lo, hi);
            return;
        }
        DeviceContext.Kernel k = kernel(dev, "legate_fill_strided_" + es);
        Object[] shape = dims.kernelShape();
        for (long l = 0, launches = dims.launches(); l < launches; l++) {
            Object[] args = new Object[shape.length + 3];
            args[0] = origin + dims.launchOffset(0, l) * es;
            System.arraycopy(shape, 0, args, 1, shape.length);
            args[shape.length + 1] = lo;
            args[shape.length + 2] = hi;
            dev.launch1d(k, (long) shape[0], args);
        }
    }

    private static void fillDense(TaskDevice dev, long origin, long n, int es, long lo, long hi) {
        int lo32 = (int) lo;
        boolean halvesEqual = lo32 == (int) (lo >>> 32);
        switch (es) {
            case 1 -> memset(dev, "cuMemsetD8Async", s -> cuMemsetD8Async(Handles.device(origin), (byte) lo, n, s));
            case 2 -> memset(dev, "cuMemsetD16Async", s -> cuMemsetD16Async(Handles.device(origin), (short) lo, n, s));
            case 4 -> memset(dev, "cuMemsetD32Async", s -> cuMemsetD32Async(Handles.device(origin), lo32, n, s));
            case 8 -> {
                if (halvesEqual) {
                    memset(dev, "cuMemsetD32Async", s -> cuMemsetD32Async(Handles.device(origin), lo32, 2 * n, s));
                } else {
                    dev.launch1d(kernel(dev, "legate_fill_contig_8"), (n + 1) / 2, origin, n, lo);
                }
            }
            case 16 -> {
                if (halvesEqual && lo == hi) {
                    memset(dev, "cuMemsetD32Async", s -> cuMemsetD32Async(Handles.device(origin), lo32, 4 * n, s));
                } else {
                    dev.launch1d(kernel(dev, "legate_fill_contig_16"), n, origin, n, lo, hi);
                }
            }
            default -> throw new TypeMismatchException("GPU fill supports elements of 1, 2, 4, 8 and 16 bytes, not " + es);
        }
    }

    private interface StreamCall {
        int call(CUstream stream);
    }

    private static void memset(TaskDevice dev, String name, StreamCall call) {
        Cuda.check(call.call(dev.use(TaskDevice.TASK)), name + " on gpu " + dev.ordinal());
    }

    /** Copies input 0 into output 0 element by element (same shape and type; any strides). */
    static void copy(TaskContext ctx) {
        PhysicalStore src = ctx.input(0).data();
        PhysicalStore dst = ctx.output(0).data();
        long n = dst.volume();
        if (n == 0) {
            return;
        }
        if (!src.rect().equals(dst.rect())) {
            throw new IllegalArgumentException("GPU copy needs tiles of one rectangle, got " + src.rect() + " and "
                    + dst.rect());
        }
        TaskDevice dev = device(ctx);
        if (dst.isBitmap()) {
            requireOneDim(dst, "copy");
            dev.launch1d(kernel(dev, "legate_copy_bits"), n, dst.deviceAddress(), dst.origin(), dst.stride(0),
                    src.deviceAddress(), src.origin(), src.stride(0), n);
            return;
        }
        int es = dst.type().size();
        long d0 = dev.address(dst);
        long s0 = dev.address(src);
        Dims dims = Dims.of(extents(dst.rect()), dst.strides(), src.strides());
        if (dims.contiguous()) {
            memset(dev, "cuMemcpyDtoDAsync", s -> cuMemcpyDtoDAsync(Handles.device(d0), Handles.device(s0), n * es, s));
            return;
        }
        if (es != 1 && es != 2 && es != 4 && es != 8 && es != 16) {
            throw new TypeMismatchException("GPU copy supports elements of 1, 2, 4, 8 and 16 bytes, not " + es);
        }
        DeviceContext.Kernel k = kernel(dev, "legate_copy_strided_" + es);
        Object[] shape = dims.kernelShape();
        for (long l = 0, launches = dims.launches(); l < launches; l++) {
            Object[] args = new Object[shape.length + 2];
            args[0] = d0 + dims.launchOffset(0, l) * es;
            args[1] = s0 + dims.launchOffset(1, l) * es;
            args[2] = shape[0];
            args[3] = shape[1];
            args[4] = shape[2];
            args[5] = shape[3];
            System.arraycopy(shape, 4, args, 6, shape.length - 4);
            dev.launch1d(k, (long) shape[0], args);
        }
    }

    private static DeviceContext.Kernel kernel(TaskDevice dev, String name) {
        return dev.kernel(MODULE, PTX, name);
    }

    private static void requireOneDim(PhysicalStore s, String what) {
        if (s.ndim() != 1) {
            throw new UnsupportedOperationException("GPU " + what + " of a validity bitmap needs a 1-d tile, got " + s);
        }
    }

    static long[] extents(Rect r) {
        long[] e = new long[r.ndim()];
        for (int d = 0; d < e.length; d++) {
            e[d] = r.extent(d);
        }
        return e;
    }

    /** The element's bytes as two little-endian words (the second is 0 for elements under 16 bytes). */
    static long[] valueWords(Scalar v, int es) {
        if (es > 16) {
            throw new TypeMismatchException("GPU fill supports elements of up to 16 bytes, not " + es + " ("
                    + v.type().name() + ")");
        }
        byte[] b = new byte[16];
        v.write(MemorySegment.ofArray(b), 0);
        Arrays.fill(b, es, 16, (byte) 0);
        MemorySegment s = MemorySegment.ofArray(b);
        return new long[] {s.get(ValueLayout.JAVA_LONG_UNALIGNED, 0), s.get(ValueLayout.JAVA_LONG_UNALIGNED, 8)};
    }
}
