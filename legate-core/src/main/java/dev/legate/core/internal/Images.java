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
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long n = tile.volume();
        PhysicalStore view = new PhysicalStore(lo.type(), lo.storeShape(), tile, lo.segment(), 0, lo.base(),
                lo.strides(), false, java.util.Optional.empty(), false);
        PhysicalStore hview = hi == null ? null : new PhysicalStore(hi.type(), hi.storeShape(), tile, hi.segment(), 0,
                hi.base(), hi.strides(), false, java.util.Optional.empty(), false);
        boolean contiguous = view.isContiguous() && (hview == null || hview.isContiguous());
        long o1 = view.origin();
        long o2 = hview == null ? 0 : hview.origin();
        for (long i = 0; i < n; i++) {
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
        return min > max ? Rect.of1(0, 0) : Rect.of1(min, max);
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
