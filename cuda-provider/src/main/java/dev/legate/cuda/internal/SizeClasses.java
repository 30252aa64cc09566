package dev.legate.cuda.internal;

/**
 * The block sizes of the device allocator. Small requests (up to 1 MiB) round up to a power of
 * two of at least 512 bytes and are reused only by requests of the same class; large ones round
 * up to a multiple of 2 MiB and may reuse a cached block up to an eighth (at least 2 MiB)
 * larger, which bounds the memory a reuse wastes while letting slightly different sizes (tiles
 * of uneven partitions) share blocks.
 */
final class SizeClasses {
    static final long MIN_BLOCK = 512;
    static final long SMALL_LIMIT = 1L << 20;
    static final long LARGE_GRANULE = 2L << 20;

    private SizeClasses() {
    }

    /** The block size for a request of {@code bytes} (positive). */
    static long blockSize(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("allocation size must be positive, got " + bytes);
        }
        if (bytes <= MIN_BLOCK) {
            return MIN_BLOCK;
        }
        if (bytes <= SMALL_LIMIT) {
            return Long.highestOneBit(bytes - 1) << 1;
        }
        if (bytes > Long.MAX_VALUE - LARGE_GRANULE) {
            throw new IllegalArgumentException("allocation of " + bytes + " bytes is too large");
        }
        return (bytes + LARGE_GRANULE - 1) / LARGE_GRANULE * LARGE_GRANULE;
    }

    /** The largest cached block a request whose block size is {@code blockSize} may take. */
    static long largestReusable(long blockSize) {
        if (blockSize <= SMALL_LIMIT) {
            return blockSize;
        }
        long slack = Math.max(LARGE_GRANULE, blockSize / 8 / LARGE_GRANULE * LARGE_GRANULE);
        return blockSize + slack;
    }
}
