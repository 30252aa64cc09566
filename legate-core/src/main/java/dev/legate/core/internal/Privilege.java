package dev.legate.core.internal;

/** How a task accesses a store argument. */
enum Privilege {
    READ, WRITE, READ_WRITE, REDUCE;

    boolean reads() {
        return this == READ || this == READ_WRITE;
    }

    boolean writes() {
        return this != READ;
    }
}
