package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiloxNormalTest {
    private static final int N = 1 << 20;

    private static double[] normals(long seed, int stream, long first, int n) {
        double[] z = new double[n];
        PhiloxNormal.fillDoubles(seed, stream, first, MemorySegment.ofArray(z), 0, 1, n);
        return z;
    }

    @Test
    void momentsAreThoseOfAStandardNormal() {
        double[] z = normals(2024, 0, 0, N);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        for (double v : z) {
            m1 += v;
            m2 += v * v;
            m3 += v * v * v;
            m4 += v * v * v * v;
        }
        m1 /= N;
        m2 /= N;
        m3 /= N;
        m4 /= N;
        // Standard errors: mean 1/sqrt(N), variance sqrt(2/N), skewness sqrt(15/N), kurtosis sqrt(96/N).
        assertEquals(0, m1, 5 / Math.sqrt(N), "mean");
        assertEquals(1, m2, 5 * Math.sqrt(2.0 / N), "variance");
        assertEquals(0, m3, 5 * Math.sqrt(15.0 / N), "third moment");
        assertEquals(3, m4, 5 * Math.sqrt(96.0 / N), "fourth moment");
    }

    @Test
    void passesKolmogorovSmirnovAgainstThePhiCdf() {
        double[] z = normals(7, 3, 1L << 35, N);
        double d = Distributions.ksStatistic(z, Distributions::normalCdf);
        assertTrue(d < Distributions.ksCritical(N), "KS statistic " + d);
        double[] odd = new double[N / 2];
        double[] even = new double[N / 2];
        for (int i = 0; i < N / 2; i++) {
            even[i] = z[2 * i];
            odd[i] = z[2 * i + 1];
        }
        assertTrue(Distributions.ksStatistic(even, Distributions::normalCdf) < Distributions.ksCritical(N / 2),
                "cosine half");
        assertTrue(Distributions.ksStatistic(odd, Distributions::normalCdf) < Distributions.ksCritical(N / 2),
                "sine half");
    }

    @Test
    void tailsHaveTheRightMass() {
        double[] z = normals(99, 0, 0, 4 * N);
        long beyond3 = 0;
        long beyond4 = 0;
        for (double v : z) {
            beyond3 += Math.abs(v) > 3 ? 1 : 0;
            beyond4 += Math.abs(v) > 4 ? 1 : 0;
        }
        double p3 = Distributions.erfc(3 / Math.sqrt(2));
        double p4 = Distributions.erfc(4 / Math.sqrt(2));
        double n = z.length;
        assertEquals(p3 * n, beyond3, 5 * Math.sqrt(p3 * n), "mass beyond 3 sigma");
        assertEquals(p4 * n, beyond4, 5 * Math.sqrt(p4 * n) + 2, "mass beyond 4 sigma");
    }

    @Test
    void pairsAreUncorrelated() {
        double[] z = normals(5, 1, 0, N);
        double c = 0;
        for (int i = 0; i < N; i += 2) {
            c += z[i] * z[i + 1];
        }
        assertEquals(0, c / (N / 2), 5 / Math.sqrt(N / 2), "correlation of the two variates of a pair");
    }

    @Test
    void floatsAreTheDoublesRounded() {
        int n = 5000;
        double[] d = normals(31, 2, 17, n);
        float[] f = new float[n];
        PhiloxNormal.fillFloats(31, 2, 17, MemorySegment.ofArray(f), 0, 1, n);
        for (int i = 0; i < n; i++) {
            assertEquals((float) d[i], f[i], "element " + (17 + i));
        }
    }

    @Property(tries = 40)
    void anyTilingGivesTheSameBits(@ForAll long seed, @ForAll int stream,
            @ForAll @LongRange(min = 0, max = 1L << 45) long first, @ForAll @IntRange(min = 1, max = 1200) int n,
            @ForAll long pieces) {
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> PhiloxNormal.fillDoubles(seed, stream, f, o, off, s, c),
                8, first, n, pieces);
        StreamFill.assertTilingInvariant((f, o, off, s, c) -> PhiloxNormal.fillFloats(seed, stream, f, o, off, s, c),
                4, first, n, pieces);
    }
}
