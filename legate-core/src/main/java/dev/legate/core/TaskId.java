package dev.legate.core;

/** A registered task: the library that registered it, its local id and its name. */
public record TaskId(String library, int localId, String name) {
    @Override
    public String toString() {
        return library + "." + name;
    }
}
