/**
 * Benchmarks of the numeric library: each workload prints its time, NumPy's time for the same
 * workload measured in the same run (bench/numeric/numpy_peer.py) and the ratio, next to the
 * machine's STREAM triad bandwidth.
 */
module dev.legate.bench.numeric {
    requires dev.legate.numeric;
    requires dev.legate.examples.numeric;

    exports dev.legate.bench.numeric;
}
