package dev.legate.core;

/** An array argument that the task reduced into with the operator given at launch. */
public interface ReductionArray extends ArrayArgument {
}
