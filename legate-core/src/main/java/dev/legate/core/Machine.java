package dev.legate.core;

import java.util.List;
import java.util.Map;

/**
 * The processors and memories a runtime uses, and the providers that could not start with the
 * reason each gave.
 */
public record Machine(List<Processor> processors, List<Memory> memories, Map<String, String> unavailable) {
    /** Copies the lists. */
    public Machine {
        processors = List.copyOf(processors);
        memories = List.copyOf(memories);
        unavailable = Map.copyOf(unavailable);
    }

    /** The processors of one kind, in index order. */
    public List<Processor> processors(ProcessorKind kind) {
        return processors.stream().filter(p -> p.kind() == kind).toList();
    }

    /** The number of processors of one kind. */
    public int count(ProcessorKind kind) {
        return (int) processors.stream().filter(p -> p.kind() == kind).count();
    }
}
