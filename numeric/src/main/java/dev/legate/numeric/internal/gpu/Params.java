package dev.legate.numeric.internal.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel's parameters built together with their values, so that the C parameter list of a
 * generated source and the arguments of each launch come from one sequence of calls and cannot
 * disagree.
 */
final class Params {
    private final StringBuilder declarations = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    /** Adds parameter {@code declaration} (such as {@code "i64 e0"}) with its value. */
    Params add(String declaration, Object value) {
        if (!values.isEmpty()) {
            declarations.append(", ");
        }
        declarations.append(declaration);
        values.add(value);
        return this;
    }

    /** Adds a 64-bit integer parameter {@code name}. */
    Params i64(String name, long value) {
        return add("i64 " + name, value);
    }

    /** Adds a device pointer parameter of C type {@code type} (such as {@code "const double*"}). */
    Params pointer(String type, String name, long address) {
        return add(type + " " + name, address);
    }

    /** The C parameter list. */
    String declarations() {
        return declarations.toString();
    }

    /** The launch arguments. */
    Object[] values() {
        return values.toArray();
    }
}
