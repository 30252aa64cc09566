package dev.legate.numeric;

import dev.legate.numeric.internal.ops.NpyIO;
import java.nio.file.Path;

/** File input and output of {@link Numeric}; see there. */
abstract class NumericIO extends NumericStats {
    NumericIO() {
    }

    /**
     * NumPy's {@code save(file, a)}: writes {@code a} in the {@code .npy} format (C order, any
     * numeric dtype), byte-for-byte as {@code np.save} would; the file appears complete or not at
     * all. Waits for the data.
     *
     * @throws java.io.UncheckedIOException naming the file when it cannot be written
     */
    public static void save(Path file, NDArray a) {
        NpyIO.save(impl(a), file);
    }

    /**
     * NumPy's {@code load(file)} of an {@code .npy} file: any numeric dtype, either byte order.
     *
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     * @throws IllegalArgumentException naming the file and the problem when it is not a
     *         supported {@code .npy} file
     */
    public static NDArray load(Path file) {
        return wrap(NpyIO.load(ctx(), file));
    }
}
