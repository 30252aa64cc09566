package dev.legate.core.internal;

import dev.legate.core.Rect;
import dev.legate.core.spi.MemorySpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the valid data of one storage live, per memory, as rectangles with the node that makes
 * each valid (a writer or a copy; null once settled). A piece whose producer failed holds no
 * valid data: it is never written back, and the next write drops it. Used only when the runtime
 * has more than one memory. Called under the analysis lock, in program order, so every decision
 * is made before the nodes it creates run.
 */
final class Coherence {
    private record Piece(Rect rect, MemorySpace memory, Node producer) {
    }

    private final ArrayList<Piece> pieces = new ArrayList<>();

    /**
     * Prepares {@code reader} to read {@code r} in {@code m}: it waits for copies into {@code m}
     * still in flight, and for new copies of the parts valid only elsewhere.
     */
    void read(RuntimeImpl rt, Storage s, Rect r, MemorySpace m, Node reader) {
        if (r.isEmpty()) {
            return;
        }
        List<Rect> missing = new ArrayList<>(List.of(r));
        for (Piece p : pieces) {
            if (p.memory == m && p.rect.overlaps(r)) {
                if (p.producer != null && !p.producer.isDone()) {
                    p.producer.addSuccessor(reader);
                }
                missing = RectOps.subtract(missing, p.rect);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<Piece> added = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.memory == m || missing.isEmpty()) {
                continue;
            }
            List<Rect> still = new ArrayList<>();
            for (Rect q : missing) {
                Rect x = q.intersect(p.rect);
                if (x.isEmpty()) {
                    still.add(q);
                    continue;
                }
                CopyNode copy = rt.newCopy(s, x, p.memory, m);
                rt.residency().use(s, p.memory, copy);
                rt.residency().use(s, m, copy);
                if (p.producer != null) {
                    p.producer.addSuccessor(copy);
                }
                copy.addSuccessor(reader);
                added.add(new Piece(x, m, copy));
                still.addAll(RectOps.subtract(q, x));
                rt.release(copy);
            }
            missing = still;
        }
        for (Rect q : missing) {
            added.add(new Piece(q, m, null));
        }
        pieces.addAll(added);
    }

    /** Records that {@code writer} makes {@code r} valid in {@code m} and nowhere else. */
    void write(Rect r, MemorySpace m, Node writer) {
        if (r.isEmpty()) {
            return;
        }
        ArrayList<Piece> next = new ArrayList<>(pieces.size() + 1);
        for (Piece p : pieces) {
            if (p.producer != null && p.producer.failed()) {
                continue;
            }
            if (!p.rect.overlaps(r)) {
                next.add(settled(p));
            } else {
                for (Rect rest : RectOps.subtract(p.rect, r)) {
                    next.add(new Piece(rest, p.memory, settledProducer(p)));
                }
            }
        }
        next.add(new Piece(r, m, writer));
        pieces.clear();
        pieces.addAll(next);
    }

    /** Memories holding a valid copy of all of {@code r}. */
    List<MemorySpace> validIn(Rect r) {
        List<MemorySpace> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (!out.contains(p.memory)) {
                List<Rect> rest = new ArrayList<>(List.of(r));
                for (Piece q : pieces) {
                    if (q.memory == p.memory) {
                        rest = RectOps.subtract(rest, q.rect);
                    }
                }
                if (rest.isEmpty()) {
                    out.add(p.memory);
                }
            }
        }
        return out;
    }

    /** The parts valid in {@code m} and in no other memory (data whose writer failed are not valid). */
    List<Rect> soleIn(MemorySpace m) {
        List<Rect> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.memory != m || p.producer != null && p.producer.failed()) {
                continue;
            }
            List<Rect> rest = new ArrayList<>(List.of(p.rect));
            for (Piece q : pieces) {
                if (q.memory != m && q.rect.overlaps(p.rect)) {
                    rest = RectOps.subtract(rest, q.rect);
                }
            }
            out.addAll(rest);
        }
        return out;
    }

    /** The unfinished node that makes data in {@code r} valid in {@code m}, if any. */
    java.util.Optional<Node> producerOf(Rect r, MemorySpace m) {
        for (Piece p : pieces) {
            if (p.memory == m && p.rect.overlaps(r) && p.producer != null && !p.producer.isDone()) {
                return java.util.Optional.of(p.producer);
            }
        }
        return java.util.Optional.empty();
    }

    /** Records that {@code producer} makes {@code r} valid in {@code m} as well (a write-back). */
    void addValid(Rect r, MemorySpace m, Node producer) {
        pieces.add(new Piece(r, m, producer));
    }

    /** Forgets everything in {@code m}, whose instance is being evicted. */
    void forget(MemorySpace m) {
        pieces.removeIf(p -> p.memory == m);
    }

    private static Piece settled(Piece p) {
        return p.producer != null && p.producer.isDone() ? new Piece(p.rect, p.memory, null) : p;
    }

    private static Node settledProducer(Piece p) {
        return p.producer != null && p.producer.isDone() ? null : p.producer;
    }
}
