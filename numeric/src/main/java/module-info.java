/**
 * Numeric: NumPy-like N-d arrays on the Legate runtime, the Java counterpart of cuPyNumeric.
 */
module dev.legate.numeric {
    requires transitive dev.legate.core;
    requires jdk.incubator.vector;

    exports dev.legate.numeric;

    provides dev.legate.core.spi.LegateLibrary with dev.legate.numeric.internal.NumericLibrary;
}
