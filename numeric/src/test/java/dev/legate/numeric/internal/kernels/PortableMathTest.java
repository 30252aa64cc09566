package dev.legate.numeric.internal.kernels;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortableMathTest {
    @Test
    void logIsWithinOneUlpOfStrictMath() {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] xs = new double[1 << 16];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = switch (i % 4) {
                case 0 -> rnd.nextDouble();
                case 1 -> 1 - rnd.nextDouble() * 1e-6;
                case 2 -> Math.scalb(rnd.nextDouble(0.5, 1), -rnd.nextInt(60));
                default -> rnd.nextDouble(0.5, 2e6);
            };
        }
        xs[0] = 1.0;
        xs[1] = 0x1.0p-53;
        xs[2] = Math.nextDown(1.0);
        double[] vec = new double[xs.length];
        PortableMath.log(xs, vec, xs.length);
        for (int i = 0; i < xs.length; i++) {
            double scalar = PortableMath.log(xs[i]);
            assertEquals(Double.doubleToRawLongBits(scalar), Double.doubleToRawLongBits(vec[i]),
                    "vector and scalar log differ at " + xs[i]);
            double exact = StrictMath.log(xs[i]);
            assertTrue(Math.abs(scalar - exact) <= Math.ulp(exact), "log(" + xs[i] + ") = " + scalar + ", want " + exact);
        }
    }

    @Test
    void sinCosOfATurnMatchStrictMath() {
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 1 << 16;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i < 64 ? (long) i << 58 : rnd.nextLong();
        }
        double[] sin = new double[n];
        double[] cos = new double[n];
        PortableMath.sinCosTurn(t, sin, cos, n);
        double[] sc = new double[2];
        for (int i = 0; i < n; i++) {
            PortableMath.sinCosTurn(t[i], sc);
            assertEquals(Double.doubleToRawLongBits(sc[0]), Double.doubleToRawLongBits(sin[i]), "sin, t=" + t[i]);
            assertEquals(Double.doubleToRawLongBits(sc[1]), Double.doubleToRawLongBits(cos[i]), "cos, t=" + t[i]);
            // The exact angle 2 pi a 2^-53 cannot be formed in double; reference it by quadrant.
            long a = t[i] >>> 11;
            long q = (a + (1L << 50)) >>> 51;
            double x = (a - (q << 51)) * (Math.PI / 2 * 0x1.0p-51);
            double s = StrictMath.sin(x);
            double c = StrictMath.cos(x);
            double[] want = switch ((int) (q & 3)) {
                case 0 -> new double[] {s, c};
                case 1 -> new double[] {c, -s};
                case 2 -> new double[] {-s, -c};
                default -> new double[] {-c, s};
            };
            assertEquals(want[0], sc[0], Math.ulp(want[0]) + 1e-300, "sin at t=" + t[i]);
            assertEquals(want[1], sc[1], Math.ulp(want[1]) + 1e-300, "cos at t=" + t[i]);
            assertEquals(Math.sin(2 * Math.PI * (a * 0x1.0p-53)), sc[0], 2e-15, "sin of the turn, t=" + t[i]);
        }
    }
}
