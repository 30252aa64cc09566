package dev.legate.core;

/** The kinds of processors a task variant can be written for. */
public enum ProcessorKind {
    /** A CPU core running Java code on host memory. */
    CPU,
    /** A GPU running kernels on its own memory. */
    GPU
}
