package dev.legate.sparse.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * What the GPU variants share: the library's PTX module ({@code src/main/cuda/sparse.cu},
 * compiled by {@code scripts/gpu-ptx} into the resource {@code sparse.ptx} beside this class),
 * loaded once per GPU through {@link DeviceContext#kernel}, and the pointers the kernels take.
 *
 * <p>Kernels address 1-d stores by global index: pointer {@code p} with element {@code i} of
 * the store at {@code p[i]}. {@link #in} makes a strided input tile dense in scratch memory
 * first, so every such pointer has unit stride; {@link #out} refuses strided outputs, which the
 * library never creates.
 */
final class Gpu {
    /** The PTX module's name, unique among the libraries loaded into one GPU. */
    static final String MODULE = "legate.sparse";
    /** Threads per block of the grid-stride kernels. */
    static final int THREADS = 256;
    /** Most blocks of a grid-stride launch: enough to fill any current GPU several times over. */
    private static final long MAX_BLOCKS = 8192;
    private static final Supplier<byte[]> PTX = Gpu::ptx;

    private Gpu() {
    }

    private static byte[] ptx() {
        try (InputStream in = Gpu.class.getResourceAsStream("sparse.ptx")) {
            if (in == null) {
                throw new IllegalStateException("PTX resource sparse.ptx is missing from module dev.legate.sparse");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PTX resource sparse.ptx", e);
        }
    }

    /** The device of a GPU variant. */
    static DeviceContext device(TaskContext ctx) {
        return ctx.device().orElseThrow(() -> new IllegalStateException("GPU variant of " + ctx.task()
                + " ran without a device on processor " + ctx.processor().name()));
    }

    /** Function {@code name} of the library's module on this device. */
    static DeviceContext.Kernel kernel(DeviceContext d, String name) {
        return d.kernel(MODULE, PTX, name);
    }

    /** A grid-stride launch of {@code name} over {@code n} items (nothing when {@code n} is 0). */
    static void launch(DeviceContext d, String name, long n, Object... args) {
        if (n <= 0) {
            return;
        }
        d.launch(kernel(d, name), new int[] {blocks(n, THREADS)}, new int[] {THREADS}, 0, args);
    }

    /** Blocks of {@code threads} threads for {@code n} items, at most {@link #MAX_BLOCKS}. */
    static int blocks(long n, int threads) {
        return (int) Math.max(1, Math.min((n + threads - 1) / threads, MAX_BLOCKS));
    }

    /** The kernel-name suffix of a value type: {@code f64} or {@code f32}. */
    static String suffix(PhysicalStore s) {
        return switch (s.type().code()) {
            case FLOAT64 -> "f64";
            case FLOAT32 -> "f32";
            default -> throw new TypeMismatchException("GPU variants of the sparse library take float32 or float64 "
                    + "values, got " + s.type().name() + " in " + s);
        };
    }

    /** Checks a CSR tile's row offsets (int64) and column indices (int32). */
    static void requireRows(PhysicalStore lo, PhysicalStore hi, PhysicalStore crd) {
        require(lo, TypeCode.INT64, "row offsets");
        require(hi, TypeCode.INT64, "row offsets");
        require(crd, TypeCode.INT32, "column indices");
    }

    /** Checks that {@code s} holds elements of type {@code code}. */
    static void require(PhysicalStore s, TypeCode code, String what) {
        if (s.type().code() != code) {
            throw new TypeMismatchException(what + " must be " + code + ", got " + s.type().name() + " (" + s + ")");
        }
    }

    /** Checks that the stores have one element type. */
    static void sameType(PhysicalStore a, PhysicalStore b, String what) {
        if (!a.type().equals(b.type())) {
            throw new TypeMismatchException(what + " must have one element type, got " + a.type().name() + " and "
                    + b.type().name());
        }
    }

    private static boolean unitStride(PhysicalStore s) {
        return s.ndim() == 0 || s.stride(0) == 1 || s.rect().extent(0) <= 1;
    }

    /**
     * The global-index pointer of a 1-d (or 0-d) input tile; a strided tile is copied densely
     * into scratch memory first (valid until the task finishes).
     */
    static long in(DeviceContext d, PhysicalStore s) {
        long size = s.type().size();
        if (s.volume() == 0) {
            return 0;
        }
        long lo = s.ndim() == 0 ? 0 : s.rect().lo(0);
        if (unitStride(s)) {
            return d.address(s) - lo * size;
        }
        if (s.ndim() != 1 || (size != 4 && size != 8)) {
            throw new IllegalArgumentException("GPU variants of the sparse library take strided 1-d tiles of 4- or "
                    + "8-byte elements, got " + s + " with strides " + java.util.Arrays.toString(s.strides()));
        }
        long n = s.volume();
        long dense = d.scratch(n * size);
        launch(d, size == 4 ? "sparse_gather_4" : "sparse_gather_8", n, dense, d.address(s), s.stride(0), n);
        return dense - lo * size;
    }

    /** The global-index pointer of a 1-d (or 0-d) output tile, which must have unit stride. */
    static long out(DeviceContext d, PhysicalStore s) {
        if (s.volume() == 0) {
            return 0;
        }
        if (!unitStride(s)) {
            throw new IllegalArgumentException("GPU variants of the sparse library write dense 1-d tiles; " + s
                    + " has strides " + java.util.Arrays.toString(s.strides()));
        }
        long lo = s.ndim() == 0 ? 0 : s.rect().lo(0);
        return d.address(s) - lo * s.type().size();
    }

    /** Scratch memory for {@code n} int64 values. */
    static long scratchLongs(DeviceContext d, long n) {
        return d.scratch(Math.max(1, n) * 8);
    }

    /**
     * {@code out[0] = 0, out[i + 1] = counts[0] + ... + counts[i]} for {@code n} int64 counts at
     * {@code counts} (device pointers of dense arrays).
     */
    static void exclusiveScan(DeviceContext d, long counts, long n, long out) {
        long tile = 256 * 8;
        long tiles = Math.max(1, (n + tile - 1) / tile);
        long sums = scratchLongs(d, tiles);
        int grid = (int) Math.min(tiles, 65_535);
        if (n > 0) {
            d.launch(kernel(d, "sparse_scan_tiles"), new int[] {grid}, new int[] {256}, 0, counts, n, sums);
            d.launch(kernel(d, "sparse_scan_sums"), new int[] {1}, new int[] {256}, 0, sums, tiles);
        }
        d.launch(kernel(d, "sparse_scan_apply"), new int[] {grid}, new int[] {256}, 0, counts, n, sums, out);
    }
}
