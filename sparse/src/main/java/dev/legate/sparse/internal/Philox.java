package dev.legate.sparse.internal;

/**
 * Philox4x32-10 (Salmon et al., SC11), scalar form, for the library's random matrices and
 * vectors. The same block function as numeric's generator (that one is not exported); the
 * counter layout here is the sparse library's own:
 * <pre>
 *   key     = (low 32 bits of seed, high 32 bits of seed)
 *   counter = (low 32 bits of pos, high 32 bits of pos, stream, sub)
 * </pre>
 * Random matrices use {@code stream} = the row's low 32 bits and {@code sub} = its high bits
 * plus a purpose tag, and {@code pos} = the draw number within the row, so row {@code i}'s
 * entries depend only on {@code (seed, i)}: any tiling gives the same matrix.
 */
final class Philox {
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final long W0 = 0x9E3779B9L;
    private static final long W1 = 0xBB67AE85L;
    private static final long MASK = 0xFFFF_FFFFL;
    private static final double TWO_M53 = 0x1.0p-53;

    private Philox() {
    }

    /** The low 64 bits ({@code w0 | w1 << 32}) of block {@code (pos, stream, sub)}; hi words in {@code hiOut[0]}. */
    static long block(long seed, long pos, long stream, long sub, long[] hiOut) {
        long x0 = pos & MASK, x1 = pos >>> 32, x2 = stream & MASK, x3 = sub & MASK;
        long k0 = seed & MASK, k1 = seed >>> 32;
        for (int r = 0; r < 10; r++) {
            long p0 = M0 * x0, p1 = M1 * x2;
            long y0 = (p1 >>> 32) ^ x1 ^ k0;
            long y2 = (p0 >>> 32) ^ x3 ^ k1;
            x1 = p1 & MASK;
            x3 = p0 & MASK;
            x0 = y0;
            x2 = y2;
            k0 = (k0 + W0) & MASK;
            k1 = (k1 + W1) & MASK;
        }
        hiOut[0] = x2 | x3 << 32;
        return x0 | x1 << 32;
    }

    /** A uniform double in [0, 1) from 64 random bits (NumPy's conversion). */
    static double uniform(long bits) {
        return (bits >>> 11) * TWO_M53;
    }

    /** A uniform double in (0, 1] from 64 random bits. */
    static double uniformOpen0(long bits) {
        return ((bits >>> 11) + 1) * TWO_M53;
    }
}
