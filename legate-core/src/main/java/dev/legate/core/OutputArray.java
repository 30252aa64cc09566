package dev.legate.core;

/** An array argument that the task written (its previous contents are not read). */
public interface OutputArray extends ArrayArgument {
}
