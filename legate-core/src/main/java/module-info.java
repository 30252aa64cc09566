/**
 * The Legate core runtime: typed N-d stores and arrays with zero-copy views, partitions and the
 * constraints they are solved from, task launches (auto, manual and annotated), reductions,
 * asynchronous execution ordered by data dependences, and the SPIs through which libraries
 * register tasks and providers contribute processors and memories.
 *
 * <p>The module knows no library and no provider: both are found with
 * {@link java.util.ServiceLoader} at start-up.
 *
 * @uses dev.legate.core.spi.LegateLibrary
 * @uses dev.legate.core.spi.ProviderFactory
 */
module dev.legate.core {
    requires jdk.jfr;

    exports dev.legate.core;
    exports dev.legate.core.spi;

    uses dev.legate.core.spi.LegateLibrary;
    uses dev.legate.core.spi.ProviderFactory;
}
