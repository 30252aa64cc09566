package dev.legate.cpu.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Blocks from the C heap ({@code aligned_alloc}/{@code free}), seen as segments of the global
 * scope.
 *
 * <p>Why not arenas: every access to a segment of a shared arena checks that the arena is still
 * open, which the JIT cannot hoist out of loops that gather through an index; in a sparse
 * matrix-vector product that doubles the time per stored value. Segments of the global scope
 * carry no such check. The runtime, not the garbage collector, decides when a block is free,
 * so nothing is lost by giving up the arena's protection; blocks are not zeroed, as with
 * {@code malloc} in C or {@code numpy.empty}. Needs native access for this module
 * ({@code --enable-native-access=dev.legate.cpu}), which the project's launchers pass.
 */
final class NativeHeap {
    /** Blocks this large or larger get transparent huge pages, which fault in about twice as fast. */
    static final long HUGE = 2L << 20;
    private final MethodHandle alignedAlloc;
    private final MethodHandle free;
    private final MethodHandle madvise;

    NativeHeap() {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        alignedAlloc = linker.downcallHandle(libc.find("aligned_alloc").orElseThrow(
                () -> new IllegalStateException("the C library has no aligned_alloc")),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
        free = linker.downcallHandle(libc.find("free").orElseThrow(
                () -> new IllegalStateException("the C library has no free")),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
        madvise = libc.find("madvise").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT))).orElse(null);
    }

    /** A block of {@code bytes} (a multiple of {@code alignment}), or null when the C heap is exhausted. */
    MemorySegment allocate(long bytes, long alignment) {
        boolean huge = bytes >= HUGE && madvise != null;
        long align = huge ? HUGE : alignment;
        long size = huge ? (bytes + HUGE - 1) / HUGE * HUGE : bytes;
        long address;
        try {
            address = (long) alignedAlloc.invokeExact(align, size);
            if (address != 0 && huge) {
                int ignored = (int) madvise.invokeExact(address, size, MADV_HUGEPAGE);
            }
        } catch (Throwable t) {
            throw new IllegalStateException("aligned_alloc(" + align + ", " + size + ") failed", t);
        }
        return address == 0 ? null : MemorySegment.ofAddress(address).reinterpret(bytes);
    }

    private static final int MADV_HUGEPAGE = 14;

    /** Returns a block to the C heap. */
    void free(MemorySegment block) {
        try {
            free.invokeExact(block.address());
        } catch (Throwable t) {
            throw new IllegalStateException("free(" + block.address() + ") failed", t);
        }
    }
}
