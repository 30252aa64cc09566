package dev.legate.numeric.internal.expr;

import dev.legate.core.TypeCode;

/** The compute kind of a type code inside the interpreter. */
enum Kind {
    DOUBLE, LONG, COMPLEX;

    static Kind of(TypeCode c) {
        if (c.isFloating()) {
            return DOUBLE;
        }
        if (c.isComplex()) {
            return COMPLEX;
        }
        return LONG;
    }
}
