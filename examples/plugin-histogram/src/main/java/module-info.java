/**
 * An example third-party Legate library, written exactly as the in-tree ones are: its task is
 * registered through the public SPI and found with ServiceLoader on the module path (or in a
 * {@code plugins/} folder).
 */
module org.example.histogram {
    requires dev.legate.core;

    exports org.example.histogram;

    provides dev.legate.core.spi.LegateLibrary with org.example.histogram.internal.HistogramLibrary;
}
