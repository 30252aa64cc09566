package dev.legate.core;

/**
 * A processor that runs point tasks: a CPU core or a GPU. Processors are numbered per kind
 * from 0 in the order their providers report them.
 */
public interface Processor {
    /** CPU or GPU. */
    ProcessorKind kind();

    /** The index of this processor among the runtime's processors of its kind. */
    int index();

    /** A short name, such as {@code cpu3} or {@code gpu0}. */
    String name();

    /** The memory that tasks running here read and write. */
    Memory memory();

    /**
     * Bytes of the last cache between this processor and its memory that all its threads share
     * (a GPU's L2), or 0 when the provider does not know it.
     */
    default long sharedCacheBytes() {
        return 0;
    }
}
