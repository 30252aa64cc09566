package dev.legate.numeric.internal.ops;

import dev.legate.core.DType;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Shape;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.kernels.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * NumPy's {@code .npy} files: {@link #save} writes the header NumPy writes and the data in C
 * order to a temporary file beside the target, then moves it into place, so a failed save never
 * leaves a partial file at the target path; {@link #load} maps the file and copies the data into
 * a new array (byte-swapping files of the other byte order).
 */
public final class NpyIO {
    private NpyIO() {
    }

    /** The .npy dtype of a numeric type. */
    static Npy.Dtype dtype(DType t) {
        char kind = switch (t.code()) {
            case BOOL -> 'b';
            case INT8, INT16, INT32, INT64 -> 'i';
            case UINT8, UINT16, UINT32, UINT64 -> 'u';
            case FLOAT16, FLOAT32, FLOAT64 -> 'f';
            case COMPLEX64, COMPLEX128 -> 'c';
            default -> throw new TypeMismatchException("dtype " + t.name() + " cannot be saved as .npy");
        };
        return new Npy.Dtype(kind, t.size(), ByteOrder.nativeOrder());
    }

    /** The numeric type of a .npy dtype. */
    static DType type(Npy.Dtype d) {
        return switch (d.kind()) {
            case 'b' -> DType.BOOL;
            case 'i' -> switch (d.size()) {
                case 1 -> DType.INT8;
                case 2 -> DType.INT16;
                case 4 -> DType.INT32;
                default -> DType.INT64;
            };
            case 'u' -> switch (d.size()) {
                case 1 -> DType.UINT8;
                case 2 -> DType.UINT16;
                case 4 -> DType.UINT32;
                default -> DType.UINT64;
            };
            case 'f' -> switch (d.size()) {
                case 2 -> DType.FLOAT16;
                case 4 -> DType.FLOAT32;
                default -> DType.FLOAT64;
            };
            default -> d.size() == 8 ? DType.COMPLEX64 : DType.COMPLEX128;
        };
    }

    /** Writes {@code a} to {@code file} (replacing it) in NumPy's .npy format, waiting for the data. */
    public static void save(ArrayImpl a, Path file) {
        ArrayImpl c = a.flat().isPresent() ? a : Creation.copy(a);
        Npy.Dtype dt = dtype(c.dtype());
        long[] shape = c.shape().extents();
        byte[] header = Npy.header(dt, shape);
        long bytes = c.shape().volume() * c.dtype().size();
        PhysicalStore ps = c.store().physical().data();
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 Arena arena = Arena.ofConfined()) {
                MemorySegment img = ch.map(FileChannel.MapMode.READ_WRITE, 0, header.length + bytes, arena);
                MemorySegment.copy(MemorySegment.ofArray(header), 0, img, 0, header.length);
                if (bytes > 0) {
                    Npy.writeData(ps.segment(), ps.origin(), c.shape().volume(), dt, img, header.length);
                }
                img.force();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + c.shape() + " " + c.dtype().name() + " array to " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
        }
    }

    /**
     * Reads an .npy file written by NumPy or {@link #save}.
     *
     * @throws IllegalArgumentException naming the file and what is not supported (Fortran
     *         order, object or structured dtypes, a bad or truncated header)
     */
    public static ArrayImpl load(Ctx ctx, Path file) {
        try {
            return read(ctx, file);
        } catch (dev.legate.numeric.internal.kernels.NpyFormatException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static ArrayImpl read(Ctx ctx, Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            MemorySegment img = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            Npy.Header h = Npy.readHeader(img);
            ArrayImpl a = ArrayImpl.allocate(ctx, Shape.of(h.shape()), type(h.dtype()));
            if (h.count() > 0) {
                if (img.byteSize() < h.dataOffset() + h.dataBytes()) {
                    throw new dev.legate.numeric.internal.kernels.NpyFormatException(file + " is truncated: "
                            + img.byteSize() + " bytes, the header announces " + (h.dataOffset() + h.dataBytes()));
                }
                a.flat().orElseThrow().update(ps -> Npy.readData(img, h, 0, h.count(), ps.segment(), ps.origin()));
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file, e);
        }
    }
}
