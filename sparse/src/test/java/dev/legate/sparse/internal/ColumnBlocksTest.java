package dev.legate.sparse.internal;

import static dev.legate.numeric.Numeric.array;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.legate.core.DType;
import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.RuntimeConfig;
import dev.legate.numeric.NDArray;
import dev.legate.sparse.CsrMatrix;
import dev.legate.sparse.Sparse;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The column-blocked SpMV (forced on CPUs here; GPUs pick it by cache size): every row is its
 * entries' sum in index order, bit for bit, whatever the number of blocks, with empty rows and
 * empty blocks; the blocks are reused while the matrix is unchanged and rebuilt after an in-place
 * change of its values.
 */
class ColumnBlocksTest {
    @AfterEach
    void reset() {
        ColumnBlocks.override(OptionalInt.empty());
    }

    private static LegateRuntime start(int cpus) {
        return Legate.start(RuntimeConfig.builder().cpus(cpus).minTileVolume(2).tileGranule(1).build());
    }

    private static <T> T on(LegateRuntime rt, Supplier<T> body) {
        LegateRuntime old = Legate.setDefault(rt);
        try {
            return body.get();
        } finally {
            Legate.setDefault(old);
        }
    }

    /** A random matrix whose rows have 0 to 40 entries, all in columns {@code [from, to)}. */
    private static Object[] matrix(Random rnd, int rows, int cols, int from, int to) {
        long[] ptr = new long[rows + 1];
        for (int r = 0; r < rows; r++) {
            int len = r % 7 == 3 ? 0 : rnd.nextInt(Math.min(40, to - from) + 1);
            ptr[r + 1] = ptr[r] + len;
        }
        int nnz = (int) ptr[rows];
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        for (int r = 0; r < rows; r++) {
            int[] picked = rnd.ints(from, to).distinct().limit(ptr[r + 1] - ptr[r]).sorted().toArray();
            for (int j = 0; j < picked.length; j++) {
                idx[(int) ptr[r] + j] = picked[j];
                val[(int) ptr[r] + j] = rnd.nextDouble() - 0.5;
            }
        }
        return new Object[] {ptr, idx, val};
    }

