package dev.legate.core.internal;

import dev.legate.core.LegateException;
import dev.legate.core.Partition;
import dev.legate.core.PhysicalStore;
import dev.legate.core.Point;
import dev.legate.core.Rect;
import dev.legate.core.Shape;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Image partitions: for each tile of a source store of indices (or of range bounds), the
 * bounding range of the target elements it names. Computing one reads the source's data, so
 * the result is cached per source storage version: an iterative solver computes it once.
 */
final class Images {
    /**
     * Elements per step of a tile's scan. A tile is scanned in steps, each a loop specialised to
     * one layout and index type, rather than in one general loop: a loop entered once per tile is
     * compiled only by on-stack replacement, whose code the JIT discards at the first branch its
     * profile had not seen (another index type than the last image's, say), leaving the thread to
     * interpret the rest of a tile of millions of indices (a third of a second for the first
     * product of a 21-million-entry matrix on 16 cores).
     */
    private static final long CHUNK = 4096;

    private Images() {
    }

    /** Per color, the bounding rectangle in the 1-d target of extent {@code extent}. */
    static Rect[] compute(RuntimeImpl rt, StoreArg src, StoreImpl hi, Partition srcPart, Shape launch, long extent) {
        int colors = (int) launch.volume();
        Rect[] srcTiles = new Rect[colors];
        for (int c = 0; c < colors; c++) {
            srcTiles[c] = srcPart.tile(Point.delinearize(c, launch));
        }
        Storage storage = src.store.storage();
        Object key = List.of(src.store.view(), hi == null ? List.of() : hi.view(), List.of(srcTiles), extent);
        if (storage.imageCache != null && storage.imageCacheVersion == storage.version
                && (hi == null || hi.storage() == storage)) {
            Rect[] cached = storage.imageCache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        PhysicalStore lo = rt.readOnHostLocked(src.store);
        PhysicalStore up = hi == null ? null : rt.readOnHostLocked(hi);
        Rect[] out = new Rect[colors];
        IntStream.range(0, colors).parallel().forEach(c -> out[c] = imageOf(lo, up, srcTiles[c], extent, src.name));
        if (storage.imageCache == null || storage.imageCacheVersion != storage.version) {
            storage.imageCache = new java.util.HashMap<>(2);
            storage.imageCacheVersion = storage.version;
        }
        if (hi == null || hi.storage() == storage) {
            storage.imageCache.put(key, out);
        }
        return out;
    }

    private static Rect imageOf(PhysicalStore lo, PhysicalStore hi, Rect tile, long extent, String name) {
        long n = tile.volume();
        PhysicalStore view = new PhysicalStore(lo.type(), lo.storeShape(), tile, lo.segment(), 0, lo.base(),
                lo.strides(), false, java.util.Optional.empty(), false);
        PhysicalStore hview = hi == null ? null : new PhysicalStore(hi.type(), hi.storeShape(), tile, hi.segment(), 0,
                hi.base(), hi.strides(), false, java.util.Optional.empty(), false);
        boolean contiguous = view.isContiguous() && (hview == null || hview.isContiguous());
        long o1 = view.origin();
        long o2 = hview == null ? 0 : hview.origin();
        long[] bounds = {Long.MAX_VALUE, Long.MIN_VALUE};
        TypeCode c1 = lo.type().code();
        TypeCode c2 = hi == null ? null : hi.type().code();
        for (long i = 0; i < n; i += CHUNK) {
            long to = Math.min(n, i + CHUNK);
            long[] step = {bounds[0], bounds[1]};
            if (contiguous && hview == null && c1 == TypeCode.INT32) {
                scanInts(lo.segment(), o1 + i, o1 + to, step);
            } else if (contiguous && hview == null && c1 == TypeCode.INT64) {
                scanLongs(lo.segment(), o1 + i, o1 + to, step);
            } else if (contiguous && c1 == TypeCode.INT64 && c2 == TypeCode.INT64) {
                scanRanges(lo.segment(), o1 + i, hi.segment(), o2 + i, to - i, step);
            } else {
                step[0] = Long.MIN_VALUE;
            }
            long min = step[0];
            long max = step[1];
            if (min < 0 || max > extent) {
                // Another layout or type, or an index out of range: the general scan (which names it).
                scan(lo, hi, view, hview, contiguous, o1, o2, i, to, tile, extent, name, bounds);
            } else {
                bounds[0] = min;
                bounds[1] = max;
            }
        }
        long min = bounds[0];
        long max = bounds[1];
        return min > max ? Rect.of1(0, 0) : Rect.of1(min, max);
    }

    private static void scanInts(MemorySegment seg, long from, long to, long[] bounds) {
        long min = bounds[0];
        long max = bounds[1];
        for (long k = from; k < to; k++) {
            long a = seg.getAtIndex(ValueLayout.JAVA_INT, k);
            min = Math.min(min, a);
            max = Math.max(max, a + 1);
        }
        bounds[0] = min;
        bounds[1] = max;
    }

    private static void scanLongs(MemorySegment seg, long from, long to, long[] bounds) {
        long min = bounds[0];
        long max = bounds[1];
        for (long k = from; k < to; k++) {
            long a = seg.getAtIndex(ValueLayout.JAVA_LONG, k);
            min = Math.min(min, a);
            max = Math.max(max, a + 1);
        }
        bounds[0] = min;
        bounds[1] = max;
    }

    private static void scanRanges(MemorySegment sa, long oa, MemorySegment sb, long ob, long n, long[] bounds) {
        long min = bounds[0];
        long max = bounds[1];
        for (long k = 0; k < n; k++) {
            long a = sa.getAtIndex(ValueLayout.JAVA_LONG, oa + k);
            long b = sb.getAtIndex(ValueLayout.JAVA_LONG, ob + k);
            if (b > a) {
                min = Math.min(min, a);
                max = Math.max(max, b);
            }
        }
        bounds[0] = min;
        bounds[1] = max;
    }

    /**
     * Widens {@code bounds} (min, max exclusive) by elements {@code [from, to)} of a tile, for any
     * layout and index type, naming the first index out of range.
     */
    private static void scan(PhysicalStore lo, PhysicalStore hi, PhysicalStore view, PhysicalStore hview,
                             boolean contiguous, long o1, long o2, long from, long to, Rect tile, long extent,
                             String name, long[] bounds) {
        long min = bounds[0];
        long max = bounds[1];
        for (long i = from; i < to; i++) {
            long a = read(lo, contiguous ? o1 + i : view.linearIndex(i));
            if (hview == null) {
                if (a < 0 || a >= extent) {
                    throw new LegateException("image of " + name + ": index " + a + " at element " + i + " of tile "
                            + tile + " is outside the target's extent " + extent);
                }
                min = Math.min(min, a);
                max = Math.max(max, a + 1);
            } else {
                long b = read(hi, contiguous ? o2 + i : hview.linearIndex(i));
                if (b > a) {
                    if (a < 0 || b > extent) {
                        throw new LegateException("image of " + name + ": range [" + a + ", " + b + ") at element " + i
                                + " of tile " + tile + " is outside the target's extent " + extent);
                    }
                    min = Math.min(min, a);
                    max = Math.max(max, b);
                }
            }
        }
        bounds[0] = min;
        bounds[1] = max;
    }

    private static long read(PhysicalStore s, long idx) {
        MemorySegment seg = s.segment();
        TypeCode c = s.type().code();
        return switch (c) {
            case INT64, UINT64 -> seg.getAtIndex(ValueLayout.JAVA_LONG, idx);
            case INT32 -> seg.getAtIndex(ValueLayout.JAVA_INT, idx);
            case UINT32 -> seg.getAtIndex(ValueLayout.JAVA_INT, idx) & 0xFFFF_FFFFL;
            case INT16 -> seg.getAtIndex(ValueLayout.JAVA_SHORT, idx);
            case UINT16 -> seg.getAtIndex(ValueLayout.JAVA_SHORT, idx) & 0xFFFF;
            case INT8 -> seg.get(ValueLayout.JAVA_BYTE, idx);
            case UINT8 -> seg.get(ValueLayout.JAVA_BYTE, idx) & 0xFF;
            default -> throw new LegateException("image source of type " + s.type().name() + " is not an integer store");
        };
    }
}
