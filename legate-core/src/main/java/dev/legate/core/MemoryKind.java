package dev.legate.core;

/** The kinds of memories instances of stores live in. */
public enum MemoryKind {
    /** Host (system) memory, addressable from Java as MemorySegments. */
    HOST,
    /** A GPU's framebuffer memory. */
    DEVICE
}
