package dev.legate.numeric;

import dev.legate.core.DType;
import dev.legate.core.Shape;
import dev.legate.numeric.internal.ArrayImpl;
import dev.legate.numeric.internal.Bridge;
import dev.legate.numeric.internal.Ctx;
import dev.legate.numeric.internal.ops.Advanced;
import dev.legate.numeric.internal.ops.RandomOps;
import dev.legate.numeric.internal.ops.Sorts;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NumPy's {@code Generator} on the Philox4x32-10 counter-based bit generator. Each draw uses a
 * fresh stream of the generator's seed, and element i of a draw depends only on (seed, stream,
 * i): the same seed gives the same arrays, in the same sequence of calls, for any number of
 * processors. The numbers differ from NumPy's (whose Philox is 4x64 and seeded differently);
 * the distributions are the same.
 *
 * <p>A generator may be shared by threads; the order of their draws then decides which draw gets
 * which stream.
 */
public final class Generator {
    private final long seed;
    private final AtomicInteger stream = new AtomicInteger();

    private Generator(long seed) {
        this.seed = seed;
    }

    /** A generator for {@code seed} (NumPy's {@code default_rng(seed)}). */
    public static Generator of(long seed) {
        return new Generator(seed);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    private static Ctx ctx() {
        return Ctx.current();
    }

    private int next() {
        return stream.getAndIncrement();
    }

    /** Uniform float64 values in [0, 1). */
    public NDArray random(long... shape) {
        return random(Shape.of(shape), DType.FLOAT64);
    }

    /** Uniform values in [0, 1) of {@code dtype} (float64 or float32). */
    public NDArray random(Shape shape, DType dtype) {
        return NDArray.wrap(RandomOps.uniform(ctx(), seed, next(), shape, dtype));
    }

    /** {@link #random(long...)} (NumPy's legacy {@code rand}). */
    public NDArray rand(long... shape) {
        return random(shape);
    }

    /** Uniform float64 values in [low, high). */
    public NDArray uniform(double low, double high, long... shape) {
        return random(shape).multiply(high - low).add(low);
    }

    /** Standard normal float64 values. */
    public NDArray standardNormal(long... shape) {
        return standardNormal(Shape.of(shape), DType.FLOAT64);
    }

    /** Standard normal values of {@code dtype} (float64 or float32). */
    public NDArray standardNormal(Shape shape, DType dtype) {
        return NDArray.wrap(RandomOps.normal(ctx(), seed, next(), shape, dtype));
    }

    /** Normal float64 values with mean {@code loc} and standard deviation {@code scale}. */
    public NDArray normal(double loc, double scale, long... shape) {
        if (scale < 0) {
            throw new IllegalArgumentException("normal: scale < 0 (" + scale + ")");
        }
        return standardNormal(shape).multiply(scale).add(loc);
    }

    /** int64 values uniform on [low, high). */
    public NDArray integers(long low, long high, long... shape) {
        return integers(low, high, Shape.of(shape), DType.INT64);
    }

    /** Integers of {@code dtype} uniform on [low, high). */
    public NDArray integers(long low, long high, Shape shape, DType dtype) {
        return NDArray.wrap(RandomOps.integers(ctx(), seed, next(), shape, dtype, low, high));
    }

    /** A random permutation of 0 .. n-1 (int64). */
    public NDArray permutation(long n) {
        NDArray keys = integers(Long.MIN_VALUE, Long.MAX_VALUE, n);
        return NDArray.wrap(Sorts.sort(Bridge.unwrap(keys), 0, Sorts.Kind.ARGSORT, new long[0]));
    }

    /** A copy of {@code x} with its rows (first axis) in random order. */
    public NDArray permutation(NDArray x) {
        return Numeric.take(x, permutation(x.shape().extent(0)), 0);
    }

    /** Puts the rows of {@code x} in random order, in place. */
    public void shuffle(NDArray x) {
        NDArray p = permutation(x);
        x.set(new Index[] {Index.all()}, p);
    }

    /** {@code size} values from 0 .. n-1, with or without replacement. */
    public NDArray choice(long n, long size, boolean replace) {
        if (replace) {
            return integers(0, n, size);
        }
        if (size > n) {
            throw new IllegalArgumentException("cannot take a larger sample (" + size + ") than population (" + n
                    + ") when replace=false");
        }
        return permutation(n).get(Index.to(size));
    }

    /** {@code size} elements of the 1-d {@code a}, with or without replacement. */
    public NDArray choice(NDArray a, long size, boolean replace) {
        return Numeric.take(a, choice(a.shape().extent(0), size, replace), 0);
    }

    /** {@code size} elements of the 1-d {@code a} drawn with replacement with probabilities {@code p}. */
    public NDArray choice(NDArray a, long size, NDArray p) {
        if (p.size() != a.shape().extent(0)) {
            throw new IllegalArgumentException("a and p must have the same size, got " + a.shape() + " and " + p.shape());
        }
        NDArray cdf = p.cumsum();
        NDArray norm = cdf.divide(cdf.get(-1L));
        NDArray u = random(size);
        ArrayImpl idx = Sorts.searchsorted(Bridge.unwrap(norm), Bridge.unwrap(u), true);
        NDArray clipped = Numeric.minimum(NDArray.wrap(idx), a.shape().extent(0) - 1);
        return NDArray.wrap(Advanced.take(Bridge.unwrap(a), Bridge.unwrap(clipped), 0));
    }
}
