package dev.legate.core;

/**
 * A handle to one store argument of an {@link AutoTask}, used to state constraints. Only
 * meaningful for the task that returned it.
 */
public final class Variable {
    private final Object owner;
    private final int index;
    private final String name;

    /** Made by task implementations. */
    public Variable(Object owner, int index, String name) {
        this.owner = owner;
        this.index = index;
        this.name = name;
    }

    /** The task that created this variable. */
    public Object owner() {
        return owner;
    }

    /** The argument's position among the task's store arguments. */
    public int index() {
        return index;
    }

    /** A name for messages, such as {@code input0} or a parameter name. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
