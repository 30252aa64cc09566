package dev.legate.core;

/** An array argument that the task read. */
public interface InputArray extends ArrayArgument {
}
