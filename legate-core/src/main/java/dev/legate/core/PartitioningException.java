package dev.legate.core;

import java.util.List;

/**
 * Thrown when the constraints of a task launch cannot all be satisfied. It lists every
 * conflict found, not only the first, so one run shows everything to fix.
 */
public class PartitioningException extends LegateException {
    private static final long serialVersionUID = 1L;
    private final List<String> conflicts;

    /** An exception for the named task listing each conflict. */
    public PartitioningException(String task, List<String> conflicts) {
        super("cannot partition task " + task + ": " + conflicts.size() + " unsatisfiable constraint"
                + (conflicts.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /** Every conflict, one message each. */
    public List<String> conflicts() {
        return conflicts;
    }
}
