package dev.legate.core.internal;

import dev.legate.core.Rect;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Dependence analysis per storage. A new access depends on each earlier, unfinished access of
 * another operation that overlaps it and conflicts with it (either one writes); two reads
 * commute. An earlier access is retired once its operation has finished, or once a later
 * write covers it (later accesses then depend on that write, which depends on it).
 * Called under the runtime's analysis lock.
 */
final class Dependences {
    private Dependences() {
    }

    static void analyze(Storage storage, NodeGroup group, Node[] nodes, Rect[] rects, boolean write) {
        analyze(storage, group, nodes, rects, bounds(rects), write);
    }

    /** As above, with {@code bounds}: {@link #bounds(Rect[])} of {@code rects}, computed by the caller. */
    static void analyze(Storage storage, NodeGroup group, Node[] nodes, Rect[] rects, Rect bounds, boolean write) {
        if (bounds == null) {
            return;
        }
        ArrayList<OpAccess> list = storage.accesses;
        int kept = 0;
        for (int i = 0, n = list.size(); i < n; i++) {
            OpAccess a = list.get(i);
            boolean keep = !a.group.isDone();
            if (keep && a.group != group && (write || a.write) && a.bounds.overlaps(bounds)) {
                addEdges(a, nodes, rects);
                if (write && covers(rects, bounds, a)) {
                    keep = false;
                }
            }
            if (keep) {
                list.set(kept++, a);
            }
        }
        while (list.size() > kept) {
            list.removeLast();
        }
        list.add(new OpAccess(group, nodes, rects, bounds, write));
    }

    /** The bounding rectangle of the non-empty rectangles, or null when all are empty. */
    static Rect bounds(Rect[] rects) {
        if (rects.length == 1) {
            return rects[0].isEmpty() ? null : rects[0];
        }
        long[] lo = null;
        long[] hi = null;
        for (Rect r : rects) {
            if (r.isEmpty()) {
                continue;
            }
            if (lo == null) {
                lo = r.lo();
                hi = r.hi();
                continue;
            }
            for (int d = 0; d < lo.length; d++) {
                lo[d] = Math.min(lo[d], r.lo(d));
                hi[d] = Math.max(hi[d], r.hi(d));
            }
        }
        return lo == null ? null : new Rect(lo, hi);
    }

    /** Edges from each point of {@code a} to each new point whose rectangle overlaps it. */
    private static void addEdges(OpAccess a, Node[] nodes, Rect[] rects) {
        if (a.rects.length == rects.length && Arrays.equals(a.rects, rects)) {
            for (int i = 0; i < rects.length; i++) {
                if (!rects[i].isEmpty()) {
                    a.nodes[i].addSuccessor(nodes[i]);
                }
            }
            return;
        }
        for (int i = 0; i < rects.length; i++) {
            Node next = nodes[i];
            if (!rects[i].isEmpty() && a.bounds.overlaps(rects[i])) {
                a.forEachOverlap(rects[i], k -> a.nodes[k].addSuccessor(next));
            }
        }
    }

    /** Whether the new rectangles together contain every rectangle of {@code a}. */
    private static boolean covers(Rect[] rects, Rect bounds, OpAccess a) {
        if (!bounds.contains(a.bounds)) {
            return false;
        }
        if (a.rects.length == rects.length && Arrays.equals(a.rects, rects)) {
            return true;
        }
        if ((long) rects.length * a.rects.length > 4096) {
            return false;
        }
        outer:
        for (Rect old : a.rects) {
            if (old.isEmpty()) {
                continue;
            }
            for (Rect r : rects) {
                if (r.contains(old)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}
