package dev.legate.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeClassesTest {
    @Test
    void smallRequestsRoundToPowersOfTwoFromHalfAKilobyte() {
        assertEquals(512, SizeClasses.blockSize(1));
        assertEquals(512, SizeClasses.blockSize(512));
        assertEquals(1024, SizeClasses.blockSize(513));
        assertEquals(1L << 20, SizeClasses.blockSize((1L << 19) + 1));
        assertEquals(1L << 20, SizeClasses.blockSize(1L << 20));
    }

    @Test
    void largeRequestsRoundToTwoMebibytes() {
        assertEquals(2L << 20, SizeClasses.blockSize((1L << 20) + 1));
        assertEquals(4L << 20, SizeClasses.blockSize((2L << 20) + 1));
        assertEquals(1L << 30, SizeClasses.blockSize(1L << 30));
    }

    @Test
    void everyBlockHoldsItsRequestAndIsAligned() {
        for (long n = 1; n < (64L << 20); n = n * 3 + 1) {
            long b = SizeClasses.blockSize(n);
            assertTrue(b >= n && b % 512 == 0, n + " -> " + b);
        }
    }

    @Test
    void reuseIsExactForSmallAndBoundedForLarge() {
        assertEquals(4096, SizeClasses.largestReusable(4096));
        assertEquals(4L << 20, SizeClasses.largestReusable(2L << 20));
        assertEquals((1L << 30) + (128L << 20), SizeClasses.largestReusable(1L << 30));
    }

    @Test
    void rejectsEmptyRequests() {
        assertThrows(IllegalArgumentException.class, () -> SizeClasses.blockSize(0));
        assertThrows(IllegalArgumentException.class, () -> SizeClasses.blockSize(-5));
    }
}
