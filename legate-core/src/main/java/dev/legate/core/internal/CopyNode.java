package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.Rect;
import dev.legate.core.spi.Allocation;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.Provider;
import java.util.Optional;

/** Copies a rectangle of one storage between the instances of two memories. */
final class CopyNode extends Node {
    private final Storage storage;
    private final Rect rect;
    private final MemorySpace src;
    private final MemorySpace dst;
    private final Provider provider;

    CopyNode(RuntimeImpl rt, NodeGroup group, Storage storage, Rect rect, MemorySpace src, MemorySpace dst,
             Provider provider) {
        super(rt, group);
        this.storage = storage;
        this.rect = rect;
        this.src = src;
        this.dst = dst;
        this.provider = provider;
    }

    @Override
    void execute(Optional<DeviceContext> device) {
        if (!storage.hasInstance(src)) {
            return;
        }
        Allocation from = storage.instance(src);
        Allocation to = storage.instance(dst);
        long es = storage.elementSize();
        long[] shape = storage.shape();
        if (storage.bitmap) {
            long lo = rect.lo(0) / 8;
            long hi = (rect.hi(0) + 7) / 8;
            provider.copy(from, lo, to, lo, hi - lo);
            return;
        }
        RectOps.runs(rect, shape, (off, len) -> provider.copy(from, off * es, to, off * es, len * es));
    }

    @Override
    String label() {
        return "copy " + storage + " " + rect + " " + src.name() + "->" + dst.name();
    }
}
