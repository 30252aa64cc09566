package dev.legate.core;

/** A memory that holds instances of stores: host memory or one GPU's memory. */
public interface Memory {
    /** Host or device memory. */
    MemoryKind kind();

    /** A short name, such as {@code sysmem} or {@code fbmem0}. */
    String name();

    /** The most bytes the runtime may allocate here. */
    long capacity();

    /** The bytes currently allocated here. */
    long used();
}
