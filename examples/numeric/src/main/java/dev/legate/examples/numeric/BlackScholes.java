package dev.legate.examples.numeric;

import static dev.legate.numeric.Numeric.*;

import dev.legate.core.Legate;
import dev.legate.numeric.Generator;
import dev.legate.numeric.NDArray;

/**
 * European option prices by the Black-Scholes formula, the cuPyNumeric example in Java: the
 * whole formula is element-wise, so it runs as a few fused tasks over all processors.
 *
 * <p>Run: {@code scripts/run-module dev.legate.examples.numeric/dev.legate.examples.numeric.BlackScholes [n]}
 */
public final class BlackScholes {
    private static final double A1 = 0.31938153;
    private static final double A2 = -0.356563782;
    private static final double A3 = 1.781477937;
    private static final double A4 = -1.821255978;
    private static final double A5 = 1.330274429;
    private static final double RSQRT2PI = 0.39894228040143267793994605993438;

    private BlackScholes() {
    }

    /** The cumulative normal distribution by the Abramowitz-Stegun polynomial. */
    static NDArray cnd(NDArray d) {
        NDArray k = divide(1.0, abs(d).multiply(0.2316419).add(1.0));
        NDArray poly = k.multiply(k.multiply(k.multiply(k.multiply(k.multiply(A5).add(A4)).add(A3)).add(A2)).add(A1));
        NDArray c = exp(d.multiply(d).multiply(-0.5)).multiply(RSQRT2PI).multiply(poly);
        return where(d.gt(0), subtract(1.0, c), c);
    }

    /**
     * Call and put prices for spot {@code s}, strike {@code x}, years to expiry {@code t}, riskless
     * rate {@code r} and volatility {@code v}.
     */
    public static NDArray[] price(NDArray s, NDArray x, NDArray t, double r, double v) {
        NDArray sqrtT = sqrt(t);
        NDArray d1 = log(s.divide(x)).add(t.multiply(r + 0.5 * v * v)).divide(sqrtT.multiply(v));
        NDArray d2 = d1.subtract(sqrtT.multiply(v));
        NDArray cndD1 = cnd(d1);
        NDArray cndD2 = cnd(d2);
        NDArray expRt = exp(t.multiply(-r));
        NDArray call = s.multiply(cndD1).subtract(x.multiply(expRt).multiply(cndD2));
        NDArray put = x.multiply(expRt).multiply(subtract(1.0, cndD2)).subtract(s.multiply(subtract(1.0, cndD1)));
        return new NDArray[] {call, put};
    }

    /** Random market data of {@code n} options: {spot, strike, years}. */
    public static NDArray[] data(long n, long seed) {
        Generator g = defaultRng(seed);
        return new NDArray[] {g.uniform(5, 30, n), g.uniform(1, 100, n), g.uniform(0.25, 10, n)};
    }

    /** Prices {@code n} options and prints the mean prices and the time taken. */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        NDArray[] d = data(n, 42);
        for (NDArray a : d) {
            a.evaluate();
        }
        Legate.runtime().fence();
        long t0 = System.nanoTime();
        NDArray[] cp = price(d[0], d[1], d[2], 0.02, 0.3);
        double call = cp[0].mean().item();
        double put = cp[1].mean().item();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("black-scholes n=%d mean_call=%.6f mean_put=%.6f s=%.3f%n", n, call, put, s);
    }
}
