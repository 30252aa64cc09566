package dev.legate.cuda.internal;

import dev.legate.core.ProviderUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which physical GPU each GPU processor runs on. Normally one processor per visible GPU. With
 * {@code cuda.logicalGpus=N} (a testing aid) each physical GPU stands for {@code N} logical
 * processors, each with its own thread, streams and memory budget (an equal share of the GPU),
 * so that code paths for several GPUs (partitions across GPUs, halo exchanges, image gathers,
 * reductions folded across GPUs, copies between GPU memories) run on a machine with one.
 *
 * @param slots one entry per processor, in processor order
 */
record GpuLayout(List<Slot> slots) {
    /**
     * One processor's place.
     *
     * @param processor the processor's index
     * @param device the physical GPU's ordinal
     * @param sharers how many processors share that GPU (its memory is split among them)
     */
    record Slot(int processor, int device, int sharers) {
    }

    GpuLayout {
        slots = List.copyOf(slots);
    }

    /**
     * The layout for {@code requested} processors ({@code -1}: all) over {@code visible} GPUs with
     * {@code logical} processors per GPU, filling each GPU before the next.
     *
     * @throws ProviderUnavailableException when more processors are asked for than there are
     */
    static GpuLayout of(int visible, int requested, int logical) {
        if (logical < 1) {
            throw new IllegalArgumentException("option cuda.logicalGpus must be at least 1, got " + logical);
        }
        int available = visible * logical;
        int n = requested < 0 ? available : requested;
        if (n > available) {
            throw new ProviderUnavailableException("the configuration asks for " + n + " GPUs but " + visible
                    + " are visible" + (logical > 1 ? " (" + available + " logical GPUs with cuda.logicalGpus="
                    + logical + ")" : ""));
        }
        List<Slot> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            int device = p / logical;
            int sharers = Math.min(logical, n - device * logical);
            out.add(new Slot(p, device, sharers));
        }
        return new GpuLayout(out);
    }

    /** The number of physical GPUs in use. */
    int devices() {
        return slots.isEmpty() ? 0 : slots.get(slots.size() - 1).device() + 1;
    }

    /** Parses option {@code cuda.logicalGpus}. */
    static int parseLogical(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option cuda.logicalGpus must be an integer, got '" + text + "'", e);
        }
    }
}
