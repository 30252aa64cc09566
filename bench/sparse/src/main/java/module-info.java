/** Benchmarks of the sparse library, each printing its SciPy peer's figure from the same run and the ratio. */
module dev.legate.bench.sparse {
    requires dev.legate.sparse;

    exports dev.legate.bench.sparse;
}
