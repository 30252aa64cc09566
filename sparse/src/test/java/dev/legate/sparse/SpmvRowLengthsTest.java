package dev.legate.sparse;

import static dev.legate.numeric.Numeric.array;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.legate.core.DType;
import dev.legate.core.LegateRuntime;
import dev.legate.numeric.NDArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SpMV over rows of very different lengths (empty, one entry, a stencil's five, dozens, hundreds),
 * mixed so that some chunks of rows take the kernel for short rows and others the one for long
 * rows: every row is its entries' sum in index order, bit for bit, float64 and float32.
 */
class SpmvRowLengthsTest {
    @Test
    void everyRowIsItsSumInIndexOrder() {
        Random rnd = new Random(5);
        int rows = 3000;
        int cols = 4000;
        int[] lengths = {0, 1, 5, 5, 5, 30, 0, 200};
        long[] ptr = new long[rows + 1];
        for (int r = 0; r < rows; r++) {
            // Runs of 300 rows share a length, so chunks of 256 rows see both kinds.
            ptr[r + 1] = ptr[r] + lengths[(r / 300) % lengths.length];
        }
        int nnz = (int) ptr[rows];
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        for (int r = 0; r < rows; r++) {
            int[] picked = rnd.ints(0, cols).distinct().limit(ptr[r + 1] - ptr[r]).sorted().toArray();
            for (int j = 0; j < picked.length; j++) {
                idx[(int) ptr[r] + j] = picked[j];
                val[(int) ptr[r] + j] = rnd.nextDouble() - 0.5;
            }
        }
        double[] x = new double[cols];
        for (int i = 0; i < cols; i++) {
            x[i] = rnd.nextDouble() * 3 - 1;
        }
        for (int cpus : new int[] {1, 2}) {
            try (LegateRuntime rt = Runtimes.start(cpus)) {
                Runtimes.on(rt, () -> {
                CsrMatrix a = Sparse.csr(array(val), array(idx), array(ptr), rows, cols);
                double[] y = a.matmul(array(x)).toDoubleArray();
                double[] y32 = a.astype(DType.FLOAT32).matmul(array(x).astype(DType.FLOAT32)).toDoubleArray();
                for (int r = 0; r < rows; r++) {
                    double s = 0;
                    float s32 = 0;
                    for (long k = ptr[r]; k < ptr[r + 1]; k++) {
                        s += val[(int) k] * x[idx[(int) k]];
                        s32 += (float) val[(int) k] * (float) x[idx[(int) k]];
                    }
                    assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(y[r]), "row " + r);
                    assertEquals(Float.floatToIntBits(s32), Float.floatToIntBits((float) y32[r]), "float32 row " + r);
                }
                    return null;
                });
            }
        }
    }
}
