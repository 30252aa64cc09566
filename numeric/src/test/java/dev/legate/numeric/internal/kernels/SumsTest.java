package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SumsTest {
    private static final int[] LENGTHS = {0, 1, 7, 8, 9, 127, 128, 129, 200, 1000};

    @Test
    void pairwiseIsNumPysSumBitForBit() {
        double[] x = Golden.doubles("sum_x.txt");
        double[] want = Golden.doubles("sum_np.txt");
        for (int i = 0; i < LENGTHS.length; i++) {
            assertEquals(want[i], Sums.pairwise(MemorySegment.ofArray(x), 0, 1, LENGTHS[i]), 0.0, "n=" + LENGTHS[i]);
        }
        float[] f = new float[x.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) x[i];
        }
        double[] wantF = Golden.doubles("sum_np_f32.txt");
        int[] lf = {7, 8, 129, 1000};
        for (int i = 0; i < lf.length; i++) {
            assertEquals((float) wantF[i], Sums.pairwiseFloat(MemorySegment.ofArray(f), 0, 1, lf[i]), 0.0f,
                    "float n=" + lf[i]);
        }
    }

    @Property(tries = 50)
    void stridedAndContiguousPathsAgree(@ForAll @IntRange(max = 700) int n, @ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n * stride + 1];
        float[] f = new float[n * stride + 1];
        double[] dense = new double[n];
        float[] denseF = new float[n];
        for (int i = 0; i < n; i++) {
            dense[i] = rnd.nextDouble(-1, 1) * Math.scalb(1.0, rnd.nextInt(-30, 30));
            denseF[i] = (float) dense[i];
            x[1 + i * stride] = dense[i];
            f[1 + i * stride] = denseF[i];
        }
        assertEquals(Sums.pairwise(MemorySegment.ofArray(dense), 0, 1, n),
                Sums.pairwise(MemorySegment.ofArray(x), 1, stride, n), 0.0);
        assertEquals(Sums.pairwiseFloat(MemorySegment.ofArray(denseF), 0, 1, n),
                Sums.pairwiseFloat(MemorySegment.ofArray(f), 1, stride, n), 0.0f);
    }

    @Property(tries = 50)
    void aligned2PowerTilingsGiveTheSameTotal(@ForAll @IntRange(min = 1, max = 5000) int n,
            @ForAll @IntRange(min = 1, max = 6) int log2BlocksPerTile, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-1, 1) * Math.scalb(1.0, rnd.nextInt(-40, 40));
        }
        int block = 16;
        int blocks = (n + block - 1) / block;
        double[] partials = new double[blocks];
        Sums.blockSums(MemorySegment.ofArray(x), 0, 1, n, block, partials, 0);
        double whole = Sums.combine(partials, 0, blocks);
        int perTile = 1 << log2BlocksPerTile;
        int tiles = (blocks + perTile - 1) / perTile;
        double[] tileValues = new double[tiles];
        for (int t = 0; t < tiles; t++) {
            int b0 = t * perTile;
            int b1 = Math.min(blocks, b0 + perTile);
            double[] local = new double[b1 - b0];
            long first = (long) b0 * block;
            Sums.blockSums(MemorySegment.ofArray(x), first, 1, Math.min(n, (long) b1 * block) - first, block, local, 0);
            tileValues[t] = Sums.combine(local, 0, local.length);
        }
        assertEquals(whole, Sums.combine(tileValues, 0, tiles), 0.0);
    }

    @Test
    void combineFollowsTheLargestPowerOfTwoSplit() {
        double[] v = {1e16, 1, -1e16, 1, 1};
        assertEquals(((1e16 + 1) + (-1e16 + 1)) + 1, Sums.combine(v, 0, 5), 0.0);
        assertEquals(0.0, Sums.combine(v, 2, 2), 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> Sums.blockSums(MemorySegment.ofArray(v), 0, 1, 5, 0, new double[5], 0));
    }
}
