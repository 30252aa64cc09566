package dev.legate.core;

/** The body of one task variant: runs once per point task, on the processor it was mapped to. */
@FunctionalInterface
public interface TaskBody {
    /** Runs the variant on the tiles and scalars of {@code context}. */
    void run(TaskContext context) throws Exception;
}
