/** Benchmarks of the core runtime, each printing its peer's figure from the same run and the ratio. */
module dev.legate.bench.core {
    requires dev.legate.core;

    exports dev.legate.bench.core;

    provides dev.legate.core.spi.LegateLibrary with dev.legate.bench.core.TaskOverhead.Lib;
}
