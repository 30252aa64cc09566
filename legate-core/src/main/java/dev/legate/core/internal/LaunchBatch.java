package dev.legate.core.internal;

import dev.legate.core.DeviceContext;
import dev.legate.core.ProcessorKind;
import dev.legate.core.spi.ExecutionProcessor;
import dev.legate.core.spi.MemorySpace;
import dev.legate.core.spi.PointWork;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ready nodes of one launch on CPU processors that share a memory, handed to each processor
 * as one unit of work: its share of the nodes (the nodes mapped to it).
 *
 * <p>Overview: a processor runs its own share from the front, in chunks; once that is done it
 * takes chunks from the back of the shares other processors are still running, so a processor
 * that was descheduled or started late does not hold up the launch (the machine may be shared).
 * The first chunk of a share is never taken by another processor, so every processor given
 * nodes runs some of them. A node taken by another processor is mapped to it before it runs
 * (they share the memory, so its instances are the same). Each chunk retires its nodes from
 * their group with one update of the group's counter.
 *
 * <p>A share's range is one {@code long}: the back end in the high 32 bits, the front in the
 * low 32, claimed by compare-and-set.
 */
final class LaunchBatch {
    /** The most nodes claimed at once: small enough for a late processor to find work. */
    private static final int MAX_CHUNK = 1024;

    private final RuntimeImpl runtime;
    private final ExecutionProcessor[] procs;
    private final Node[][] shares;
    private final AtomicLong[] ranges;
    private final int[] chunks;

    private LaunchBatch(RuntimeImpl runtime, ExecutionProcessor[] procs, Node[][] shares, int[] sizes) {
        this.runtime = runtime;
        this.procs = procs;
        this.shares = shares;
        this.ranges = new AtomicLong[procs.length];
        this.chunks = new int[procs.length];
        for (int i = 0; i < procs.length; i++) {
            ranges[i] = new AtomicLong((long) sizes[i] << 32);
            chunks[i] = Math.clamp(sizes[i] / 8, 1, MAX_CHUNK);
        }
    }

    /** Whether nodes on {@code proc} may go into a batch: a CPU processor that is not in order. */
    static boolean accepts(ExecutionProcessor proc) {
        return proc.kind() == ProcessorKind.CPU && !proc.inOrder();
    }

    /**
     * Hands {@code nodes[0 .. n)}, ready and on processors that {@link #accepts}, to their
     * processors: one batch per group of processors sharing a memory.
     */
    static void dispatch(RuntimeImpl runtime, Node[] nodes, int n) {
        // Points are mapped to processors in runs (blocks of colors, or round robin): count
        // each processor's nodes first, so that its share is allocated once.
        ExecutionProcessor[] procs = new ExecutionProcessor[4];
        int[] sizes = new int[4];
        int p = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            ExecutionProcessor proc = nodes[i].processor;
            if (last < 0 || procs[last] != proc) {
                last = indexOf(procs, p, proc);
                if (last < 0) {
                    if (p == procs.length) {
                        procs = Arrays.copyOf(procs, p * 2);
                        sizes = Arrays.copyOf(sizes, p * 2);
                    }
                    last = p++;
                    procs[last] = proc;
                }
            }
            sizes[last]++;
        }
        Node[][] shares = new Node[p][];
        for (int i = 0; i < p; i++) {
            shares[i] = new Node[sizes[i]];
            sizes[i] = 0;
        }
        last = -1;
        for (int i = 0; i < n; i++) {
            ExecutionProcessor proc = nodes[i].processor;
            if (last < 0 || procs[last] != proc) {
                last = indexOf(procs, p, proc);
            }
            shares[last][sizes[last]++] = nodes[i];
        }
        for (int k = 0, j; k < p; k = j) {
            MemorySpace m = procs[k].memory();
            j = k + 1;
            for (int i = k + 1; i < p; i++) {
                if (procs[i].memory() == m) {
                    swap(procs, j, i);
                    swap(shares, j, i);
                    int t = sizes[j];
                    sizes[j] = sizes[i];
                    sizes[i] = t;
                    j++;
                }
            }
            if (j - k == 1 && sizes[k] == 1) {
                procs[k].execute(shares[k][0]);
                continue;
            }
            LaunchBatch b = new LaunchBatch(runtime, Arrays.copyOfRange(procs, k, j), Arrays.copyOfRange(shares, k, j),
                    Arrays.copyOfRange(sizes, k, j));
            for (int i = 0; i < b.procs.length; i++) {
                b.procs[i].execute(b.new Share(i));
            }
        }
    }

    private static int indexOf(ExecutionProcessor[] procs, int n, ExecutionProcessor proc) {
        for (int i = 0; i < n; i++) {
            if (procs[i] == proc) {
                return i;
            }
        }
        return -1;
    }

    private static <T> void swap(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Claims the owner's next chunk: its range as {@code (to << 32) | from}, or -1. */
    private long claimFront(int i) {
        AtomicLong r = ranges[i];
        while (true) {
            long s = r.get();
            int front = (int) s;
            int back = (int) (s >>> 32);
            if (front >= back) {
                return -1;
            }
            int to = Math.min(back, front + chunks[i]);
            if (r.compareAndSet(s, (long) back << 32 | to)) {
                return (long) to << 32 | front;
            }
        }
    }

    /** Claims a chunk from the back of another processor's share, past its first chunk; or -1. */
    private long claimBack(int i) {
        AtomicLong r = ranges[i];
        while (true) {
            long s = r.get();
            int front = (int) s;
            int back = (int) (s >>> 32);
            int floor = Math.max(front, chunks[i]);
            if (back <= floor) {
                return -1;
            }
            int from = Math.max(floor, back - chunks[i]);
            if (r.compareAndSet(s, (long) from << 32 | front)) {
                return (long) back << 32 | from;
            }
        }
    }

    private void runChunk(Node[] nodes, long range, ExecutionProcessor proc, Optional<DeviceContext> device) {
        int from = (int) range;
        int to = (int) (range >>> 32);
        NodeGroup group = null;
        int count = 0;
        for (int k = from; k < to; k++) {
            Node n = nodes[k];
            if (n.processor != proc) {
                n.processor = proc;
            }
            Throwable error = null;
            try {
                n.run(device);
            } catch (Throwable t) {
                error = t;
            }
            n.complete(error);
            if (n.group != group) {
                if (group != null) {
                    group.finished(runtime, count);
                }
                group = n.group;
                count = 0;
            }
            count++;
        }
        if (group != null) {
            group.finished(runtime, count);
        }
    }

    /** One processor's unit of work: its share, then what is left of the others. */
    private final class Share implements PointWork {
        private final int index;

        Share(int index) {
            this.index = index;
        }

        @Override
        public void run(Optional<DeviceContext> device) {
            ExecutionProcessor proc = procs[index];
            long r;
            while ((r = claimFront(index)) >= 0) {
                runChunk(shares[index], r, proc, device);
            }
            for (int k = 1; k < procs.length; k++) {
                int other = (index + k) % procs.length;
                while ((r = claimBack(other)) >= 0) {
                    runChunk(shares[other], r, proc, device);
                }
            }
        }

        @Override
        public void completed(Throwable failure) {
            if (failure != null) {
                throw new IllegalStateException("a batch of nodes cannot fail as a whole", failure);
            }
        }
    }
}
