package dev.legate.core.internal;

import dev.legate.core.PhysicalStore;
import dev.legate.core.ProcessorKind;
import dev.legate.core.Rect;
import dev.legate.core.Scalar;
import dev.legate.core.TaskBody;
import dev.legate.core.TaskContext;
import dev.legate.core.TaskId;
import dev.legate.core.TaskSignature;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;

/** The runtime's own tasks (library {@code legate.core}): fill and copy. */
final class Builtins {
    static final String LIBRARY = "legate.core";
    final TaskId fill;
    final TaskId copy;

    Builtins(LibraryImpl lib, Map<ProcessorKind, TaskBody> gpuFill, Map<ProcessorKind, TaskBody> gpuCopy) {
        java.util.EnumMap<ProcessorKind, TaskBody> f = new java.util.EnumMap<>(ProcessorKind.class);
        f.put(ProcessorKind.CPU, Builtins::fillCpu);
        f.putAll(gpuFill);
        java.util.EnumMap<ProcessorKind, TaskBody> c = new java.util.EnumMap<>(ProcessorKind.class);
        c.put(ProcessorKind.CPU, Builtins::copyCpu);
        c.putAll(gpuCopy);
        fill = lib.register("fill", new TaskSignature(0, 1, 0, 1), f);
        copy = lib.register("copy", new TaskSignature(1, 1, 0, 0), c);
    }

    /** Writes scalar 0 into every element of output 0. */
    static void fillCpu(TaskContext ctx) {
        PhysicalStore out = ctx.output(0).data();
        Scalar v = ctx.scalar(0);
        MemorySegment seg = out.segment();
        long n = out.volume();
        if (n == 0) {
            return;
        }
        if (out.isBitmap()) {
            var bits = out.bits();
            boolean b = v.asBoolean();
            for (long i = 0; i < n; i++) {
                bits.set(i, b);
            }
            return;
        }
        int es = out.type().size();
        if (out.isContiguous()) {
            long start = out.origin() * es;
            if (isZero(v)) {
                seg.asSlice(start, n * es).fill((byte) 0);
                return;
            }
            if (es == 8 && v.type().code().isFloating()) {
                double d = v.asDouble();
                for (long i = 0; i < n; i++) {
                    seg.set(ValueLayout.JAVA_DOUBLE, start + i * 8, d);
                }
                return;
            }
            v.write(seg, start);
            long filled = es;
            long total = n * es;
            while (filled < total) {
                long chunk = Math.min(filled, total - filled);
                MemorySegment.copy(seg, start, seg, start + filled, chunk);
                filled += chunk;
            }
            return;
        }
        for (long i = 0; i < n; i++) {
            v.write(seg, out.linearIndex(i) * es);
        }
    }

    private static boolean isZero(Scalar v) {
        return switch (v.type().code()) {
            case FLOAT16, FLOAT32, FLOAT64 -> Double.doubleToRawLongBits(v.asDouble()) == 0;
            case COMPLEX64, COMPLEX128 -> Double.doubleToRawLongBits(v.asDouble()) == 0
                    && Double.doubleToRawLongBits(v.imag()) == 0;
            case STRING, STRUCT -> false;
            default -> v.asLong() == 0;
        };
    }

    /** Copies input 0 into output 0 element by element (same shape and type; any strides). */
    static void copyCpu(TaskContext ctx) {
        PhysicalStore src = ctx.input(0).data();
        PhysicalStore dst = ctx.output(0).data();
        long n = dst.volume();
        if (n == 0) {
            return;
        }
        if (dst.isBitmap()) {
            var from = src.bits();
            var to = dst.bits();
            for (long i = 0; i < n; i++) {
                to.set(i, from.get(i));
            }
            return;
        }
        int es = dst.type().size();
        if (src.isContiguous() && dst.isContiguous()) {
            MemorySegment.copy(src.segment(), src.origin() * es, dst.segment(), dst.origin() * es, n * es);
            return;
        }
        Rect r = dst.rect();
        int nd = r.ndim();
        long inner = r.extent(nd - 1);
        long ss = src.stride(nd - 1);
        long ds = dst.stride(nd - 1);
        MemorySegment s = src.segment();
        MemorySegment d = dst.segment();
        for (long row = 0; row < n; row += inner) {
            long si = src.linearIndex(row);
            long di = dst.linearIndex(row);
            if (ss == 1 && ds == 1) {
                MemorySegment.copy(s, si * es, d, di * es, inner * es);
            } else if (es == 8) {
                for (long k = 0; k < inner; k++) {
                    d.set(ValueLayout.JAVA_LONG, (di + k * ds) * 8, s.get(ValueLayout.JAVA_LONG, (si + k * ss) * 8));
                }
            } else {
                for (long k = 0; k < inner; k++) {
                    MemorySegment.copy(s, (si + k * ss) * es, d, (di + k * ds) * es, es);
                }
            }
        }
    }
}
