package dev.legate.core.internal;

/** A recorded operation in the window: a task launch (fills and copies are task launches too). */
interface Operation {
    /** Turns the operation into graph nodes and dispatches the ready ones; under the analysis lock. */
    void launch(RuntimeImpl rt);
}
