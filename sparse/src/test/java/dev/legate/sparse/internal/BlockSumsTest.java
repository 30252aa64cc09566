package dev.legate.sparse.internal;

import static dev.legate.numeric.Numeric.array;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.legate.core.Legate;
import dev.legate.core.LegateRuntime;
import dev.legate.core.RuntimeConfig;
import dev.legate.sparse.Linalg;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CPU block sums behind {@code dot} and {@code norm} give exactly the documented sum: blocks
 * of the tile granule, each block's element k into accumulator k mod 4 (the tail into the first),
 * then the block sums added in ReduceKernels' pairwise tree, whatever the processor count; with
 * blocks longer than one bulk-copy piece and lengths that leave every tail size.
 */
class BlockSumsTest {
    private static double pairwise(double[] v, int a, int b) {
        if (b - a <= 8) {
            double s = 0;
            for (int i = a; i < b; i++) {
                s += v[i];
            }
            return s;
        }
        int m = a + (b - a) / 2;
        return pairwise(v, a, m) + pairwise(v, m, b);
    }

    private static double reference(double[] x, double[] y, int bs) {
        int n = x.length;
        int nb = (n + bs - 1) / bs;
        double[] blocks = new double[nb];
        for (int b = 0; b < nb; b++) {
            double[] s = new double[4];
            int i = b * bs;
            int end = Math.min(n, i + bs);
            int k = i;
            for (; k + 3 < end; k += 4) {
                for (int j = 0; j < 4; j++) {
                    s[j] += x[k + j] * y[k + j];
                }
            }
            for (; k < end; k++) {
                s[0] += x[k] * y[k];
            }
            blocks[b] = (s[0] + s[1]) + (s[2] + s[3]);
        }
        return pairwise(blocks, 0, nb);
    }

    @Test
    void dotAndNormAreTheDocumentedSums() {
        Random r = new Random(21);
        for (int bs : new int[] {1024, 5000}) {
            for (int cpus : new int[] {1, 2}) {
                try (LegateRuntime rt = Legate.start(RuntimeConfig.builder().cpus(cpus).minTileVolume(bs)
                        .tileGranule(bs).build())) {
                    LegateRuntime old = Legate.setDefault(rt);
                    try {
                        for (int n : new int[] {1, 7, 4097, 12_003, 30_001}) {
                            double[] x = r.doubles(n, -1, 1).toArray();
                            double[] y = r.doubles(n, -1, 1).toArray();
                            double dot = Linalg.dot(array(x), array(y)).item();
                            double norm = Linalg.norm(array(x)).item();
                            String what = "n " + n + ", block " + bs + ", " + cpus + " CPUs";
                            assertEquals(Double.doubleToLongBits(reference(x, y, bs)), Double.doubleToLongBits(dot),
                                    "dot, " + what);
                            assertEquals(Double.doubleToLongBits(Math.sqrt(reference(x, x, bs))),
                                    Double.doubleToLongBits(norm), "norm, " + what);
                        }
                    } finally {
                        Legate.setDefault(old);
                    }
                }
            }
        }
    }
}