    private static void check(long[] ptr, int[] idx, double[] val, double[] x, double[] y, double[] y32) {
        for (int r = 0; r + 1 < ptr.length; r++) {
            double s = 0;
            float s32 = 0;
            for (long k = ptr[r]; k < ptr[r + 1]; k++) {
                s += val[(int) k] * x[idx[(int) k]];
                s32 += (float) val[(int) k] * (float) x[idx[(int) k]];
            }
            assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(y[r]), "row " + r);
            assertEquals(Float.floatToIntBits(s32), Float.floatToIntBits((float) y32[r]), "float32 row " + r);
        }
    }

    @Test
    void blockedProductsAreTheRowSumsInIndexOrder() {
        Random rnd = new Random(11);
        int rows = 900;
        int cols = 1000;
        // Columns everywhere; only in the first tenth (later blocks empty); only in the last
        // tenth (the first block empty).
        int[][] ranges = {{0, cols}, {0, cols / 10}, {cols - cols / 10, cols}};
        for (int[] range : ranges) {
            Object[] m = matrix(rnd, rows, cols, range[0], range[1]);
            long[] ptr = (long[]) m[0];
            int[] idx = (int[]) m[1];
            double[] val = (double[]) m[2];
            double[] x = rnd.doubles(cols, -1, 2).toArray();
            for (int cpus : new int[] {1, 2}) {
                try (LegateRuntime rt = start(cpus)) {
                    on(rt, () -> {
                        CsrMatrix a = Sparse.csr(array(val), array(idx), array(ptr), rows, cols);
                        CsrMatrix a32 = a.astype(DType.FLOAT32);
                        for (int blocks : new int[] {1, 2, 3, 5, 16}) {
                            ColumnBlocks.override(OptionalInt.of(blocks));
                            double[] y = a.matmul(array(x)).toDoubleArray();
                            double[] y32 = a32.matmul(array(x).astype(DType.FLOAT32)).toDoubleArray();
                            check(ptr, idx, val, x, y, y32);
                        }
                        return null;
                    });
                }
            }
        }
    }

    @Test
    void blocksAreReusedUntilTheMatrixChanges() {
        Random rnd = new Random(3);
        int rows = 300;
        int cols = 400;
        Object[] m = matrix(rnd, rows, cols, 0, cols);
        long[] ptr = (long[]) m[0];
        int[] idx = (int[]) m[1];
        double[] val = (double[]) m[2];
        double[] x = rnd.doubles(cols, -1, 2).toArray();
        try (LegateRuntime rt = start(2)) {
            on(rt, () -> {
                ColumnBlocks.override(OptionalInt.of(3));
                CsrMatrix a = Sparse.csr(array(val), array(idx), array(ptr), rows, cols);
                long before = ColumnBlocks.builds();
                double[] y = a.matmul(array(x)).toDoubleArray();
                assertEquals(before + 1, ColumnBlocks.builds(), "first product: blocks built");
                a.matmul(array(x)).toDoubleArray();
                assertEquals(before + 1, ColumnBlocks.builds(), "unchanged matrix: the cached blocks");
                // An in-place change of the values, through the view the matrix hands out.
                NDArray data = a.data();
                data.imultiply(2.0);
                double[] y2 = a.matmul(array(x)).toDoubleArray();
                assertEquals(before + 2, ColumnBlocks.builds(), "values changed: blocks built again");
                double[] doubled = new double[val.length];
                for (int i = 0; i < val.length; i++) {
                    doubled[i] = val[i] * 2;
                }
                double[] y32 = new double[rows];
                for (int r = 0; r < rows; r++) {
                    float s32 = 0;
                    for (long k = ptr[r]; k < ptr[r + 1]; k++) {
                        s32 += (float) doubled[(int) k] * (float) x[idx[(int) k]];
                    }
                    y32[r] = s32;
                }
                check(ptr, idx, doubled, x, y2, y32);
                for (int r = 0; r < rows; r++) {
                    assertEquals(2 * y[r], y2[r], Math.abs(y[r]) * 1e-14 + 1e-300, "row " + r);
                }
                return null;
            });
        }
    }

    @Test
    void blockCountFollowsTheCacheAndRowLength() {
        long mib = 1 << 20;
        // The flagship's x (8 * 10^7 bytes) on an H100's 50 MiB L2, 21 entries per row: 4 blocks.
        assertEquals(4, ColumnBlocks.blocksFor(80_000_000L, 50 * mib, 21));
        assertEquals(1, ColumnBlocks.blocksFor(20 * mib, 50 * mib, 21), "x fits half the cache");
        assertEquals(1, ColumnBlocks.blocksFor(80_000_000L, 50 * mib, 5), "rows too short for 4 passes");
        assertEquals(1, ColumnBlocks.blocksFor(80_000_000_000L, 50 * mib, 1000), "more than the most blocks");
        assertEquals(2, ColumnBlocks.blocksFor(40 * mib, 40 * mib, 6));
    }

    @Test
    void badPropertyNamesTheValue() {
        String old = System.getProperty(ColumnBlocks.PROPERTY);
        System.setProperty(ColumnBlocks.PROPERTY, "lots");
        try (LegateRuntime rt = start(1)) {
            on(rt, () -> {
                CsrMatrix a = Sparse.csr(array(new double[] {1}), array(new int[] {0}), array(new long[] {0, 1}), 1, 1);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> a.matmul(array(new double[] {2})));
                assertEquals(true, e.getMessage().contains("'lots'"), e.getMessage());
                return null;
            });
        } finally {
            if (old == null) {
                System.clearProperty(ColumnBlocks.PROPERTY);
            } else {
                System.setProperty(ColumnBlocks.PROPERTY, old);
            }
        }
    }
}
